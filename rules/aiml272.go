package rules

import . "github.com/pyguard/pyguard/analyzer"

// limeExplainers272 are the LIME explainer classes and the position of
// their random_state parameter (lime 0.2: lime_tabular, lime_text,
// lime_image).
var limeExplainers272 = map[string]int{
	"lime.lime_tabular.LimeTabularExplainer":      14,
	"lime.lime_tabular.RecurrentTabularExplainer": 13,
	"lime.lime_text.LimeTextExplainer":            8,
	"lime.lime_image.LimeImageExplainer":          4,
}

// seedValue272 is the seed the fix passes.
const seedValue272 = "42"

var AIML272 = &Rule{
	ID:         "AIML272",
	Title:      "LIME explanation poisoning",
	Section:    "2.4.2",
	Severity:   Low,
	References: []string{"CWE-345"},
	Fix:        Safe,
	Message:    "LIME explainer has no random_state; explanations change on every call and cannot be reproduced or audited.",
	Doc: "LIME explains a prediction by sampling random perturbations around it. Without `random_state` (and without " +
		"`np.random.seed(...)` in the module, which LIME falls back to) every call gives a different explanation for " +
		"the same input: explanations cannot be reproduced in an audit or a dispute, and anyone able to re-request can " +
		"shop for a favourable one (Slack et al., AIES 2020).",
	FixDoc: "Pass `random_state=42` to the explainer (or replace `random_state=None` with `42`). The explanation of a " +
		"given input then stays the same across calls and restarts.",
	Example: `def make_explainer(X_train, feature_names):
    return LimeTabularExplainer(
        X_train,
        feature_names=feature_names,
        class_names=["approve", "deny"],
        mode="classification",
    )`,
	SafeExample: `def make_explainer(X_train, feature_names):
    return LimeTabularExplainer(X_train, feature_names=feature_names, random_state=7)`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		pos, ok := limeExplainers272[c.Callee()]
		if !ok {
			return
		}
		rs, known := c.LookupArg(pos, "random_state")
		if !known || rs != nil && !isNoneXAI(rs) {
			return // seeded, or a splat may pass the seed
		}
		if moduleSeedsNumpy272(p) {
			return
		}
		desc := "Pass `random_state=" + seedValue272 + "` to this `" + codeText(c.Func, 40) + "`, so the same input always gets the same explanation."
		if rs != nil {
			if kw := c.Keyword("random_state"); kw == nil {
				// positional None: replace it in place
				p.ReportCall(c, p.Edits(Safe, "Replace the positional `None` seed of this `"+codeText(c.Func, 40)+
					"` with `"+seedValue272+"`, so the same input always gets the same explanation.", ReplaceNode(Unparen(rs), seedValue272)))
				return
			}
			desc = "Replace `random_state=None` with `random_state=" + seedValue272 + "` in this `" + codeText(c.Func, 40) +
				"`, so the same input always gets the same explanation."
		}
		e, ok := SetKeyword(c, "random_state", seedValue272)
		if !ok {
			p.ReportCall(c, p.Guidance())
			return
		}
		p.ReportCall(c, p.Edits(Safe, desc, e))
	},
}

// moduleSeedsNumpy272 reports whether the module calls numpy.random.seed
// anywhere (LIME's default RNG is numpy's global one).
func moduleSeedsNumpy272(p *Pass) bool {
	found := false
	p.Tree.Root().Walk(func(m *Node) bool {
		if found {
			return false
		}
		if m.Kind == KCall {
			if c, ok := p.AsCall(m); ok && c.Is("numpy.random.seed") {
				found = true
			}
		}
		return true
	})
	return found
}

func init() { register(AIML272) }
