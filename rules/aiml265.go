package rules

import . "github.com/pyguard/pyguard/analyzer"

// flaskPath265 reports whether arg is exactly Flask's `request.path` (the
// flask.request global, in any spelling) and returns the spelling of the
// request object.
func flaskPath265(p *Pass, arg *Node) (string, bool) {
	arg = Unparen(arg)
	if arg == nil || arg.Kind != KAttribute || !arg.Field("attribute").Is("path") {
		return "", false
	}
	obj := Unparen(arg.Field("object"))
	if obj == nil {
		return "", false
	}
	switch p.Qualname(obj) {
	case "flask.request":
		return obj.Text(), true
	}
	return "", false
}

var AIML265 = &Rule{
	ID:         "AIML265",
	Title:      "Monitoring pipeline injection",
	Section:    "2.4.1",
	Severity:   Medium,
	References: []string{"CWE-770", "CWE-400", "MITRE ATLAS AML.T0029"},
	Fix:        Unsafe,
	Message:    "Prometheus label value comes from the request; unbounded values explode series cardinality and can blind monitoring.",
	Doc: "Request-controlled strings are used as Prometheus label values outside route handlers (Flask " +
		"`before_request`/`after_request` hooks, error handlers, middleware, helpers). Each distinct value creates " +
		"a new time series, so a client (or a scanner hitting random URLs) can inject unbounded series into the " +
		"monitoring pipeline, exhausting Prometheus memory and blinding drift and latency alerting, or spoof series " +
		"of other models and tenants.",
	FixDoc: "When the label is Flask's `request.path`, label with the route template instead: " +
		"`(request.url_rule.rule if request.url_rule else \"unmatched\")`. Otherwise map the value onto a bounded " +
		"allow-list (`x if x in ALLOWED else \"other\"`).",
	Example: `HITS = Counter("inference_requests", "Inference requests", ["path", "model"])

@app.after_request
def count(resp):
    HITS.labels(request.path, "churn-v3").inc()
    return resp`,
	SafeExample: `@app.after_request
def count(resp):
    rule = request.url_rule.rule if request.url_rule else "unmatched"
    HITS.labels(rule, "churn-v3").inc()
    return resp`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if c.Method() != "labels" || c.Args == nil || promMetricClass(p.TypeOf(c.Receiver())) == "" {
			return
		}
		if p.FuncOf(n).IsRoute() {
			return // owned by AIML249
		}
		for _, v := range c.ArgValues() {
			if web24(p, v) == 0 {
				continue
			}
			p.Report(v, fix265(p, v))
			return
		}
	},
}

// fix265 replaces Flask's request.path with the matched route template.
func fix265(p *Pass, v *Node) *Fix {
	req, ok := flaskPath265(p, v)
	if !ok {
		return p.Guidance()
	}
	repl := "(" + req + ".url_rule.rule if " + req + ".url_rule else \"unmatched\")"
	return p.Edits(Unsafe, "Label with the matched route template instead of the raw `"+codeText(v, 30)+"`.",
		ReplaceNode(v, repl)).
		Changing("series are labelled by route template (\"/items/<id>\") instead of the concrete path, and " +
			"requests that match no route share the \"unmatched\" label.")
}

func init() { register(AIML265) }
