package rules

import . "github.com/pyguard/pyguard/analyzer"

// interpreters253 build a TFLite interpreter: Interpreter(model_path=None,
// model_content=None, experimental_delegates=None, ...) in TensorFlow
// (tf.lite.Interpreter, defined in tensorflow/lite/python/interpreter.py),
// the standalone tflite_runtime wheel and its successor ai_edge_litert.
var interpreters253 = []string{"tensorflow.lite.Interpreter", "tensorflow.lite.python.interpreter.Interpreter",
	"tflite_runtime.interpreter.Interpreter", "ai_edge_litert.interpreter.Interpreter"}

// delegates253 dlopen a delegate shared library: load_delegate(library, options=None).
var delegates253 = []string{"tensorflow.lite.experimental.load_delegate", "tensorflow.lite.python.interpreter.load_delegate",
	"tflite_runtime.interpreter.load_delegate", "ai_edge_litert.interpreter.load_delegate"}

// digestEnv253 is the environment variable the edit pins the model digest in.
const digestEnv253 = "TFLITE_MODEL_SHA256"

var AIML253 = &Rule{
	ID:         "AIML253",
	Title:      "TFLite model tampering",
	Section:    "2.3.3",
	Severity:   High,
	References: []string{"CWE-494", "CWE-114", "CWE-345", "OWASP ML06"},
	Fix:        Guidance,
	EditFix:    Unsafe,
	EditFixDoc: "When `model_content=` is a name (or an attribute of one, such as `resp.content`) and the interpreter " +
		"is built in a statement on its own line, the edit inserts before that statement " +
		"`if hashlib.sha256(<bytes>).hexdigest() != os.environ[\"" + digestEnv253 + "\"]:` / " +
		"`raise ValueError(\"TFLite model digest mismatch\")` (adding `import hashlib` and `import os` when the " +
		"module does not bind them). The model then loads only when the operator pins its SHA-256 in " +
		digestEnv253 + "; request-chosen paths and delegate libraries keep the guidance.",
	Message: "TFLite model/delegate loaded from an unverified network or request source; a tampered model or library gets executed.",
	Doc: "A TFLite interpreter is built from model bytes fetched over the network (`requests.get(u).content`, " +
		"`urlopen(u).read()`) or from a path chosen by the request, and the function never checks a digest or " +
		"signature; or `load_delegate` loads a delegate shared library from a request- or network-supplied path. " +
		"Whoever controls the download or the request swaps the model the device runs, or gets native code loaded.",
	FixDoc: "Verify a SHA-256 (or signature) of the downloaded bytes against a pinned value before building the " +
		"interpreter; load delegates only from fixed paths.",
	Example: `import requests
import tensorflow as tf

def refresh_model(url):
    blob = requests.get(url, timeout=30).content
    return tf.lite.Interpreter(model_content=blob)`,
	SafeExample: `def refresh_model(url):
    blob = requests.get(url, timeout=30).content
    if hashlib.sha256(blob).hexdigest() != PINNED_SHA256:
        raise ValueError("model digest mismatch")
    return tf.lite.Interpreter(model_content=blob)`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		switch {
		case c.Is(interpreters253...):
			check253Interpreter(p, c)
		case c.Is(delegates253...):
			lib := c.Arg(0, "library")
			if lib == nil {
				return
			}
			label := p.Taint(lib, nil) & RemoteTaint
			if label == 0 || integrityCheckedEdge(p, n) {
				return
			}
			fd := p.ReportCall(c, GuidanceFix("Load TFLite delegates only from a fixed path on the device (a literal "+
				"or your own configuration), never from `"+codeText(lib, 40)+"`."))
			fd.Message = "TFLite delegate library loaded from " + SourceName(label) + ": its native code runs in this process."
		}
	},
}

// check253Interpreter: model_content (positional 1) net-tainted, or
// model_path (positional 0) web-tainted, with no integrity check.
func check253Interpreter(p *Pass, c Call) {
	if integrityCheckedEdge(p, c.Node) {
		return
	}
	if content := c.Arg(1, "model_content"); content != nil {
		if label := p.Taint(content, nil) & NetTaint; label != 0 {
			at := content
			if kw := c.Keyword("model_content"); kw != nil && kw.Field("value") == content {
				at = kw
			}
			fd := p.Report(at, fix253(p, c, content))
			fd.Message = "TFLite model bytes from " + SourceName(label) + " run with no digest check; " +
				"a tampered model gets executed. Verify a pinned SHA-256."
			return
		}
	}
	if path := c.Arg(0, "model_path"); path != nil {
		if label := p.Taint(path, nil) & WebTaint; label != 0 {
			at := path
			if kw := c.Keyword("model_path"); kw != nil && kw.Field("value") == path {
				at = kw
			}
			fd := p.Report(at, GuidanceFix("Do not take the model path from the request: map a request key to a "+
				"bundled model (`MODELS[key]`) and verify its pinned SHA-256 before building the interpreter."))
			fd.Message = "TFLite model path taken from " + SourceName(label) + " with no integrity check; " +
				"callers pick which model file gets executed."
		}
	}
}

// fix253 pins the SHA-256 of the downloaded bytes before the interpreter
// is built; guidance when the bytes expression or statement does not allow it.
func fix253(p *Pass, c Call, content *Node) *Fix {
	d := codeText(content, 40)
	fx := digestGuardEdge(p, c.Node, content, digestEnv253, "TFLite model",
		"Raise ValueError before building the interpreter unless the SHA-256 of `"+d+"` equals the digest pinned in "+
			digestEnv253+".")
	if fx == nil {
		return p.Guidance()
	}
	return fx
}

func init() { register(AIML253) }
