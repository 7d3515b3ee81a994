package rules

import . "github.com/pyguard/pyguard/analyzer"

// tritonClients236 are the tritonclient InferenceServerClient classes.
var tritonClients236 = setOf([]string{"tritonclient.http.InferenceServerClient",
	"tritonclient.grpc.InferenceServerClient", "tritonclient.http.aio.InferenceServerClient",
	"tritonclient.grpc.aio.InferenceServerClient"})

var AIML236 = &Rule{
	ID:         "AIML236",
	Title:      "Model versioning bypass",
	Section:    "2.3.1",
	Severity:   High,
	References: []string{"CWE-639", "CWE-284", "OWASP ML06"},
	Fix:        Guidance,
	Message:    "Request data selects the served model version/URI, bypassing model promotion controls.",
	Doc: "The caller picks which version of a fixed model is served: a Triton `infer`/`async_infer` call takes " +
		"`model_version` from the request, or an MLflow loader gets `f\"models:/<name>/{version}\"` (or " +
		"`models:/<name>@{alias}`) with the version, stage or alias from the request. Callers can force a retired, " +
		"unapproved or known-weak version and bypass promotion gates. A request that controls the whole URI, the " +
		"model name or a run is arbitrary model loading (AIML216).",
	FixDoc: "Serve only the registry alias/version chosen at deploy time; if clients may pick, map their choice " +
		"through an allow-list of approved versions.",
	Example: `@app.post("/predict")
def predict(req: PredictRequest):
    model = mlflow.pyfunc.load_model(f"models:/fraud/{req.version}")
    return {"score": model.predict(req.frame()).tolist()}`,
	SafeExample: `@app.post("/predict")
def predict(req: PredictRequest):
    model = mlflow.pyfunc.load_model(APPROVED_URIS[req.channel])
    return {"score": model.predict(req.frame()).tolist()}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if at := tritonVersion236(p, c); at != nil {
			p.Report(at, p.Guidance())
			return
		}
		if arg := mlflowVersionURI236(p, c); arg != nil {
			p.Report(arg, p.Guidance())
		}
	},
}

// tritonVersion236 is the node to report when c is infer/async_infer on a
// Triton client whose model_version (keyword, or positional 2 as in
// infer(model_name, inputs, model_version="", ...)) is web-tainted.
func tritonVersion236(p *Pass, c Call) *Node {
	if m := c.Method(); m != "infer" && m != "async_infer" {
		return nil
	}
	if !p.TypeIn(c.Receiver(), tritonClients236) {
		return nil
	}
	if kw := c.Keyword("model_version"); kw != nil {
		if p.Taint(kw.Field("value"), nil)&WebTaint != 0 {
			return kw
		}
		return nil
	}
	if v := c.Pos(2); v != nil && p.Taint(v, nil)&WebTaint != 0 {
		return v
	}
	return nil
}

// mlflowVersionURI236 is the URI argument of an MLflow loader when the
// request picks only the version, stage or alias of a fixed registered
// model (the split AIML216 uses too).
func mlflowVersionURI236(p *Pass, c Call) *Node {
	arg := mlflowModelURI(c)
	if arg == nil || p.Taint(arg, nil)&WebTaint == 0 || !mlflowVersionOnly(p, arg, 0) {
		return nil
	}
	return arg
}

func init() { register(AIML236) }
