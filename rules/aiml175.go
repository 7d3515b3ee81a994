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
	FixDoc:  "Split first and resample only `X_train, y_train`, or use `imblearn.pipeline.make_pipeline(sampler, model)` inside CV.",
	EditFix: Unsafe,
	EditFixDoc: "For `A, B = S.fit_resample(X, Y)` on a line of its own, where S is a name or a one-line constructor " +
		"and X, Y are names: when A and B are read only as the two arrays (and `stratify=B`) of a later " +
		"`X_train, X_test, y_train, y_test = train_test_split(A, B, ...)` in the same block, the statement is deleted, " +
		"`X`, `Y` are split instead, and `X_train, y_train = S.fit_resample(X_train, y_train)` is inserted after the " +
		"split; when they are read only as X and y of a later `cross_val_score`, `cross_validate` or " +
		"`cross_val_predict`, the statement is deleted and the call gets `imblearn.pipeline.make_pipeline(S, estimator)` " +
		"and `X`, `Y` (adding `from imblearn.pipeline import make_pipeline` if needed). Preconditions: X, Y and S are not " +
		"rebound or touched in between, the training split is not split or cross-validated again, and the CV call " +
		"passes no `fit_params`/`params`, `return_estimator` or custom scorer. The test rows are then original, " +
		"un-resampled rows, so split sizes change and reported metrics may drop. Other shapes (only one resampled " +
		"name used, `self.<attr>` samplers, `make_pipeline` bound to sklearn's) keep the guidance.",
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
			p.ReportCall(c, fix175(p, c))
		}
	},
}

func init() { register(AIML175) }
