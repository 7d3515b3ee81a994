package rules

import . "github.com/pyguard/pyguard/analyzer"

// flag251 is one security toggle: its safe value and what legitimate
// callers may see change once it is fixed to that value.
type flag251 struct {
	safe, changing string
}

var flags251 = map[string]flag251{
	"trust_remote_code": {"False", "models that need their own Python code from the Hub stop loading."},
	"weights_only":      {"True", "checkpoints that pickle custom classes or other non-tensor objects stop loading."},
	"allow_pickle":      {"False", "files holding object arrays or pickled objects now raise ValueError."},
	"safe_mode":         {"True", "Keras models with Lambda layers (arbitrary code) stop loading."},
	"verify": {"True", "servers with self-signed or private-CA certificates are now rejected unless their CA " +
		"bundle is configured server-side."},
	"use_safetensors": {"True", "models published only as pickle (.bin) weights stop loading."},
	"allow_dangerous_deserialization": {"False", "pickled indexes and stores (e.g. FAISS `index.pkl`) stop " +
		"loading."},
	"requires_safety_checker": {"True", "pipelines loaded without a safety checker now fail or warn instead of " +
		"generating unfiltered images."},
}

var AIML251 = &Rule{
	ID:         "AIML251",
	Title:      "Feature flag manipulation",
	Section:    "2.3.2",
	Severity:   Critical,
	References: []string{"CWE-807", "CWE-502", "CWE-295", "OWASP ML06"},
	Fix:        Unsafe,
	Message:    "A request value controls a security flag (e.g. trust_remote_code/weights_only); callers can disable the protection.",
	Doc: "Inside a request handler, a security toggle of a loading or network API — `trust_remote_code`, " +
		"`weights_only`, `allow_pickle`, `safe_mode`, `verify`, `use_safetensors`, " +
		"`allow_dangerous_deserialization` or `requires_safety_checker` — is set from request data. Any caller can " +
		"switch the protection off: run a Hub repository's code, unpickle a checkpoint, skip TLS verification.",
	FixDoc: "Replace the value with the safe literal: `trust_remote_code=False`, `weights_only=True`, " +
		"`allow_pickle=False`, `safe_mode=True`, `verify=True`, `use_safetensors=True`, " +
		"`allow_dangerous_deserialization=False`, `requires_safety_checker=True`.",
	Example: `@app.post("/load")
def load(req: LoadReq):
    m = AutoModel.from_pretrained(req.repo, revision=PINNED[req.repo], trust_remote_code=req.trust_code)
    return {"params": m.num_parameters()}`,
	SafeExample: `@app.post("/load")
def load(req: LoadReq):
    m = AutoModel.from_pretrained(req.repo, revision=PINNED[req.repo], trust_remote_code=False)
    return {"params": m.num_parameters()}`,
	Kinds: []Kind{KKeywordArgument},
	Check: func(p *Pass, n *Node) {
		name := n.Field("name")
		if name == nil {
			return
		}
		flag, ok := flags251[name.Text()]
		if !ok {
			return
		}
		if args := n.Parent(); args == nil || args.Kind != KArgumentList || args.Parent() == nil || args.Parent().Kind != KCall {
			return
		}
		v := Unparen(n.Field("value"))
		if v == nil || LiteralValue(v).Kind != NotLiteral {
			return
		}
		if fn := p.FuncOf(n); !fn.IsRoute() {
			return
		}
		label := p.Taint(v, nil) & WebTaint
		if label == 0 {
			return
		}
		kw := name.Text()
		fd := p.Report(n, p.Edits(Unsafe, "Set `"+kw+"="+flag.safe+"` here instead of `"+codeText(v, 40)+"`, so "+
			"callers can no longer turn this protection off.", ReplaceNode(v, flag.safe)).Changing(flag.changing))
		fd.Message = "A request value (" + codeText(v, 30) + ") controls " + kw + "; callers can switch the protection off."
		if len(fd.Message) > 140 {
			fd.Message = p.Rule.Message
		}
	},
}

func init() { register(AIML251) }
