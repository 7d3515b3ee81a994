package rules

import (
	"regexp"
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// versionOnlyPrefix216 is the literal start of a URI whose request part
// only picks the version, stage or alias of a fixed registered model
// (`models:/<name>/` or `models:/<name>@`): AIML236's case (§4 row 10).
var versionOnlyPrefix216 = regexp.MustCompile(`^models:/[^/@{}%\s]+[/@]$`)

var AIML216 = &Rule{
	ID:       "AIML216",
	Title:    "MLflow injection attacks",
	Section:  "2.2.3",
	Severity: Critical,
	References: []string{"CWE-502", "CWE-94", "OWASP ML06", "MITRE ATLAS AML.T0010", "MITRE ATLAS AML.T0011",
		"CVE-2024-37052", "CVE-2024-37060"},
	Fix:     Guidance,
	Message: "MLflow model URI comes from the request; pickle-based flavors run code from whoever authored that model (CVE-2024-37052…60).",
	Doc: "A model URI taken from the request reaches an MLflow loader (`mlflow.<flavor>.load_model`, " +
		"`mlflow.pyfunc.spark_udf`). Pickle-based flavors (pyfunc, sklearn, pytorch, langchain, …) execute code " +
		"embedded by whoever authored the model the caller points at: any run, registry entry, or `s3://`/`http(s)://` " +
		"location (CVE-2024-37052 … CVE-2024-37060). A request that only picks the version or alias of a fixed " +
		"registered model (`f\"models:/churn/{version}\"`) is AIML236's.",
	FixDoc: "Resolve the request's model name through a server-side allow-list of registered model URIs pinned to " +
		"versions (`MODEL_URIS = {\"churn\": \"models:/churn/7\"}`; `MODEL_URIS[name]`), and reject unknown names.",
	Example: `@app.post("/score")
def score():
    body = request.get_json()
    model = mlflow.pyfunc.load_model(body["model_uri"])
    return {"pred": model.predict(pd.DataFrame(body["rows"])).tolist()}`,
	SafeExample: `MODEL_URIS = {"churn": "models:/churn/7", "fraud": "models:/fraud/12"}

@app.post("/score")
def score():
    body = request.get_json()
    model = mlflow.pyfunc.load_model(MODEL_URIS[body["model"]])
    return {"pred": model.predict(pd.DataFrame(body["rows"])).tolist()}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		uri := modelURI216(c)
		if uri == nil || p.Taint(uri, nil)&WebTaint == 0 || versionOnly216(p, uri, 0) {
			return
		}
		p.ReportCall(c, p.Guidance())
	},
}

// modelURI216 is the model URI argument of an MLflow loader call, or nil:
// positional 0 / model_uri= of mlflow.<flavor>.load_model, positional 1 /
// model_uri= of mlflow.pyfunc.spark_udf.
func modelURI216(c Call) *Node {
	q := c.Callee()
	if c.Is("mlflow.pyfunc.spark_udf") {
		return c.Arg(1, "model_uri")
	}
	if flavor, ok := strings.CutSuffix(strings.TrimPrefix(q, "mlflow."), ".load_model"); ok && strings.HasPrefix(q, "mlflow.") &&
		flavor != "" && !strings.Contains(flavor, ".") {
		return c.Arg(0, "model_uri")
	}
	return nil
}

// versionOnly216 reports whether uri is built as a literal
// `models:/<name>/` or `models:/<name>@` followed by the request part: an
// f-string, `+` concatenation, `.format` or `%` on such a literal, possibly
// through a local variable. Module-level str constants count as literal
// text.
func versionOnly216(p *Pass, uri *Node, depth int) bool {
	uri = Unparen(uri)
	if uri == nil || depth > 3 {
		return false
	}
	if uri.Kind == KIdentifier {
		s := p.ScopeOf(uri)
		d := s.DefAt(uri.Text(), uri.Start)
		if d == nil || d.Kind != DefAssign || d.Unpacked {
			return false
		}
		return versionOnly216(p, d.Value, depth+1)
	}
	prefix, ok := taintedPrefix216(p, uri)
	return ok && versionOnlyPrefix216.MatchString(prefix)
}

// taintedPrefix216 is the literal text of a string-building expression
// before its first web-tainted part; ok is false when a part before it is
// not literal or nothing is tainted.
func taintedPrefix216(p *Pass, e *Node) (string, bool) {
	var b strings.Builder
	var walk func(e *Node) (done, ok bool)
	walk = func(e *Node) (done, ok bool) {
		e = Unparen(e)
		if e == nil {
			return true, false
		}
		if p.Taint(e, nil)&WebTaint == 0 {
			s, lit := constText216(p, e)
			if !lit {
				return true, false
			}
			b.WriteString(s)
			return false, true
		}
		switch e.Kind {
		case KString:
			for ch := e.FirstChild(); ch != nil; ch = ch.NextSibling() {
				switch {
				case ch.Kind == KStringContent || ch.Type() == "escape_sequence":
					b.WriteString(ch.Text())
				case ch.Kind == KInterpolation:
					if done, ok := walk(ch.Field("expression")); done {
						return true, ok
					}
				}
			}
			return false, true
		case KConcatenatedString:
			for _, part := range e.NamedChildren() {
				if done, ok := walk(part); done {
					return true, ok
				}
			}
			return false, true
		case KBinaryOperator:
			if op := e.Field("operator"); op != nil && op.Is("+") {
				if done, ok := walk(e.Field("left")); done {
					return true, ok
				}
				return walk(e.Field("right"))
			}
			if op := e.Field("operator"); op != nil && op.Is("%") {
				if s, lit := constText216(p, e.Field("left")); lit {
					before, _, _ := strings.Cut(s, "%")
					b.WriteString(before)
					return true, true
				}
			}
			return true, false
		case KCall:
			c, _ := p.AsCall(e)
			if c.Method() == "format" {
				if s, lit := constText216(p, c.Receiver()); lit {
					before, _, _ := strings.Cut(s, "{")
					b.WriteString(before)
					return true, true
				}
			}
		}
		return true, true // the first tainted part
	}
	_, ok := walk(e)
	return b.String(), ok
}

// constText216 is the text of a plain str literal or of a module-level name
// bound once to one.
func constText216(p *Pass, e *Node) (string, bool) {
	e = Unparen(e)
	if e == nil {
		return "", false
	}
	if e.Kind == KIdentifier {
		s := p.ScopeOf(e)
		if s.Binds(e.Text()) && s != p.Module {
			return "", false
		}
		defs := p.Module.Defs(e.Text())
		if len(defs) != 1 || defs[0].Kind != DefAssign || defs[0].Unpacked {
			return "", false
		}
		e = Unparen(defs[0].Value)
	}
	l := LiteralValue(e)
	if l.Kind != LitStr {
		return "", false
	}
	return l.Str, true
}

func init() { register(AIML216) }
