package rules

import . "github.com/pyguard/pyguard/analyzer"

// sink170: the split's arrays, or X of a CV function.
var sink170 = splitSink{cv: leakCVFuncs}

var AIML170 = &Rule{
	ID:         "AIML170",
	Title:      "Data leakage in preprocessing",
	Section:    "2.1.1",
	Severity:   Low,
	References: []string{"CWE-693", "OWASP ML02"},
	Fix:        Guidance,
	Message:    "Preprocessor fitted on all data before the split/CV: test rows leak into training stats and metrics are inflated. Fit after splitting.",
	Doc: "A preprocessor learns statistics (mean, vocabulary, selected features, imputation values) from the " +
		"full dataset before it is split or cross-validated. Test-set information leaks into training, and the " +
		"reported metrics overstate performance, so the held-out evaluation gate no longer catches degraded " +
		"or poisoned models.",
	FixDoc:  "Split first and fit on `X_train` only, or wrap the preprocessor and the model in `make_pipeline(...)` and pass the pipeline to CV.",
	EditFix: Unsafe,
	EditFixDoc: "For `V = R.fit_transform(W)` (or `R.fit_transform(W, Y)`) on a line of its own, where R is a name or a " +
		"one-line constructor and V is read only once: when that read is positional 0 of a later " +
		"`W_train, W_test, ... = train_test_split(V, ...)` in the same block (Y, if given, its positional 1), the " +
		"statement is deleted, `W` is split instead, and after the split `W_train = R.fit_transform(W_train)` and " +
		"`W_test = R.transform(W_test)` are inserted (an inline constructor is first bound to a new name such as " +
		"`scaler`); when it is X of a later `cross_val_score`, `cross_validate`, `cross_val_predict`, `learning_curve` or " +
		"`permutation_test_score`, the statement is deleted and the call gets `make_pipeline(R, estimator)` and `W` " +
		"(adding `from sklearn.pipeline import make_pipeline` if needed). Preconditions: W, Y and R are not rebound or " +
		"touched in between, the split parts are not split or cross-validated again, and the CV call passes no " +
		"`fit_params`/`params`, `return_estimator` or custom scorer. The test rows are then transformed with " +
		"training-only statistics, so reported metrics may drop. The `fit`-then-`transform` form, `validation_curve`, " +
		"`self.<attr>` receivers and other shapes keep the guidance.",
	Example: `X_scaled = StandardScaler().fit_transform(X)
X_train, X_test, y_train, y_test = train_test_split(X_scaled, y, test_size=0.2, random_state=7)`,
	SafeExample: `X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=7)
scaler = StandardScaler().fit(X_train)
X_train_s, X_test_s = scaler.transform(X_train), scaler.transform(X_test)`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		switch c.Method() {
		case "fit_transform":
			// V = R.fit_transform(...), V later split.
			if !p.TypeIn(c.Receiver(), leakFitters) {
				return
			}
			s := p.ScopeOf(n)
			defs := assignedFrom(p, n, false)
			switch {
			case sink170.reachesSplit(p, s, defs):
				p.ReportCall(c, fix170(p, c))
			case leaks170(p, s, n, defs):
				// A column store or a manual holdout: no mechanical edit.
				p.ReportCall(c, p.Guidance())
			}
		case "fit":
			// R.fit(W), then V = R.transform(W), V later split.
			if !p.TypeIn(c.Receiver(), leakFitters) {
				return
			}
			w := Unparen(c.Arg(0, "X"))
			if w == nil || (w.Kind != KIdentifier && dataRoot170(w) == nil) {
				return
			}
			s := p.ScopeOf(n)
			for _, m := range s.Calls() {
				if m.Start < n.End {
					continue
				}
				t, _ := p.AsCall(m)
				if t.Method() != "transform" || !SameExpression(t.Receiver(), c.Receiver()) {
					continue
				}
				if !sameFitData170(s, w, Unparen(t.Arg(0, "X"))) {
					continue
				}
				if defs := assignedFrom(p, m, false); sink170.reachesSplit(p, s, defs) || leaks170(p, s, m, defs) {
					p.ReportCall(c, p.Guidance())
					return
				}
			}
		}
	},
}

func init() { register(AIML170) }

// sameFitData170 reports whether transform argument tw is the data fit
// argument w was: the same name W (the spec's form) or, in the notebook
// spelling `imp.fit(X[:, 1:3])` / `X[:, 1:3] = imp.transform(X[:, 1:3])`,
// the same subscript expression of a name whose binding is unchanged.
func sameFitData170(s *Scope, w, tw *Node) bool {
	if tw == nil {
		return false
	}
	if w.Kind == KIdentifier {
		return tw.Kind == KIdentifier && tw.Is(w.Text())
	}
	rw, rt := dataRoot170(w), dataRoot170(tw)
	return rw != nil && rt != nil && SameExpression(w, tw) && s.DefAt(rw.Text(), rw.Start) == s.DefAt(rt.Text(), rt.Start)
}

// dataRoot170 returns the root name of a subscript of a name or of its
// `.loc`/`.iloc`/`.values` (`X[:, 1:3]`, `df[cols]`, `df.loc[:, cols]`),
// else nil.
func dataRoot170(n *Node) *Node {
	n = Unparen(n)
	if n == nil || n.Kind != KSubscript {
		return nil
	}
	v := Unparen(n.Field("value"))
	if v != nil && v.Kind == KAttribute {
		if nodeIs(v.Field("attribute"), "loc", "iloc", "values") {
			v = Unparen(v.Field("object"))
		}
	}
	if v == nil || v.Kind != KIdentifier {
		return nil
	}
	return v
}
