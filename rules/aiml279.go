package rules

import . "github.com/pyguard/pyguard/analyzer"

// groupArgs279 are, for each aif360 metric class, the positions of its
// unprivileged_groups and privileged_groups parameters.
var groupArgs279 = map[string][2]int{
	"BinaryLabelDatasetMetric": {1, 2}, "DatasetMetric": {1, 2},
	"ClassificationMetric": {2, 3}, "SampleDistortionMetric": {2, 3},
	"MDSSClassificationMetric": {3, 4},
}

// parityMetrics279 are fairlearn's error-rate parity metrics (y_true, y_pred).
var parityMetrics279 = map[string]bool{"equalized_odds_difference": true, "equalized_odds_ratio": true,
	"equal_opportunity_difference": true, "equal_opportunity_ratio": true}

var AIML279 = &Rule{
	ID:         "AIML279",
	Title:      "Fairness metric manipulation",
	Section:    "2.4.2",
	Severity:   Medium,
	References: []string{"CWE-1025", "CWE-682"},
	Fix:        Guidance,
	Message:    "Fairness metric compares a group (or dataset) with itself; it always reports parity and cannot detect bias.",
	Doc: "A fairness metric configured so that it cannot show bias: an aif360 metric whose privileged and " +
		"unprivileged groups are the same (disparate impact ≡ 1, parity difference ≡ 0), an aif360 " +
		"`ClassificationMetric` comparing a dataset with itself, or a fairlearn equalized-odds/equal-opportunity " +
		"metric computed with `y_pred` identical to `y_true` (difference ≡ 0). A fairness gate built on it always " +
		"passes.",
	FixDoc: "Pass distinct group definitions (e.g. `privileged_groups=[{\"sex\": 1}], unprivileged_groups=[{\"sex\": 0}]`) " +
		"and the model's predictions (`classified_dataset` / `y_pred` from the model, not the ground truth).",
	Example: `def parity_gate(ds):
    m = BinaryLabelDatasetMetric(ds, privileged_groups=[{"race": 1}], unprivileged_groups=[{"race": 1}])
    return abs(m.statistical_parity_difference()) < 0.1`,
	SafeExample: `def parity_gate(ds):
    m = BinaryLabelDatasetMetric(ds, privileged_groups=[{"race": 1}], unprivileged_groups=[{"race": 0}])
    return abs(m.statistical_parity_difference()) < 0.1`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		pkg, name, ok := qualClassXAI(c.Callee())
		if !ok {
			return
		}
		switch {
		case underXAI(pkg, "aif360.metrics"):
			pos, ok := groupArgs279[name]
			if !ok {
				return
			}
			unpriv := c.Arg(pos[0], "unprivileged_groups")
			priv := c.Arg(pos[1], "privileged_groups")
			sameGroups := unpriv != nil && priv != nil && !isNoneXAI(priv) && sameValue279(unpriv, priv)
			sameData := false
			if name == "ClassificationMetric" {
				d, cd := c.Arg(0, "dataset"), c.Arg(1, "classified_dataset")
				sameData = d != nil && cd != nil && SameExpression(d, cd)
			}
			if sameGroups || sameData {
				p.ReportCall(c, p.Guidance())
			}
		case pkg == "fairlearn.metrics" || underXAI(pkg, "fairlearn.metrics._fairness_metrics"):
			if !parityMetrics279[name] {
				return
			}
			yt, yp := c.Arg(0, "y_true"), c.Arg(1, "y_pred")
			if yt != nil && yp != nil && SameExpression(yt, yp) {
				p.ReportCall(c, p.Guidance())
			}
		}
	},
}

// sameValue279: the same expression, or structurally equal literals.
func sameValue279(a, b *Node) bool {
	if SameExpression(a, b) {
		return true
	}
	ka, ok1 := structuralKeyXAI(a)
	kb, ok2 := structuralKeyXAI(b)
	return ok1 && ok2 && ka == kb
}

func init() { register(AIML279) }
