package rules

import . "github.com/pyguard/pyguard/analyzer"

// sink175: the split's arrays, or X/y of cross_val_score/cross_validate/cross_val_predict.
var sink175 = splitSink{cv: resampleCVFuncs, withY: true}

var AIML175 = &Rule{
	ID:         "AIML175",
	Title:      "Transformation order vulnerabilities",
	Section:    "2.1.1",
	Severity:   Low,
	References: []string{"CWE-693", "OWASP ML02"},
	Fix:        Guidance,
	Message:    "Resampling before the split/CV: synthetic rows leak across train and test, inflating metrics. Resample only the training split.",
	Doc: "Resampling (SMOTE/ADASYN/undersampling) runs before the train/test split or cross-validation. " +
		"Synthetic test points are interpolations of training points (or share the resampled distribution), " +
		"so metrics are inflated and a weak or poisoned model passes the evaluation gate.",
	FixDoc: "Split first and resample only `X_train, y_train`, or use `imblearn.pipeline.make_pipeline(sampler, model)` inside CV.",
	Example: `X_res, y_res = SMOTE(random_state=0).fit_resample(X, y)
X_train, X_test, y_train, y_test = train_test_split(X_res, y_res, stratify=y_res, random_state=0)`,
	SafeExample: `X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
X_train, y_train = SMOTE(random_state=0).fit_resample(X_train, y_train)`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if c.Method() != "fit_resample" || !hasQualPrefix(c.ReceiverType(), imblearnSamplerModules) {
			return
		}
		if sink175.reachesSplit(p, p.ScopeOf(n), assignedFrom(p, n, true)) {
			p.ReportCall(c, p.Guidance())
		}
	},
}

func init() { register(AIML175) }
