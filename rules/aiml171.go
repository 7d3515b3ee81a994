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
		test := false
		for _, a := range []*Node{c.Pos(0), c.Pos(1), c.Kwarg("X"), c.Kwarg("y")} {
			if isTestName(p, s, a) {
				test = true
				break
			}
		}
		if !test {
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
