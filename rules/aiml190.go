package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML190 = &Rule{
	ID:         "AIML190",
	Title:      "Feature importance manipulation",
	Section:    "2.1.2",
	Severity:   Low,
	References: []string{"OWASP ML09"},
	Fix:        Safe,
	Message:    "permutation_importance without random_state: rankings change run to run, so reported importances can't be reproduced or audited.",
	Doc: "Permutation importances are computed without a seed (`random_state` absent or `None`), so every run yields " +
		"a different ranking. Importances used in model cards, audits or feature pruning can be cherry-picked by " +
		"re-running, and no reviewer can reproduce them.",
	FixDoc: "Add `random_state=0` (or replace `None` with `0`). The importances become reproducible; only the " +
		"particular permutations drawn change.",
	Example: `from sklearn.inspection import permutation_importance

result = permutation_importance(model, X_val, y_val, n_repeats=10)`,
	SafeExample: `result = permutation_importance(model, X_val, y_val, n_repeats=10, random_state=42)`,
	Kinds:       []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !c.Is("sklearn.inspection.permutation_importance") {
			return
		}
		// random_state is keyword-only.
		seed, known := c.LookupArg(-1, "random_state")
		if !known || seed != nil && LiteralValue(seed).Kind != LitNone {
			return
		}
		e, ok := SetKeyword(c, "random_state", "0")
		if !ok {
			p.ReportCall(c, p.Guidance())
			return
		}
		desc := "Pass `random_state=0` to this `" + codeText(c.Func, 60) + "` call, so its importances are reproducible run to run."
		if seed != nil {
			desc = "Replace `random_state=None` with `random_state=0` in this `" + codeText(c.Func, 60) + "` call, so its " +
				"importances are reproducible run to run."
		}
		p.ReportCall(c, p.Edits(Safe, desc, e))
	},
}

func init() { register(AIML190) }
