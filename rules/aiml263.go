package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// zeroDivisionMetrics263 are the scikit-learn classification metrics with a
// zero_division parameter (sklearn/metrics/_classification.py).
var zeroDivisionMetrics263 = setOf(qualify("sklearn.metrics.", "precision_score", "recall_score", "f1_score",
	"fbeta_score", "precision_recall_fscore_support", "classification_report", "jaccard_score"))

// metricName263 is the public sklearn.metrics name of a qualified name;
// the defining module sklearn.metrics._classification is mapped to it.
func metricName263(q string) string {
	if rest, ok := strings.CutPrefix(q, "sklearn.metrics._classification."); ok {
		return "sklearn.metrics." + rest
	}
	return q
}

// metricCall263 reports whether c calls one of the metrics, directly or by
// binding its keywords: functools.partial(<metric>, ...) and
// sklearn.metrics.make_scorer(<metric>, ...) pass zero_division= on to it.
// It returns the metric expression.
func metricCall263(p *Pass, c Call) (*Node, bool) {
	if zeroDivisionMetrics263[metricName263(c.Callee())] {
		return c.Func, true
	}
	if c.Is("functools.partial", "sklearn.metrics.make_scorer", "sklearn.metrics._scorer.make_scorer") {
		if f := c.Arg(0, "func", "score_func"); f != nil && zeroDivisionMetrics263[metricName263(p.Qualname(f))] {
			return f, true
		}
	}
	return nil, false
}

// isOne263: the literal 1 or 1.0 (any spelling of that number).
func isOne263(v *Node) bool {
	v = Unparen(v)
	if v == nil {
		return false
	}
	l := LiteralValue(v)
	switch l.Kind {
	case LitInt, LitFloat:
		return l.Num == 1
	}
	return false
}

var AIML263 = &Rule{
	ID:         "AIML263",
	Title:      "Model performance degradation hiding",
	Section:    "2.4.1",
	Severity:   Low,
	References: []string{"CWE-682", "CWE-754"},
	Fix:        Safe,
	Message:    "zero_division=1 reports a perfect score when nothing is predicted positive, masking a degraded model. Use 0.0 or np.nan.",
	Doc: "scikit-learn classification metrics computed with `zero_division=1` return a perfect 1.0 when the " +
		"denominator is zero: a collapsed model that never predicts the positive class gets precision 1.0. " +
		"Monitoring dashboards and evaluation gates then hide exactly the degradation they exist to catch.",
	FixDoc: "Replace the literal with `0.0`: the undefined-metric warning stays silenced, and degenerate cases " +
		"score 0 instead of a perfect 1.",
	Example: `def daily_quality(y_true, y_pred):
    return {
        "precision": precision_score(y_true, y_pred, zero_division=1),
        "recall": recall_score(y_true, y_pred),
    }`,
	SafeExample: `def daily_quality(y_true, y_pred):
    return {"precision": precision_score(y_true, y_pred, zero_division=0)}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		metric, ok := metricCall263(p, c)
		if !ok {
			return
		}
		kw := c.Keyword("zero_division")
		if kw == nil || !isOne263(kw.Field("value")) {
			return
		}
		v := kw.Field("value")
		name := codeText(metric, 40)
		p.Report(kw, p.Edits(Safe, "Pass `zero_division=0.0` to `"+name+"`, so an empty denominator "+
			"scores 0 instead of a perfect 1.", ReplaceNode(v, "0.0")))
	},
}

func init() { register(AIML263) }
