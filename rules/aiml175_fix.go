package rules

import . "github.com/pyguard/pyguard/analyzer"

// fix175 is the edit for `A, B = S.fit_resample(X, Y)` reported by
// AIML175 (helpers in aiml170_fix.go): resample only the training split,
// or resample inside CV through an imbalanced-learn pipeline; guidance when
// its preconditions do not hold.
func fix175(p *Pass, c Call) *Fix {
	st, ok := parseLeakStep(p, c, true, 2, 2)
	if !ok {
		return p.Guidance()
	}
	t, useA, ok := st.consumer()
	if !ok {
		return p.Guidance()
	}
	var fx *Fix
	switch q := t.Callee(); {
	case q == trainTestSplit:
		fx = st.split175(t)
	case resampleCVFuncs[q]:
		fx = st.cv(t, useA, cvPipeline175)
	}
	if fx == nil {
		return p.Guidance()
	}
	return fx
}

// cvPipeline175 spells imbalanced-learn's make_pipeline (sklearn's rejects
// samplers).
func cvPipeline175(b *FixBuilder) string { return b.Name("imblearn.pipeline", "make_pipeline") }

// split175: `a_tr, a_te, b_tr, b_te = train_test_split(A, B, ...)` (B also
// allowed as `stratify=`) becomes a split of X, Y followed by
// `a_tr, b_tr = S.fit_resample(a_tr, b_tr)`.
func (st *leakStep) split175(t Call) *Fix {
	p := st.p
	if t.HasArgsSplat() || t.HasKwargsSplat() || len(t.Positional()) != 2 {
		return nil
	}
	a, b := Unparen(t.Pos(0)), Unparen(t.Pos(1))
	if a == nil || b == nil || a.Kind != KIdentifier || b.Kind != KIdentifier {
		return nil
	}
	bUses := []*Node{b}
	if s := Unparen(t.Kwarg("stratify")); s != nil && s.Kind == KIdentifier && s.Is(b.Text()) {
		bUses = append(bUses, s)
	}
	if !st.onlyReadBy(st.defs[0], a) || !st.onlyReadBy(st.defs[1], bUses...) {
		return nil
	}
	tstmt, targets, ok := st.splitTargets(t)
	if !ok || !st.argsStableAt(t.Node.Start) || !st.recvStableAt(tstmt.End) {
		return nil
	}
	x, y := st.args[0].Text(), st.args[1].Text()
	xtr, xte, ytr, yte := targets[0].Text(), targets[1].Text(), targets[2].Text(), targets[3].Text()
	if st.splitAgain(tstmt.End, resampleCVFuncs, xtr, ytr) {
		return nil
	}
	edits := []Edit{st.deleteEdit()}
	if !a.Is(x) {
		edits = append(edits, ReplaceNode(outerParen170(a), x))
	}
	for _, u := range bUses {
		if !u.Is(y) {
			edits = append(edits, ReplaceNode(outerParen170(u), y))
		}
	}
	line := xtr + ", " + ytr + " = " + st.recvText() + ".fit_resample(" + xtr + ", " + ytr + ")" + st.trailing()
	edits = append(edits, InsertBlockAfter(tstmt, line))
	desc := "Split `" + x + "`, `" + y + "` first and resample only `" + xtr + "`, `" + ytr + "` with `" +
		st.recvText() + "`, so `" + xte + "`, `" + yte + "` keep only original rows."
	behavior := "`" + xte + "` and `" + yte + "` now hold original rows in the original class balance and `" + xtr +
		"`, `" + ytr + "` are resampled from the training rows only, so split sizes and test metrics change " +
		"(metrics may drop to their honest level)."
	return p.Edits(Unsafe, desc, edits...).Changing(behavior)
}
