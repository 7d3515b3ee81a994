package rules

import . "github.com/pyguard/pyguard/analyzer"

// taint230: AIML230's view of the API's parameters (rule-local source, the
// engine's WEB-TAINT labels of a BentoML API) also reaches the file object
// open(...) returns and the bytes the usual decoders produce.
var taint230 = &TaintSpec{Propagators: Set([]string{"builtins.open", "io.open", "base64.b64decode",
	"base64.urlsafe_b64decode", "zlib.decompress", "gzip.decompress", "gzip.open", "bz2.decompress", "lzma.decompress"})}

var AIML230 = &Rule{
	ID:         "AIML230",
	Title:      "BentoML security issues",
	Section:    "2.3.1",
	Severity:   Critical,
	References: []string{"CWE-502", "OWASP ML06", "CVE-2024-2912", "CVE-2025-27520"},
	Fix:        Unsafe,
	Message:    "BentoML API unpickles caller-supplied data (CVE-2024-2912 class): any client can execute code on the server.",
	Doc: "A BentoML API (`@bentoml.api`, `@svc.api(...)`) passes what the caller sent — a parameter, its `.read()`, " +
		"`.path`, `io.BytesIO(...)` or `open(...)` — to a pickle-based loader: `pickle`/`cloudpickle`/`dill` " +
		"`load(s)`, `joblib.load`, `pandas.read_pickle`, `numpy.load(allow_pickle=True)` or `torch.load` without " +
		"`weights_only=True`. Unpickling runs code chosen by the sender, reproducing BentoML's own RCE class " +
		"(CVE-2024-2912, CVE-2025-27520) in the service code.",
	FixDoc: "`torch.load`: pass `weights_only=True` (replacing `weights_only=False`); `numpy.load`: replace " +
		"`allow_pickle=True` with `allow_pickle=False`. Inputs that carry pickled Python objects then fail to load. " +
		"Other loaders: accept JSON, NumPy arrays or safetensors instead of pickles.",
	Example: `@bentoml.service
class Scorer:
    @bentoml.api
    def score(self, blob: bytes) -> list:
        features = pickle.loads(blob)
        return self.model.predict(features).tolist()`,
	SafeExample: `@bentoml.service
class Scorer:
    @bentoml.api
    def score(self, rows: list) -> list:
        features = np.asarray(rows, dtype=np.float32)
        return self.model.predict(features).tolist()`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !unsafePickleLoad(c) {
			return
		}
		if fn := p.FuncOf(n); fn == nil || fn.Route != RouteBento {
			return // outside BentoML APIs: AIML192 / AIML174 (§4 row 1)
		}
		data := loaderDataArg(c)
		if data == nil || p.Taint(data, taint230)&WebTaint == 0 {
			return
		}
		p.ReportCall(c, fix230(p, c))
	},
}

// fix230: weights_only=True for torch.load, allow_pickle=False for
// numpy.load; guidance for the loaders that always unpickle.
func fix230(p *Pass, c Call) *Fix {
	if fx := pickleFlagFix(p, c, pickleFlagWords{
		tensors: "the caller's data is read as tensors and never unpickled as arbitrary objects",
		stops: "inputs that pickle custom classes or other non-tensor objects stop loading; clients must send plain " +
			"tensors and containers.",
		arrays:  "the caller's arrays are never unpickled",
		holders: "inputs",
	}); fx != nil {
		return fx
	}
	return GuidanceFix("Do not unpickle what the caller sends: replace `" + codeText(c.Func, 40) + "(...)` with a format that cannot " +
		"carry code (JSON or a typed BentoML input for plain values, `numpy.load(..., allow_pickle=False)` or " +
		"`safetensors` for arrays and tensors).")
}

func init() { register(AIML230) }
