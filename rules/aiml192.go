package rules

import . "github.com/pyguard/pyguard/analyzer"

const guidance192 = "Exchange tensors in a format that cannot carry code: serialise with `safetensors.torch.save(...)` and " +
	"read with `safetensors.torch.load(...)` (or `torch.load(..., weights_only=True)` on torch>=2.10)."

var AIML192 = &Rule{
	ID:         "AIML192",
	Title:      "Gradient aggregation poisoning",
	Section:    "2.2.1",
	Severity:   Critical,
	References: []string{"CWE-502", "OWASP ML10", "OWASP ML02", "MITRE ATLAS AML.T0018", "CVE-2025-32434", "CVE-2026-24747"},
	Fix:        Unsafe,
	Message:    "Worker update received over the network is unpickled; any sender can run code on the aggregator. Use weights_only/safetensors.",
	Doc: "An aggregator or parameter server deserialises worker/client updates that arrive over the network " +
		"(request bodies and fields, socket/pyzmq/HTTP-client bodies, also through `io.BytesIO`, `base64.b64decode`, " +
		"`zlib.decompress`, `gzip.decompress`, `bytes`) with a pickle-based loader: `pickle`/`cloudpickle`/`dill` " +
		"`load(s)`, `joblib.load`, `pandas.read_pickle`, `numpy.load(allow_pickle=True)` or `torch.load` without " +
		"`weights_only=True` (torch before 2.6 defaults to unpickling; CVE-2025-32434 and CVE-2026-24747 affect the " +
		"`weights_only` unpickler before 2.10, so also pin torch>=2.10). Any sender gets code execution on the aggregator.",
	FixDoc: "`torch.load`: pass `weights_only=True` (replacing `weights_only=False`); `numpy.load`: replace " +
		"`allow_pickle=True` with `allow_pickle=False`. Updates that carry pickled Python objects then fail to load. " +
		"Other loaders: exchange tensors with `safetensors.torch.save`/`safetensors.torch.load`.",
	Example: `@app.post("/push_gradients")
def push_gradients():
    grads = torch.load(io.BytesIO(request.data))
    BUFFER.append(grads)
    return "ok"`,
	SafeExample: `@app.post("/push_gradients")
def push_gradients():
    grads = safetensors.torch.load(request.data)
    BUFFER.append(grads)
    return "ok"`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !unsafePickleLoad(c) {
			return
		}
		data := loaderDataArg(c)
		if data == nil {
			return
		}
		label := p.Taint(data, taint192) & RemoteTaint
		if label == 0 {
			return
		}
		if c.Is(pathLoaders192...) && isLocalPath192(p, data) {
			return // a local file path, not received bytes
		}
		if fn := p.FuncOf(n); fn != nil && fn.Route == RouteBento && label&WebTaint != 0 {
			return // parameter-derived: owned by AIML230 (§4 row 1); a network response stays ours
		}
		fd := p.ReportCall(c, fix192(p, c))
		fd.Message = message192(c, label)
		if c.Is(pathLoaders192...) {
			fd.UnlessReportedBy([]string{"AIML174"}, data) // client-chosen PATH (§4 row 2)
		}
	},
}

// message192 names the source found and the remedy for this callee.
func message192(c Call, label Label) string {
	src := SourceName(label)
	remedy := "Use a format that cannot carry code (safetensors, JSON)."
	switch {
	case c.Is("torch.load"):
		remedy = "Pass weights_only=True."
	case c.Is("numpy.load"):
		remedy = "Pass allow_pickle=False."
	case c.Is(qualify("pickle.", "load", "loads")...) || c.Is(qualify("cloudpickle.", "load", "loads")...) || c.Is(qualify("dill.", "load", "loads")...):
		remedy = "Send JSON or safetensors instead."
	}
	return "Unpickling " + src + " with " + codeText(c.Func, 24) + ": whoever sends it runs code here. " + remedy
}

// pickleWords192 name received updates in the safe-flag fix.
var pickleWords192 = pickleFlagWords{
	tensors: "received updates are read as tensors and never unpickled as arbitrary objects",
	stops: "updates that pickle custom classes or other non-tensor objects stop loading; senders must send plain " +
		"tensors and containers.",
	arrays:  "received arrays are never unpickled",
	holders: "updates",
}

func fix192(p *Pass, c Call) *Fix {
	if fx := pickleFlagFix(p, c, pickleWords192); fx != nil {
		return fx
	}
	if !c.Is("torch.load") && !c.Is("numpy.load") {
		return GuidanceFix("Replace `" + codeText(c.Func, 40) + "(...)` with a format that cannot carry code: `json.loads` for plain " +
			"values, `safetensors.torch.load` (or `safetensors.numpy.load`) for tensors and arrays, and send it that way.")
	}
	return GuidanceFix(guidance192)
}

func init() { register(AIML192) }
