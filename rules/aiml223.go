package rules

import . "github.com/pyguard/pyguard/analyzer"

// pathBuilders223 pass on the downloaded path (propagation of AIML223:
// os.path.join, Path(...), open(...), str()).
var pathBuilders223 = []string{"os.path.join", "posixpath.join", "pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath",
	"builtins.open", "io.open", "builtins.str"}

// pathMethods223 return data of (or a path inside) their receiver.
var pathMethods223 = map[string]bool{"read_bytes": true, "read": true, "open": true, "joinpath": true}

var AIML223 = &Rule{
	ID:         "AIML223",
	Title:      "Artifact poisoning",
	Section:    "2.2.3",
	Severity:   High,
	References: []string{"CWE-502", "CWE-494", "OWASP ML06", "MITRE ATLAS AML.T0010", "MITRE ATLAS AML.T0018"},
	Fix:        Unsafe,
	Message:    "Artifact downloaded from the tracking server is unpickled; anyone who can log to that project can run code here.",
	Doc: "An artifact downloaded from the tracking server (`mlflow.artifacts.download_artifacts`, " +
		"`MlflowClient.download_artifacts`, or `.download()` of a W&B artifact from `use_artifact`/`Api().artifact`) " +
		"is deserialised with a pickle-based loader: `pickle`/`cloudpickle`/`dill` `load(s)`, `joblib.load`, " +
		"`pandas.read_pickle`, `torch.load` without `weights_only=True` or `numpy.load(allow_pickle=True)`. Anyone who " +
		"can log artifacts to that project (a compromised CI job, a teammate's token) gets code execution wherever " +
		"the artifact is loaded.",
	FixDoc: "`torch.load`: add `weights_only=True`; `numpy.load`: replace `allow_pickle=True` with " +
		"`allow_pickle=False` (artifacts holding pickled objects then fail to load). Other loaders: store artifacts " +
		"as safetensors/ONNX/skops and load them with the matching safe loader.",
	Example: `import os
import mlflow
import torch

def load_encoder(run_id):
    local_dir = mlflow.artifacts.download_artifacts(run_id=run_id, artifact_path="encoder")
    state = torch.load(os.path.join(local_dir, "encoder.pt"), map_location="cpu")
    return state`,
	SafeExample: `def load_encoder(run_id):
    local_dir = mlflow.artifacts.download_artifacts(run_id=run_id, artifact_path="encoder")
    return safetensors.torch.load_file(os.path.join(local_dir, "encoder.safetensors"))`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !unsafePickleLoad(c) {
			return
		}
		if data := loaderDataArg(c); data != nil && fromDownload223(p, data, 0) {
			p.ReportCall(c, fix223(p, c))
		}
	},
}

// fromDownload223 reports whether expression e is data-dependent on the
// value of a tracker download call in the same SCOPE.
func fromDownload223(p *Pass, e *Node, depth int) bool {
	e = Unparen(e)
	if e == nil || depth > 12 {
		return false
	}
	switch e.Kind {
	case KIdentifier:
		d := p.ScopeOf(e).DefAt(e.Text(), e.Start)
		if d == nil || d.Value == nil {
			return false
		}
		switch d.Kind {
		case DefAssign, DefWith, DefAugment:
			return fromDownload223(p, d.Value, depth+1)
		}
	case KCall:
		c, _ := p.AsCall(e)
		if isDownload223(p, c) {
			return true
		}
		if c.Is(pathBuilders223...) {
			for _, a := range c.Positional() {
				if fromDownload223(p, a, depth+1) {
					return true
				}
			}
			return fromDownload223(p, c.Kwarg("file"), depth+1)
		}
		if pathMethods223[c.Method()] && c.Callee() == "" {
			return fromDownload223(p, c.Receiver(), depth+1)
		}
	case KBinaryOperator:
		if op := e.Field("operator"); op != nil && (op.Is("/") || op.Is("+")) {
			return fromDownload223(p, e.Field("left"), depth+1) || fromDownload223(p, e.Field("right"), depth+1)
		}
	case KString:
		for ch := e.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if ch.Kind == KInterpolation && fromDownload223(p, ch.Field("expression"), depth+1) {
				return true
			}
		}
	}
	return false
}

// isDownload223: mlflow.artifacts.download_artifacts(...),
// <MlflowClient>.download_artifacts(...), or .download() on a W&B artifact
// from <wandb Run>.use_artifact(...), wandb.use_artifact(...) or
// <wandb.Api>.artifact(...).
func isDownload223(p *Pass, c Call) bool {
	switch {
	case c.Is("mlflow.artifacts.download_artifacts"):
		return true
	case c.Method() == "download_artifacts":
		return trackerKindTracking(p, c.Receiver()) == "mlflow-client"
	case c.Method() == "download":
		return isWandbArtifact223(p, c.Receiver(), 0)
	}
	return false
}

// isWandbArtifact223: r is (or is bound in its SCOPE to) a W&B artifact
// lookup call.
func isWandbArtifact223(p *Pass, r *Node, depth int) bool {
	r = Unparen(r)
	if r == nil || depth > 2 {
		return false
	}
	if r.Kind == KIdentifier {
		d := p.ScopeOf(r).DefAt(r.Text(), r.Start)
		if d == nil || d.Kind != DefAssign || d.Unpacked {
			return false
		}
		return isWandbArtifact223(p, d.Value, depth+1)
	}
	c, ok := p.AsCall(r)
	if !ok {
		return false
	}
	switch {
	case c.Is("wandb.use_artifact"):
		return true
	case c.Method() == "use_artifact":
		return trackerKindTracking(p, c.Receiver()) == "wandb-run"
	case c.Method() == "artifact":
		return trackerKindTracking(p, c.Receiver()) == "wandb-api"
	}
	return false
}

// fix223: weights_only=True for torch.load, allow_pickle=False for
// numpy.load, guidance for the other loaders.
func fix223(p *Pass, c Call) *Fix {
	if fx := pickleFlagFix(p, c, pickleFlagWords{
		tensors: "the downloaded artifact is read as tensors and never unpickled",
		stops:   "artifacts that pickle custom classes or whole modules stop loading; save them as a state_dict (or safetensors) instead.",
		arrays:  "the downloaded array file is never unpickled",
		holders: "artifacts",
	}); fx != nil {
		return fx
	}
	return GuidanceFix("Store this artifact in a format that cannot carry code (safetensors, ONNX, skops, JSON) and " +
		"load it with the matching safe loader instead of `" + codeText(c.Func, 40) + "`.")
}

func init() { register(AIML223) }
