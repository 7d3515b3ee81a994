package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML276 = &Rule{
	ID:         "AIML276",
	Title:      "Counterfactual explanation attacks",
	Section:    "2.4.2",
	Severity:   High,
	References: []string{"CWE-359", "CWE-200", "OWASP ML03", "OWASP ML04", "MITRE ATLAS AML.T0024"},
	Fix:        Unsafe,
	Message:    "DiCE kdtree counterfactuals are real training records; serving them leaks training data. Use method=\"random\".",
	Doc: "DiCE's `method=\"kdtree\"` answers a counterfactual query with the nearest *real training records* of the " +
		"desired class. Served from a web endpoint (the module defines a route handler), every counterfactual " +
		"request discloses actual training rows, often personal data, and lets callers enumerate the training set " +
		"and map the decision boundary.",
	FixDoc: "Replace `\"kdtree\"` with `\"random\"`, so DiCE generates synthetic counterfactuals instead of returning " +
		"training rows (`\"genetic\"` also works). Counterfactuals then differ from the nearest training records the " +
		"endpoint returned before.",
	Example: `explainer = dice_ml.Dice(dice_data, dice_model, method="kdtree")

@app.post("/what-would-change")
def counterfactuals(applicant: dict):
    cf = explainer.generate_counterfactuals(to_frame(applicant), total_CFs=3, desired_class="opposite")
    return cf.to_json()`,
	SafeExample: `explainer = dice_ml.Dice(dice_data, dice_model, method="random")`,
	Kinds:       []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !c.Is("dice_ml.Dice", "dice_ml.dice.Dice") {
			return
		}
		m := c.Arg(2, "method")
		if !IsStrLiteral(m, "kdtree") || !definesRoute276(p) {
			return
		}
		at := m
		if kw := c.Keyword("method"); kw != nil && Unparen(kw.Field("value")) == Unparen(m) {
			at = kw
		}
		if Unparen(m).Kind != KString {
			p.Report(at, p.Guidance())
			return
		}
		p.Report(at, p.Edits(Unsafe, "Replace `\"kdtree\"` with `\"random\"` in this `"+codeText(c.Func, 30)+"` call, "+
			"so counterfactuals are generated rather than copied from the training set.", ReplaceStringContent(Unparen(m), "random")).
			Changing("counterfactuals are synthetic points near the decision boundary, not the nearest training records; "+
				"results vary between calls unless a seed is set."))
	},
}

// definesRoute276: the module defines at least one ROUTE HANDLER.
func definesRoute276(p *Pass) bool {
	for _, s := range p.Funcs {
		if s.Func().IsRoute() {
			return true
		}
	}
	return false
}

func init() { register(AIML276) }
