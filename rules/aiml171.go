package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML171 = &Rule{
	ID:         "AIML171",
	Title:      "Test/train contamination",
	Section:    "2.1.1",
	Severity:   Medium,
	References: []string{"CWE-693", "OWASP ML02"},
	Fix:        Safe,
	Message:    "Test split passed to a fit method: test rows become training data and evaluation is contaminated. Use transform()/predict().",
	Doc: "The test split is used for fitting, either by refitting a preprocessor on `X_test` (the classic " +
		"`fit_transform(X_test)`) or by training a model on it, so the evaluation no longer measures unseen data.",
	FixDoc: "When the call is `fit_transform(X_test)` on a receiver already fitted earlier on a non-test name, " +
		"replace `fit_transform` with `transform`. Otherwise fit only on the training split and use " +
		"`transform()`/`predict()` on the test split.",
	Example: `X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=1)
scaler = StandardScaler()
X_train_s = scaler.fit_transform(X_train)
X_test_s = scaler.fit_transform(X_test)`,
	SafeExample: `X_train_s = scaler.fit_transform(X_train)
X_test_s = scaler.transform(X_test)`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !splitFitMethods[c.Method()] {
			return
		}
		s := p.ScopeOf(n)
		var tests []*Node
		for _, a := range []*Node{c.Pos(0), c.Pos(1), c.Kwarg("X"), c.Kwarg("y")} {
			if isTestName(p, s, a) {
				tests = append(tests, Unparen(a))
			}
		}
		if len(tests) == 0 || prefitCalibration171(p, c, tests) {
			return
		}
		fd := p.ReportCall(c, fix171(p, s, c))
		// §4 row 23: AIML269 owns a fitting call that is (directly, or as the
		// assignment source of a name) an argument of its two-sample test.
		owned := []*Node{n}
		for _, d := range assignedFrom(p, n, false) {
			owned = append(owned, s.Uses(d)...)
		}
		fd.UnlessReportedBy([]string{"AIML269"}, owned...)
	},
}

func init() { register(AIML171) }

// fix171 renames fit_transform(X_test) to transform(X_test) when the same
// receiver was fitted (fit/fit_transform) earlier in the SCOPE on a name
// that is not a TEST name. Preconditions beyond the spec's, so the edit
// never breaks working code: the call passes X only (transform takes no y;
// StandardScaler.transform's second positional is copy=), and the receiver
// is a plain name or self.attr chain not rebound since that earlier fit.
func fix171(p *Pass, s *Scope, c Call) *Fix {
	if c.Method() != "fit_transform" || onlyXArg(c) == nil {
		return p.Guidance()
	}
	r := Unparen(c.Receiver())
	root := nameChainRoot(r)
	if root == nil {
		return p.Guidance()
	}
	for _, m := range s.Calls() {
		if m.Start >= c.Node.Start {
			break
		}
		if m.End > c.Node.Start {
			continue // encloses the call
		}
		e, _ := p.AsCall(m)
		if meth := e.Method(); meth != "fit" && meth != "fit_transform" {
			continue
		}
		if !SameExpression(e.Receiver(), r) {
			continue
		}
		w := Unparen(e.Arg(0, "X"))
		if w == nil || w.Kind != KIdentifier || isTestName(p, s, w) {
			continue
		}
		if s.DefAt(root.Text(), m.Start) != s.DefAt(root.Text(), c.Node.Start) {
			continue // receiver rebound since that fit
		}
		if !runsBefore171(m, c.Node) {
			continue // the fit may not have run (another branch)
		}
		if ed, ok := RenameMethod(c, "transform"); ok {
			recv := codeText(r, 40)
			return p.Edits(Safe, "Call `"+recv+".transform("+argText(c.Args.NamedChild(0), 30)+")` instead of `fit_transform`, "+
				"so `"+recv+"` keeps its fit on `"+w.Text()+"` and `"+codeText(onlyXArg(c), 30)+"` is only transformed.", ed)
		}
	}
	return p.Guidance()
}

// onlyXArg returns the data argument when it is the call's only argument
// (positional 0 or X=), else nil.
func onlyXArg(c Call) *Node {
	if c.Args == nil || c.HasArgsSplat() || c.HasKwargsSplat() {
		return nil
	}
	pos := c.Positional()
	x := c.Kwarg("X")
	if len(c.Args.NamedChildren()) != 1 { // NamedChildren skips comments
		return nil
	}
	if len(pos) == 1 {
		return pos[0]
	}
	return x
}

// nameChainRoot returns the root identifier of a receiver that is a name or
// an attribute chain of names (scaler, self.scaler), else nil.
func nameChainRoot(r *Node) *Node {
	for r != nil {
		r = Unparen(r)
		switch r.Kind {
		case KIdentifier:
			return r
		case KAttribute:
			r = r.Field("object")
		default:
			return nil
		}
	}
	return nil
}

// validationNames are the conventional TEST names that spell a validation
// set rather than the test set.
var validationNames = map[string]bool{"X_val": true, "x_val": true, "X_valid": true, "val_X": true}

// prefitCalibration171 reports whether c fits an already trained model's
// calibrator on a validation set: the receiver is a
// sklearn.calibration.CalibratedClassifierCV constructed with cv="prefit"
// (or around sklearn.frozen.FrozenEstimator(...)), and every TEST name
// passed is spelled as a validation set (`X_val`, `X_valid`, …). That is
// the documented use of a held-out calibration set (scikit-learn's
// plot_calibration_multiclass example), not a refit on the test set; found
// on the corpus.
func prefitCalibration171(p *Pass, c Call, tests []*Node) bool {
	for _, t := range tests {
		if !validationNames[t.Text()] {
			return false
		}
	}
	if p.TypeOf(c.Receiver()) != "sklearn.calibration.CalibratedClassifierCV" {
		return false
	}
	ctor, ok := p.TypingCall(c.Receiver())
	if !ok {
		return false
	}
	if l := LiteralValue(ctor.Kwarg("cv")); l.Kind == LitStr && l.Str == "prefit" {
		return true
	}
	est, ok := p.AsCall(ctor.Arg(0, "estimator", "base_estimator"))
	return ok && est.Is("sklearn.frozen.FrozenEstimator")
}

// runsBefore171 reports whether earlier call m surely ran before call c:
// the block (or module) whose statement holds m also holds c, so m is not
// in a branch, loop body or handler that c's path may skip.
func runsBefore171(m, c *Node) bool {
	stmt := Statement(m)
	if stmt == nil {
		return false
	}
	blk := stmt.Parent()
	return blk != nil && (blk.Kind == KBlock || blk.Kind == KModule) && blk.Contains(c)
}
