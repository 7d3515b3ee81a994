package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// urlRetrieve273 are the urllib download functions whose element 0 is the
// local path of the downloaded file.
var urlRetrieve273 = []string{"urllib.request.urlretrieve", "urllib.urlretrieve"}

// pathBuilders273 pass a download's path through (a file below a
// snapshot directory, the same path as a str or Path).
var pathBuilders273 = []string{"os.path.join", "posixpath.join", "pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath",
	"builtins.str", "os.fspath"}

// integrityChecks273: a call to one of these in the function silences 273.
func integrityCheck273(c Call) bool {
	q := c.Callee()
	return strings.HasPrefix(q, "hashlib.") || q == "hmac.new" || q == "hmac.compare_digest"
}

// explainerLoader273 classifies c: "pickle" for shap `<Class>.load` and
// alibi's load_explainer (arg 0 is the artifact), "mlflow" for
// mlflow.shap.load_explainer (arg 0 is the model URI), "" otherwise.
func explainerLoader273(c Call) (kind string, arg *Node) {
	q := c.Callee()
	switch {
	case q == "alibi.saving.load_explainer":
		return "pickle", c.Arg(0, "path")
	case q == "mlflow.shap.load_explainer":
		return "mlflow", c.Arg(0, "model_uri")
	}
	pkg, name, ok := qualClassXAI(q)
	if !ok || name != "load" || !underXAI(pkg, "shap") {
		return "", nil
	}
	_, class, ok := qualClassXAI(pkg)
	if !ok || class == "" || class[0] < 'A' || class[0] > 'Z' {
		return "", nil // shap.<module>.load is no Serializable class method
	}
	return "pickle", c.Arg(0, "in_file")
}

var AIML273 = &Rule{
	ID:         "AIML273",
	Title:      "Feature importance injection",
	Section:    "2.4.2",
	Severity:   Critical,
	References: []string{"CWE-502", "OWASP ML06", "MITRE ATLAS AML.T0010", "MITRE ATLAS AML.T0011"},
	Fix:        Guidance,
	Message:    "Explainer artifact from an untrusted source is loaded with a pickle/dill loader: code execution and injected importances.",
	Doc: "Explainers, and the feature importances they produce, are restored with pickle-family loaders: " +
		"`shap.Explainer.load` (and `.load` of every shap explainer and masker class) reads pickle and cloudpickle " +
		"streams, `alibi.saving.load_explainer` reads dill files and `mlflow.shap.load_explainer` unpickles the " +
		"logged explainer. An artifact that comes from the request, from a network response or from an unverified " +
		"`hf_hub_download`/`snapshot_download`/`urlretrieve` download runs arbitrary code when loaded and can return " +
		"injected importances.",
	FixDoc: "Rebuild the explainer at startup from the trusted model (`shap.TreeExplainer(model)`), or verify a pinned " +
		"SHA-256 of the downloaded artifact (`hashlib.sha256(data).hexdigest() == EXPECTED`, `hmac.compare_digest`) " +
		"before loading it; pin hub downloads to a commit (`revision=\"<40-hex sha>\"`).",
	Example: `def load_explainer(repo_id):
    path = hf_hub_download(repo_id, "explainer.shap")
    with open(path, "rb") as fh:
        return shap.Explainer.load(fh)`,
	SafeExample: `def load_explainer():
    with open("artifacts/explainer.shap", "rb") as fh:
        return shap.Explainer.load(fh)`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		kind, arg := explainerLoader273(c)
		if arg == nil {
			return
		}
		var msg string
		switch kind {
		case "mlflow":
			l := web24(p, arg)
			if l == 0 {
				return
			}
			msg = "Explainer URI comes from " + SourceName(l) + "; mlflow.shap.load_explainer unpickles it: code execution and injected importances."
		case "pickle":
			src := untrusted273(p, arg, 0)
			if src == "" {
				return
			}
			msg = "Explainer artifact from " + src + " is loaded with a pickle/dill loader: code execution and injected importances."
		}
		if p.ScopeHasCall(p.FunctionScope(n), integrityCheck273) {
			return
		}
		p.ReportCall(c, p.Guidance()).Message = msg
	},
}

// downloadSource273 names a download source in messages.
const downloadSource273 = "an unverified download"

// untrusted273 names the source when n is (i) T-WEB/T-NET, (ii) a download
// of this SCOPE, or (iii) a file object opened on either; "" otherwise.
func untrusted273(p *Pass, n *Node, depth int) string {
	n = Unparen(n)
	if n == nil || depth > 8 {
		return ""
	}
	direct := func(v *Node) string {
		if l := remote24(p, v); l != 0 {
			return SourceName(l)
		}
		if downloaded273(p, v, 0) {
			return downloadSource273
		}
		return ""
	}
	if src := direct(n); src != "" {
		return src
	}
	switch n.Kind {
	case KCall:
		c, _ := p.AsCall(n)
		if c.Is("builtins.open", "io.open", "io.BytesIO") {
			if v := c.Arg(0, "file", "initial_bytes"); v != nil {
				return direct(v)
			}
			return ""
		}
		if c.Method() == "open" && downloaded273(p, c.Receiver(), 0) {
			return downloadSource273 // Path(downloaded).open("rb")
		}
	case KIdentifier:
		if d := localDef273(p, n); d != nil && !d.Unpacked && (d.Kind == DefAssign || d.Kind == DefWith) {
			return untrusted273(p, d.Value, depth+1)
		}
	}
	return ""
}

// localDef273 is the binding of name n visible at n in n's own SCOPE.
func localDef273(p *Pass, n *Node) *Def {
	s := p.ScopeOf(n)
	if s == nil || !s.Binds(n.Text()) {
		return nil
	}
	return s.DefAt(n.Text(), n.Start)
}

// downloaded273 reports whether n is data-dependent, in its SCOPE, on the
// path returned by an unpinned huggingface_hub download or by urlretrieve
// (element 0), or is the filename an earlier urlretrieve of the SCOPE
// wrote to (SAME EXPRESSION).
func downloaded273(p *Pass, n *Node, depth int) bool {
	n = Unparen(n)
	if n == nil || depth > 12 {
		return false
	}
	if retrievedTo273(p, n) {
		return true
	}
	switch n.Kind {
	case KCall:
		c, _ := p.AsCall(n)
		if p.IsHubDownload(c) {
			return !IsPinnedRevision(c)
		}
		if c.Is(urlRetrieve273...) {
			return false // the (filename, headers) tuple itself; element 0 is handled by the subscript
		}
		if c.Is(pathBuilders273...) {
			for _, a := range c.Positional() {
				if downloaded273(p, a, depth+1) {
					return true
				}
			}
			return false
		}
		if m := c.Method(); m == "joinpath" || m == "resolve" || m == "absolute" || m == "as_posix" {
			return downloaded273(p, c.Receiver(), depth+1)
		}
	case KSubscript:
		v := Unparen(n.Field("value"))
		if vc, ok := p.AsCall(v); ok && vc.Is(urlRetrieve273...) {
			l := LiteralValue(n.Field("subscript"))
			return l.Kind == LitInt && l.Num == 0
		}
		if v != nil && v.Kind == KIdentifier {
			if d := localDef273(p, v); d != nil && d.Kind == DefAssign && !d.Unpacked {
				if vc, ok := p.AsCall(d.Value); ok && vc.Is(urlRetrieve273...) {
					l := LiteralValue(n.Field("subscript"))
					return l.Kind == LitInt && l.Num == 0
				}
			}
		}
		return false
	case KBinaryOperator:
		if op := n.Field("operator"); op != nil && (op.Is("/") || op.Is("+")) {
			return downloaded273(p, n.Field("left"), depth+1) || downloaded273(p, n.Field("right"), depth+1)
		}
	case KString:
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if ch.Kind == KInterpolation && downloaded273(p, ch.Field("expression"), depth+1) {
				return true
			}
		}
	case KIdentifier:
		d := localDef273(p, n)
		if d == nil || d.Kind != DefAssign && d.Kind != DefWith {
			return false
		}
		if d.Unpacked {
			vc, ok := p.AsCall(d.Value)
			return ok && vc.Is(urlRetrieve273...) && UnpackIndex(d) == 0
		}
		return downloaded273(p, d.Value, depth+1)
	}
	return false
}

// retrievedTo273: n is the SAME EXPRESSION as the filename argument of a
// urlretrieve call made earlier in n's SCOPE.
func retrievedTo273(p *Pass, n *Node) bool {
	if n.Kind != KIdentifier && n.Kind != KString && n.Kind != KAttribute {
		return false
	}
	s := p.FunctionScope(n)
	found := false
	s.Walk(func(m *Node) {
		if found || m.Kind != KCall || m.End > n.Start {
			return
		}
		if c, ok := p.AsCall(m); ok && c.Is(urlRetrieve273...) {
			if dst := c.Arg(1, "filename"); dst != nil && SameExpression(dst, n) {
				found = true
			}
		}
	})
	return found
}

func init() { register(AIML273) }
