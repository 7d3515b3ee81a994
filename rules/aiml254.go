package rules

import . "github.com/pyguard/pyguard/analyzer"

// loaders254 load a Core ML model or spec: MLModel(model, ...) (defined in
// coremltools/models/model.py) and load_spec(model_path) (coremltools/models/utils.py,
// re-exported as coremltools.utils).
var loaders254 = []string{"coremltools.models.MLModel", "coremltools.models.model.MLModel",
	"coremltools.utils.load_spec", "coremltools.models.utils.load_spec"}

// converters254 produce a model whose .save(p) writes p in this process.
var converters254 = map[string]bool{"coremltools.convert": true, "coremltools.converters.convert": true,
	"coremltools.converters._converters_entry.convert": true}

var AIML254 = &Rule{
	ID:         "AIML254",
	Title:      "Core ML injection",
	Section:    "2.3.3",
	Severity:   Medium,
	References: []string{"CWE-494", "CWE-22", "OWASP ML06"},
	Fix:        Guidance,
	Message:    "Core ML model loaded from a request/network source without integrity check; a substituted model can be shipped.",
	Doc: "A Core ML model or spec is loaded (for conversion, re-packaging or prediction) with `coremltools.models.MLModel` " +
		"or `coremltools.utils.load_spec` from a path the request chooses or from downloaded bytes, and the function " +
		"checks no digest or signature. A caller or whoever controls the download substitutes the model that gets " +
		"packaged into apps.",
	FixDoc: "Load only models produced by your own conversion step or verify a pinned digest; never take the model " +
		"path from the request.",
	Example: `@app.post("/package")
def package(job: PackageJob):
    mlmodel = ct.models.MLModel(os.path.join(MODEL_ROOT, job.model_file))
    mlmodel.short_description = job.title
    mlmodel.save(os.path.join(OUT_DIR, "App.mlpackage"))`,
	SafeExample: `@app.post("/package")
def package(job: PackageJob):
    mlmodel = ct.models.MLModel(RELEASED_MODELS[job.model_id])
    mlmodel.save(os.path.join(OUT_DIR, "App.mlpackage"))`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !c.Is(loaders254...) {
			return
		}
		arg := c.Arg(0, "model", "model_path")
		if arg == nil {
			return
		}
		label := p.Taint(arg, nil) & RemoteTaint
		if label == 0 || integrityCheckedEdge(p, n) || convertedHere254(p, c, arg) {
			return
		}
		fd := p.ReportCall(c, p.Guidance())
		fd.Message = "Core ML model loaded from " + SourceName(label) + " without integrity check; a substituted model can be shipped."
	},
}

// convertedHere254 reports whether arg was just written, earlier in the
// same SCOPE, by `.save(arg)` on the result of `coremltools.convert(...)`.
func convertedHere254(p *Pass, c Call, arg *Node) bool {
	return p.ScopeHasCall(p.FunctionScope(c.Node), func(k Call) bool {
		if k.Method() != "save" || k.Node.Start >= c.Node.Start {
			return false
		}
		saved := k.Arg(0, "save_path")
		return saved != nil && SameExpression(Unparen(saved), Unparen(arg)) && converters254[p.TypeOf(k.Receiver())]
	})
}

func init() { register(AIML254) }
