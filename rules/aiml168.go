package rules

import . "github.com/pyguard/pyguard/analyzer"

// refit168: (a) fit/fit_transform of a SELECTOR on RT positional 0 in an
// INFERENCE HANDLER.
var refit168 = refitSpec{
	Handler: inInferenceHandler,
	Methods: []string{"fit", "fit_transform"},
	Classes: selectors,
}

// selectorParams168 are the selection parameters of (b); selectorParamPos
// their positional equivalents.
var (
	selectorParams168 = []string{"k", "percentile", "threshold", "max_features", "n_features_to_select", "param", "importance_getter"}
	selectorParamPos  = map[string]int{
		"sklearn.feature_selection.SelectKBest":       1,
		"sklearn.feature_selection.SelectPercentile":  1,
		"sklearn.feature_selection.VarianceThreshold": 0,
	}
)

const guidance168 = "Fix the feature selection at training time and persist the fitted selector with the model; " +
	"at inference apply it with `.transform` and never take selection parameters from the request."

var AIML168 = &Rule{
	ID:         "AIML168",
	Title:      "Feature selection manipulation",
	Section:    "2.1.1",
	Severity:   Medium,
	References: []string{"CWE-20", "CWE-15", "OWASP ML01"},
	Fix:        Unsafe,
	Message:    "Feature selection driven by request data in an inference path: the client picks which features the model sees.",
	Doc: "Inside an inference endpoint, the client controls which features the model uses. Either the selector is " +
		"refitted on request data, or its selection parameters (`k`, `threshold`, …) come from the request, " +
		"letting the client drop the features that would flag it.",
	FixDoc: "For a selector's `fit_transform` on a long-lived receiver, replace the callee method with " +
		"`transform`; the selector must already be fitted on training data. Otherwise guidance: fix the " +
		"selection at training time and persist it with the model. A long-lived receiver is `self.<attr>` or " +
		"a name the function does not assign; calls passing more than the data argument also get guidance.",
	Example: `@app.post("/risk")
def risk(payload: dict):
    X = VarianceThreshold(threshold=0.01).fit_transform(np.asarray(payload["rows"]))
    return {"risk": model.predict_proba(X)[:, 1].tolist()}`,
	SafeExample: `@app.post("/risk")
def risk(payload: dict):
    X = SELECTOR.transform(np.asarray(payload["rows"]))
    return {"risk": model.predict_proba(X)[:, 1].tolist()}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if refit168.match(p, c) {
			p.ReportCall(c, renameFix(p, c, refitRename{From: "fit_transform", To: "transform",
				Keeps: "the features it selected at training time", Guidance: guidance168}))
			return
		}
		// (b) a selector constructed with request-chosen selection parameters.
		if !selectors[c.Callee()] || !inHandler(p, n, inInferenceHandler) {
			return
		}
		if i, ok := selectorParamPos[c.Callee()]; ok {
			if a := c.Pos(i); a != nil && p.Taint(a, nil)&WebTaint != 0 {
				p.Report(a, GuidanceFix(guidance168))
			}
		}
		for _, name := range selectorParams168 {
			if v := c.Kwarg(name); v != nil && p.Taint(v, nil)&WebTaint != 0 {
				p.Report(c.Keyword(name), GuidanceFix(guidance168))
			}
		}
	},
}

func init() { register(AIML168) }
