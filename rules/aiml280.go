package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML280 = &Rule{
	ID:         "AIML280",
	Title:      "Bias detection bypass",
	Section:    "2.4.2",
	Severity:   Medium,
	References: []string{"CWE-807", "MITRE ATLAS AML.T0015"},
	Fix:        Guidance,
	Message:    "ThresholdOptimizer threshold is chosen from a request-declared sensitive attribute; callers can pick the most lenient group.",
	Doc: "fairlearn's `ThresholdOptimizer` applies group-specific decision thresholds selected by " +
		"`sensitive_features` at prediction time (`predict(X, sensitive_features=...)`, `_pmf_predict`). Taking that " +
		"attribute from the request lets each applicant self-declare the group with the most favourable threshold, " +
		"bypassing the bias mitigation and the parity the fairness audit certified. `fit(..., sensitive_features=...)` " +
		"and fairlearn metrics with request data are not reported.",
	FixDoc: "Look the attribute up from verified records bound to the authenticated subject " +
		"(`profiles[user.id][\"group\"]`), or use a mitigator that needs no sensitive attribute at predict time (e.g. " +
		"`ExponentiatedGradient`).",
	Example: `@app.post("/decide")
def decide(app_in: Application):
    y = fair_model.predict([app_in.features], sensitive_features=[app_in.gender], random_state=0)
    return {"approved": bool(y[0])}`,
	SafeExample: `@app.post("/decide")
def decide(app_in: Application, user=Depends(current_user)):
    group = verified_profiles[user.id]["gender"]
    y = fair_model.predict([app_in.features], sensitive_features=[group], random_state=0)
    return {"approved": bool(y[0])}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if m := c.Method(); m != "predict" && m != "_pmf_predict" {
			return
		}
		kw := c.Keyword("sensitive_features")
		if kw == nil || web24(p, kw.Field("value")) == 0 {
			return
		}
		p.Report(kw, p.Guidance())
	},
}

func init() { register(AIML280) }
