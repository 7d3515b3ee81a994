package rules

import . "github.com/pyguard/pyguard/analyzer"

// onnxruntime's classes under their import paths.
var (
	inferenceSessions228 = []string{"onnxruntime.InferenceSession",
		"onnxruntime.capi.onnxruntime_inference_collection.InferenceSession"}
	sessionOptions228 = map[string]bool{"onnxruntime.SessionOptions": true,
		"onnxruntime.capi._pybind_state.SessionOptions":              true,
		"onnxruntime.capi.onnxruntime_pybind11_state.SessionOptions": true}
)

// pathViews228 return their argument's path in another form (normpath and
// abspath keep "../" traversal possible, so they are not sanitizers).
var pathViews228 = []string{"builtins.str", "os.fspath", "os.path.abspath", "os.path.normpath", "os.path.realpath",
	"posixpath.abspath", "posixpath.normpath", "posixpath.realpath"}

// taint228: PATH-SANITIZERS (§3.7) clean a path component.
var taint228 = &TaintSpec{Sanitizers: Set(PathSanitizers, []string{"ntpath.basename"}), PathNameSafe: true}

var AIML228 = &Rule{
	ID:         "AIML228",
	Title:      "ONNX Runtime risks",
	Section:    "2.3.1",
	Severity:   Critical,
	References: []string{"CWE-114", "CWE-22", "CWE-73", "OWASP ML06"},
	Fix:        Unsafe,
	Message:    "ONNX Runtime loads a model/custom-op library from a request-controlled path: traversal or native code execution.",
	Doc: "ONNX Runtime opens a location the caller chose: (a) `SessionOptions.register_custom_ops_library(path)` " +
		"dlopens a native library, so a request- or network-supplied path is native code execution; (b) " +
		"`onnxruntime.InferenceSession(path)` with a path built from request fields (directly, or through an " +
		"f-string, `+`, `os.path.join(...)` or a `pathlib` `/`) lets the caller traverse to any `.onnx` on disk. " +
		"Uploaded model bytes passed as such are an explicit upload feature and not reported.",
	FixDoc: "(b) Wrap the request-supplied path component in `os.path.basename(...)` so only a file name inside the " +
		"model directory can be chosen (or look it up in an allow-list); when the path is built in an earlier " +
		"statement, the comment says to do this there. (a) Load custom-op libraries only from a fixed path.",
	Example: `@app.get("/run")
def run():
    sess = ort.InferenceSession(os.path.join("models", request.args["name"]))
    return {"inputs": [i.name for i in sess.get_inputs()]}`,
	SafeExample: `@app.get("/run")
def run():
    sess = ort.InferenceSession(os.path.join("models", os.path.basename(request.args["name"])))
    return {"inputs": [i.name for i in sess.get_inputs()]}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if c.Method() == "register_custom_ops_library" && sessionOptions228[c.ReceiverType()] {
			lib := c.Arg(0, "library_path")
			if l := p.Taint(lib, nil) & RemoteTaint; lib != nil && l != 0 {
				fd := p.ReportCall(c, GuidanceFix("Load custom-op libraries only from a fixed, application-owned path; "+
					"never from `"+codeText(lib, 40)+"`."))
				fd.Message = "ONNX Runtime dlopens a custom-op library from a path in " + SourceName(l) +
					": native code execution on the server."
			}
			return
		}
		if !c.Is(inferenceSessions228...) {
			return
		}
		arg := c.Arg(0, "path_or_bytes")
		if arg == nil {
			return
		}
		l := p.Taint(arg, taint228) & WebTaint
		if l == 0 {
			return
		}
		leaves, shaped := pathLeaves228(p, arg, 0)
		if l&(WebField|WebOther) == 0 && !shaped {
			return // raw uploaded bytes: an explicit upload feature
		}
		p.ReportCall(c, fix228(p, c, leaves))
	},
}

// pathLeaves228 returns the tainted components of path expression e — the
// interpolations of an f-string, the operands of `+` and `/`, the arguments
// of os.path.join/pathlib.Path, or e itself — following a local variable
// to the path it is assigned; shaped reports whether e is written as a
// path expression (not a bare value).
func pathLeaves228(p *Pass, e *Node, depth int) (leaves []*Node, shaped bool) {
	e = Unparen(e)
	if e == nil || depth > 8 || p.Taint(e, taint228)&WebTaint == 0 {
		return nil, false
	}
	switch e.Kind {
	case KString:
		for ch := e.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if ch.Kind == KInterpolation {
				if x := ch.Field("expression"); x != nil && p.Taint(x, taint228)&WebTaint != 0 {
					leaves = append(leaves, Unparen(x))
				}
			}
		}
		return leaves, true
	case KConcatenatedString:
		for _, s := range e.NamedChildren() {
			ls, _ := pathLeaves228(p, s, depth+1)
			leaves = append(leaves, ls...)
		}
		return leaves, true
	case KBinaryOperator:
		if op := e.Field("operator"); op != nil && (op.Is("+") || op.Is("/")) {
			for _, side := range []*Node{e.Field("left"), e.Field("right")} {
				ls, _ := pathLeaves228(p, side, depth+1)
				leaves = append(leaves, ls...)
			}
			return leaves, true
		}
	case KCall:
		if c, _ := p.AsCall(e); c.Is("os.path.join", "posixpath.join", "pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath") {
			for _, a := range c.Positional() {
				ls, _ := pathLeaves228(p, a, depth+1)
				leaves = append(leaves, ls...)
			}
			return leaves, true
		}
		if c, _ := p.AsCall(e); c.Is(pathViews228...) && len(c.Positional()) == 1 {
			// str(path), os.fspath(path), os.path.abspath(path): the same path.
			return pathLeaves228(p, c.Pos(0), depth+1)
		}
	case KIdentifier:
		if d := p.ScopeOf(e).DefAt(e.Text(), e.Start); d != nil && d.Kind == DefAssign && !d.Unpacked && d.Value != nil {
			if ls, ok := pathLeaves228(p, d.Value, depth+1); ok {
				return ls, true
			}
		}
	}
	return []*Node{e}, false
}

// fix228 wraps each tainted path component written in the call's own
// statement in os.path.basename(...); otherwise guidance.
func fix228(p *Pass, c Call, leaves []*Node) *Fix {
	stmt := Statement(c.Node)
	guidance := GuidanceFix("Reduce the request-supplied part of this model path to a file name with " +
		"`os.path.basename(...)` where the path is built, or map it through an allow-list of model files.")
	if stmt == nil || len(leaves) == 0 {
		return guidance
	}
	for _, lf := range leaves {
		if !stmt.Contains(lf) {
			return guidance
		}
	}
	names := codeText(leaves[0], 40)
	if len(leaves) > 1 {
		names += "` and the other request parts"
	} else {
		names += "`"
	}
	b := p.NewFix(Unsafe, "Wrap `"+names+" in `os.path.basename(...)`, so the client can choose only a file name, "+
		"not a path to another directory.", c.Node).
		Changing("clients that send a path with directories (`a/b.onnx`) now load `b.onnx` from the model directory " +
			"or get an error.")
	basename := b.Module("os") + ".path.basename"
	for _, lf := range leaves {
		b.Add(ReplaceNode(lf, basename+"("+lf.Text()+")"))
	}
	return b.Build(guidance)
}

func init() { register(AIML228) }
