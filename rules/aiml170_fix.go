package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// Mechanical edits for the leakage-before-split family (AIML170, AIML175):
// the fitting statement `V = R.fit_transform(W)` / `A, B =
// S.fit_resample(X, Y)` is deleted and the step is redone where it belongs,
// after the train/test split (on the training part only) or inside the CV
// call as the first pipeline step. The helpers below check that moving the
// step keeps every other value the code reads unchanged.

// leakStep is the fitting statement a fix moves.
type leakStep struct {
	p       *Pass
	s       *Scope
	call    Call
	stmt    *Node   // the statement, deleted by the fix
	comment *Node   // its trailing comment (moved with the step), or nil
	recv    *Node   // an inline constructor call or an identifier
	args    []*Node // identifier arguments: W (, Y) / X, Y
	defs    []*Def  // the bindings the statement makes: V / A, B
}

// parseLeakStep accepts c when it is the whole right-hand side of an
// assignment statement of its own lines binding plain names (one name, or
// exactly two by unpacking when unpacked), its receiver is an inline
// one-line constructor or a name, and its arguments are minArgs..maxArgs
// positional identifiers.
func parseLeakStep(p *Pass, c Call, unpacked bool, minArgs, maxArgs int) (*leakStep, bool) {
	if c.Args == nil || c.HasArgsSplat() || c.HasKwargsSplat() {
		return nil, false
	}
	args := c.Positional()
	if len(args) < minArgs || len(args) > maxArgs {
		return nil, false
	}
	for a := c.Args.FirstChild(); a != nil; a = a.NextSibling() {
		if a.Kind == KKeywordArgument {
			return nil, false
		}
	}
	for i, a := range args {
		if a = Unparen(a); a == nil || a.Kind != KIdentifier || oneShot170(p, a) {
			return nil, false
		}
		args[i] = a
	}
	stmt := Statement(c.Node)
	if stmt == nil || stmt.Kind != KExpressionStatement {
		return nil, false
	}
	asg := Unparen(stmt.NamedChild(0))
	if asg == nil || asg.Kind != KAssignment || Unparen(asg.Field("right")) != c.Node {
		return nil, false
	}
	left := Unparen(asg.Field("left"))
	defs := assignedFrom(p, c.Node, unpacked)
	if unpacked {
		if left == nil || !(left.Kind == KPatternList || left.Kind == KTuplePattern || left.Kind == KListPattern) ||
			len(left.NamedChildren()) != 2 || len(defs) != 2 {
			return nil, false
		}
		if UnpackIndex(defs[0]) != 0 || UnpackIndex(defs[1]) != 1 || defs[0].Name == defs[1].Name {
			return nil, false
		}
	} else if left == nil || left.Kind != KIdentifier || len(defs) != 1 {
		return nil, false
	}
	comment, ok := ownLines170(p, stmt)
	if !ok {
		return nil, false
	}
	recv := Unparen(c.Receiver())
	switch {
	case recv == nil:
		return nil, false
	case recv.Kind == KIdentifier:
	case recv.Kind == KCall:
		if strings.ContainsAny(recv.Text(), "\r\n") || hasKind170(recv, KLambda) {
			return nil, false
		}
	default:
		return nil, false
	}
	return &leakStep{p: p, s: p.ScopeOf(c.Node), call: c, stmt: stmt, comment: comment, recv: recv, args: args, defs: defs}, true
}

// oneShot170 reports whether name a may be bound to an iterator the step
// consumes (a generator, `map(...)`, an open file): it could not be split
// again after the fitting call is moved.
func oneShot170(p *Pass, a *Node) bool {
	d := p.ScopeOf(a).DefAt(a.Text(), a.Start)
	if d == nil {
		return false
	}
	if d.Kind == DefWith {
		return true
	}
	v := Unparen(d.Value)
	if d.Kind != DefAssign || v == nil {
		return false
	}
	if v.Kind == KGeneratorExpression {
		return true
	}
	c, ok := p.AsCall(v)
	return ok && c.Is("builtins.iter", "builtins.map", "builtins.filter", "builtins.zip", "builtins.open",
		"builtins.reversed", "builtins.enumerate", "io.open", "itertools.chain", "itertools.islice")
}

// ownLines170 reports whether stmt is a statement of a block that starts
// its line, shares none of its lines with another statement and contains
// no comment; comment is the comment that ends its last line, if any.
func ownLines170(p *Pass, stmt *Node) (comment *Node, ok bool) {
	par := stmt.Parent()
	if par == nil || (par.Kind != KBlock && par.Kind != KModule) {
		return nil, false
	}
	if _, col := p.Tree.Position(stmt.Start); col-1 != len(Indent(stmt)) {
		return nil, false
	}
	if hasKind170(stmt, KComment) {
		return nil, false
	}
	if prev := prevSibling170(stmt); prev != nil && prev.Kind != KComment && lineOfEnd170(p, prev) == stmt.Line() {
		return nil, false
	}
	next := stmt.NextSibling()
	if next != nil && !next.Named() {
		return nil, false // `;`
	}
	if next != nil && next.Line() == lineOfEnd170(p, stmt) {
		if next.Kind != KComment {
			return nil, false
		}
		if after := next.NextSibling(); after != nil && after.Line() == next.Line() {
			return nil, false
		}
		return next, true
	}
	return nil, true
}

func prevSibling170(n *Node) *Node {
	par := n.Parent()
	var prev *Node
	for c := par.FirstChild(); c != nil && c != n; c = c.NextSibling() {
		prev = c
	}
	return prev
}

func lineOfEnd170(p *Pass, n *Node) int {
	end := n.End
	if end > n.Start {
		end--
	}
	l, _ := p.Tree.Position(end)
	return l
}

func hasKind170(n *Node, k Kind) bool {
	found := false
	n.Walk(func(m *Node) bool {
		if m.Kind == k {
			found = true
		}
		return !found
	})
	return found
}

// deleteEdit removes the statement's lines (with its trailing comment).
func (st *leakStep) deleteEdit() Edit {
	t := st.p.Tree
	last := st.stmt
	if st.comment != nil {
		last = st.comment
	}
	return Edit{Start: t.LineStart(st.stmt.Line()), End: t.LineStart(lineOfEnd170(st.p, last) + 1)}
}

// trailing is the moved trailing comment, spelled to end a line ("" if none).
func (st *leakStep) trailing() string {
	if st.comment == nil {
		return ""
	}
	return "  " + strings.TrimRight(st.comment.Text(), "\r")
}

// recvText is the receiver as written: `StandardScaler()` or `mm`.
func (st *leakStep) recvText() string { return st.recv.Text() }

// argsStableAt reports whether every argument name still has, at pos, the
// binding it has at the call and is not mentioned in between; a name the statement itself rebinds (`X =
// R.fit_transform(X)`) may have that binding at pos, since deleting the
// statement restores the earlier one.
func (st *leakStep) argsStableAt(pos uint32) bool {
	for _, a := range st.args {
		want := st.s.DefAt(a.Text(), st.call.Node.Start)
		got := st.s.DefAt(a.Text(), pos)
		if mentions170(st.p, a.Text(), st.stmt.End, pos) {
			return false // possibly changed in place (`X.drop(..., inplace=True)`)
		}
		if got == want {
			continue
		}
		own := false
		for _, d := range st.defs {
			if d == got {
				own = true
			}
		}
		if !own {
			return false
		}
	}
	return true
}

// recvStableAt reports whether the receiver means the same object at pos:
// every name an inline constructor reads keeps its binding; a receiver name
// keeps its binding and is not mentioned between the statement and pos.
func (st *leakStep) recvStableAt(pos uint32) bool {
	if st.recv.Kind == KIdentifier {
		name := st.recv.Text()
		if st.s.DefAt(name, st.call.Node.Start) != st.s.DefAt(name, pos) {
			return false
		}
		return !mentions170(st.p, name, st.stmt.End, pos)
	}
	ok := true
	st.recv.Walk(func(m *Node) bool {
		if m.Kind == KIdentifier && IsNameRead(m) && st.s.DefAt(m.Text(), st.recv.Start) != st.s.DefAt(m.Text(), pos) {
			ok = false
		}
		return ok
	})
	for _, d := range st.defs {
		if mentions170Node(st.recv, d.Name) {
			return false
		}
	}
	return ok
}

// onlyReadBy reports whether binding d is read exactly at the identifiers
// want: no other read in the SCOPE (nor, inside an enclosing loop, before
// the statement), and no read of the name from another SCOPE.
func (st *leakStep) onlyReadBy(d *Def, want ...*Node) bool {
	uses := st.s.Uses(d)
	if len(uses) != len(want) {
		return false
	}
	in := func(n *Node) bool {
		for _, w := range want {
			if w == n {
				return true
			}
		}
		return false
	}
	for _, u := range uses {
		if !in(u) {
			return false
		}
	}
	p := st.p
	ok := true
	p.Tree.Root().Walk(func(m *Node) bool {
		if m.Kind == KIdentifier && m.Is(d.Name) && IsNameRead(m) && p.ScopeOf(m) != st.s &&
			resolvesTo170(p.ScopeOf(m), st.s, d.Name) {
			ok = false
		}
		return ok
	})
	if !ok {
		return false
	}
	// In a loop, a read before the statement sees the previous iteration's V.
	var loop *Node
	for a := st.stmt.Parent(); a != nil && a != st.s.Node; a = a.Parent() {
		if a.Kind == KFor || a.Kind == KWhile {
			loop = a
		}
	}
	if loop != nil {
		targets := map[*Node]bool{}
		for _, td := range st.s.Defs(d.Name) {
			targets[td.Target] = true
		}
		loop.Walk(func(m *Node) bool {
			if m.Kind == KIdentifier && m.Is(d.Name) && IsNameRead(m) && !targets[m] && p.ScopeOf(m) == st.s && !in(m) {
				ok = false
			}
			return ok
		})
	}
	return ok
}

// resolvesTo170 reports whether a read of name in scope from may see a
// binding of scope s: s is the first enclosing scope (class bodies skipped,
// as Python does for their methods) that binds name, or one that declares
// it global.
func resolvesTo170(from, s *Scope, name string) bool {
	for sc := from; sc != nil; sc = sc.Parent {
		if sc != from && sc.Kind == ScopeClass {
			continue
		}
		if sc.Binds(name) {
			return sc == s
		}
	}
	return s.Kind == ScopeModule // `global name` in from or an enclosing function
}

// blockStmt is the statement of the step's block that contains n and comes
// after the step, or nil.
func (st *leakStep) blockStmt(n *Node) *Node {
	for a := n; a != nil; a = a.Parent() {
		if a.Parent() == st.stmt.Parent() {
			if a.Start < st.stmt.End {
				return nil
			}
			return a
		}
	}
	return nil
}

// consumer is the call the fix rewrites: the one use of the step's first
// binding (V of `V = R.fit_transform(W)`, A of `A, B = S.fit_resample(X,
// Y)`) is an argument of it, in the step's SCOPE.
func (st *leakStep) consumer() (t Call, use *Node, ok bool) {
	uses := st.s.Uses(st.defs[0])
	if len(uses) != 1 {
		return Call{}, nil, false
	}
	t, ok = callOfArg170(st.p, uses[0])
	if !ok || st.p.ScopeOf(t.Node) != st.s {
		return Call{}, nil, false
	}
	return t, uses[0], true
}

// callOfArg170 returns the call an identifier is (possibly parenthesised)
// an argument of, positional or keyword.
func callOfArg170(p *Pass, use *Node) (Call, bool) {
	n := use
	for n.Parent() != nil && n.Parent().Kind == KParenthesized {
		n = n.Parent()
	}
	par := n.Parent()
	if par != nil && par.Kind == KKeywordArgument && n.FieldName() == "value" {
		par = par.Parent()
	}
	if par == nil || par.Kind != KArgumentList {
		return Call{}, false
	}
	return p.AsCall(par.Parent())
}

// outerParen170 is n with the parentheses around it: `(X_s)` is replaced
// by `X`, not `(X)`.
func outerParen170(n *Node) *Node {
	for n.Parent() != nil && n.Parent().Kind == KParenthesized {
		n = n.Parent()
	}
	return n
}

// mentions170 reports whether name occurs as a variable (read or bound, not
// an attribute or keyword name) in the byte range [from, to).
func mentions170(p *Pass, name string, from, to uint32) bool {
	found := false
	p.Tree.Root().Walk(func(m *Node) bool {
		if found || m.End <= from || m.Start >= to {
			return false
		}
		if m.Start >= from && m.End <= to && m.Kind == KIdentifier && m.Is(name) && isVariable170(m) {
			found = true
		}
		return !found
	})
	return found
}

func mentions170Node(n *Node, name string) bool {
	found := false
	n.Walk(func(m *Node) bool {
		if m.Kind == KIdentifier && m.Is(name) && isVariable170(m) {
			found = true
		}
		return !found
	})
	return found
}

// isVariable170: not the attribute of `a.b` nor the name of `k=v`.
func isVariable170(m *Node) bool {
	par := m.Parent()
	if par == nil {
		return true
	}
	switch par.Kind {
	case KAttribute:
		return m.FieldName() != "attribute"
	case KKeywordArgument:
		return m.FieldName() != "name"
	}
	return true
}

// freeName170 returns the first candidate the file never uses as a
// variable, parameter or function name, or "".
func freeName170(p *Pass, cands ...string) string {
	for _, c := range cands {
		if !mentions170Node(p.Tree.Root(), c) {
			return c
		}
	}
	return ""
}

// splitTargets170 returns the plain-name targets of `a, b, ... =
// train_test_split(...)` when split is the whole right-hand side of an
// assignment statement of its own lines in the step's block, after it.
func (st *leakStep) splitTargets(split Call) (stmt *Node, targets []*Node, ok bool) {
	stmt = Statement(split.Node)
	if stmt == nil || stmt.Kind != KExpressionStatement || stmt.Parent() != st.stmt.Parent() || stmt.Start < st.stmt.End {
		return nil, nil, false
	}
	asg := Unparen(stmt.NamedChild(0))
	if asg == nil || asg.Kind != KAssignment || Unparen(asg.Field("right")) != split.Node {
		return nil, nil, false
	}
	left := Unparen(asg.Field("left"))
	if left == nil || !(left.Kind == KPatternList || left.Kind == KTuplePattern || left.Kind == KListPattern) {
		return nil, nil, false
	}
	targets = left.NamedChildren()
	if len(targets) != 2*len(split.Positional()) {
		return nil, nil, false
	}
	seen := map[string]bool{}
	for _, t := range targets {
		if t.Kind != KIdentifier || seen[t.Text()] {
			return nil, nil, false
		}
		seen[t.Text()] = true
	}
	if _, ok := ownLines170(st.p, stmt); !ok {
		return nil, nil, false
	}
	return stmt, targets, true
}

// splitAgain reports whether, after pos, a split or CV call of sinks (or
// train_test_split) in the SCOPE has one of names among its arguments: the
// moved step would then leak into that later split and be reported again.
func (st *leakStep) splitAgain(pos uint32, sinks map[string]bool, names ...string) bool {
	for _, m := range st.s.Calls() {
		if m.Start < pos {
			continue
		}
		c, _ := st.p.AsCall(m)
		if q := c.Callee(); q != trainTestSplit && !sinks[q] {
			continue
		}
		if c.Args == nil {
			return true
		}
		for _, nm := range names {
			if mentions170Node(c.Args, nm) {
				return true
			}
		}
	}
	return false
}

// heldOutAgain reports whether a part of split t is split again by a
// manual holdout (`X_fit, X_val = X_tr[:k], X_tr[k:]`): the moved fit
// would leak into that split and be reported again.
func (st *leakStep) heldOutAgain(t Call) bool {
	for _, d := range assignedFrom(st.p, t.Node, true) {
		if manualHoldout(st.p, st.s, st.s.Uses(d)) {
			return true
		}
	}
	return false
}

// cvCallOK reports whether CV call t can take a pipeline as its estimator
// without changing anything else it does: no splats, no per-step fit
// parameters, no returned estimators or incremental learning, and a scoring
// given by name (a custom scorer may read the bare model's attributes).
func cvCallOK(p *Pass, t Call) bool {
	if t.Args == nil || t.HasArgsSplat() || t.HasKwargsSplat() {
		return false
	}
	for _, kw := range []string{"fit_params", "params", "return_estimator", "exploit_incremental_learning"} {
		if t.Keyword(kw) != nil {
			return false
		}
	}
	if sc := Unparen(t.Kwarg("scoring")); sc != nil {
		l := LiteralValue(sc)
		switch {
		case l.Kind == LitStr:
		case l.Kind == LitNone:
		case (sc.Kind == KList || sc.Kind == KTuple) && l.Kind == LitList:
			for _, e := range l.Elems {
				if e.Kind != LitStr {
					return false
				}
			}
		default:
			return false
		}
	}
	est := Unparen(t.Arg(0, "estimator"))
	return est != nil
}

// cv170Funcs: the AIML170 CV functions whose estimator may become a
// pipeline (validation_curve's param_name would need a step prefix).
var cv170Funcs = setOf(qualify("sklearn.model_selection.", "cross_val_score", "cross_validate",
	"cross_val_predict", "learning_curve", "permutation_test_score"))

// fitterName170 is the name a fix binds an inline constructor to.
func fitterName170(q string) string {
	switch {
	case strings.HasSuffix(q, "Scaler"):
		return "scaler"
	case strings.HasSuffix(q, "Transformer"):
		return "transformer"
	case strings.HasSuffix(q, "TargetEncoder"):
		return "encoder"
	case strings.HasSuffix(q, "KBinsDiscretizer"):
		return "discretizer"
	case strings.HasPrefix(q, "sklearn.impute."):
		return "imputer"
	case strings.HasPrefix(q, "sklearn.feature_selection."):
		return "selector"
	case strings.HasPrefix(q, "sklearn.feature_extraction."):
		return "vectorizer"
	}
	return "reducer" // decomposition, UMAP
}

// fix170 is the edit for `V = R.fit_transform(W)` (or `(W, Y)`) reported
// by AIML170; guidance when its preconditions do not hold.
func fix170(p *Pass, c Call) *Fix {
	st, ok := parseLeakStep(p, c, false, 1, 2)
	if !ok {
		return p.Guidance()
	}
	t, use, ok := st.consumer()
	if !ok {
		return p.Guidance()
	}
	var fx *Fix
	switch q := t.Callee(); {
	case q == trainTestSplit:
		fx = st.split170(t, use)
	case cv170Funcs[q]:
		fx = st.cv(t, use, cvPipeline170)
	}
	if fx == nil {
		return p.Guidance()
	}
	return fx
}

// split170: `A_tr, A_te, ... = train_test_split(V, ...)` becomes a split of
// W followed by the fit on A_tr and the transform of A_te.
func (st *leakStep) split170(t Call, use *Node) *Fix {
	p := st.p
	if t.HasArgsSplat() || t.HasKwargsSplat() || Unparen(t.Pos(0)) != use || !st.onlyReadBy(st.defs[0], use) {
		return nil
	}
	tstmt, targets, ok := st.splitTargets(t)
	if !ok || !st.argsStableAt(t.Node.Start) || !st.recvStableAt(tstmt.End) {
		return nil
	}
	w := st.args[0].Text()
	xtr, xte := targets[0].Text(), targets[1].Text()
	fitArgs := xtr
	if len(st.args) == 2 {
		// fit_transform(W, Y): Y must be the split's second array.
		y := Unparen(t.Pos(1))
		if y == nil || y.Kind != KIdentifier || !y.Is(st.args[1].Text()) {
			return nil
		}
		fitArgs += ", " + targets[2].Text()
	}
	if st.splitAgain(tstmt.End, leakCVFuncs, xtr, xte) || st.heldOutAgain(t) {
		return nil
	}
	fitter := st.recvText()
	var block []string
	if st.recv.Kind == KCall {
		base := fitterName170(p.TypeOf(st.recv))
		name := freeName170(p, base, "train_"+base)
		if name == "" {
			return nil
		}
		block = append(block, name+" = "+fitter)
		fitter = name
	}
	block = append(block,
		xtr+" = "+fitter+".fit_transform("+fitArgs+")"+st.trailing(),
		xte+" = "+fitter+".transform("+xte+")")
	edits := []Edit{st.deleteEdit()}
	if !use.Is(w) {
		edits = append(edits, ReplaceNode(outerParen170(use), w))
	}
	edits = append(edits, InsertBlockAfter(tstmt, strings.Join(block, "\n")))
	desc := "Split `" + w + "` first, then fit `" + st.recvText() + "` on `" + xtr + "` only and transform `" + xte +
		"` with it, instead of fitting it on all of `" + w + "` before the split."
	behavior := "`" + xtr + "` and `" + xte + "` are now transformed with statistics learned from the training rows only, " +
		"so the test metrics may drop to their honest level."
	if st.recv.Kind == KIdentifier {
		behavior = "`" + st.recvText() + "` now holds statistics of `" + xtr + "` only, and `" + xte +
			"` is transformed with them, so the test metrics may drop to their honest level."
	}
	return p.Edits(Unsafe, desc, edits...).Changing(behavior)
}

// cvPipeline170 spells sklearn's make_pipeline for the fix.
func cvPipeline170(b *FixBuilder) string { return b.Name("sklearn.pipeline", "make_pipeline") }

// cv: `cv(est, V, y, ...)` becomes `cv(make_pipeline(R, est), W, y, ...)`
// (for AIML175 with both resampled names: `cv(make_pipeline(S, est), X, Y)`).
// The statement's trailing comment moves to the end of the CV statement.
func (st *leakStep) cv(t Call, use *Node, pipeline func(*FixBuilder) string) *Fix {
	p := st.p
	if !cvCallOK(p, t) {
		return nil
	}
	xArg := Unparen(t.Kwarg("X"))
	if xArg == nil {
		xArg = Unparen(t.Pos(1))
	}
	yArg := Unparen(t.Kwarg("y"))
	if yArg == nil {
		yArg = Unparen(t.Pos(2))
	}
	// The resampled/transformed names and what replaces them.
	var want []*Node
	replace := map[*Node]string{}
	switch len(st.defs) {
	case 1: // AIML170: V is X.
		if xArg != use || !st.onlyReadBy(st.defs[0], use) {
			return nil
		}
		want = []*Node{use}
		replace[use] = st.args[0].Text()
		if len(st.args) == 2 && (yArg == nil || yArg.Kind != KIdentifier || !yArg.Is(st.args[1].Text())) {
			return nil
		}
	case 2: // AIML175: A is X, B is y.
		if xArg == nil || yArg == nil || xArg.Kind != KIdentifier || yArg.Kind != KIdentifier ||
			!st.onlyReadBy(st.defs[0], xArg) || !st.onlyReadBy(st.defs[1], yArg) {
			return nil
		}
		want = []*Node{xArg, yArg}
		replace[xArg], replace[yArg] = st.args[0].Text(), st.args[1].Text()
	default:
		return nil
	}
	if !st.argsStableAt(t.Node.Start) {
		return nil
	}
	tstmt := st.blockStmt(t.Node)
	if tstmt == nil {
		return nil
	}
	if st.recv.Kind == KIdentifier {
		// The object stays unfitted: it must not be read anywhere else.
		rd := st.s.DefAt(st.recv.Text(), st.call.Node.Start)
		if rd == nil || rd != st.s.DefAt(st.recv.Text(), t.Node.Start) || !st.onlyReadBy(rd, st.recv) {
			return nil
		}
	} else if !st.recvStableAt(t.Node.Start) {
		return nil
	}
	est := Unparen(t.Arg(0, "estimator"))
	name := t.NameNode().Text()
	desc := "Fit `" + st.recvText() + "` inside each fold of `" + name + "`: pass a pipeline of it and `" + est.Text() +
		"` with the untransformed `" + st.args[0].Text() + "` instead of data transformed before the split."
	behavior := "`" + name + "` now refits `" + st.recvText() + "` on each training fold only, so the scores may drop " +
		"to their honest level."
	if len(st.defs) == 2 {
		desc = "Resample inside each fold of `" + name + "`: pass a pipeline of `" + st.recvText() + "` and `" + est.Text() +
			"` with the original `" + st.args[0].Text() + "`, `" + st.args[1].Text() + "` instead of resampling before the split."
		behavior = "`" + name + "` now resamples only the training folds and scores the original rows, so the scores " +
			"may drop to their honest level."
	}
	b := p.NewFix(Unsafe, desc, t.Node).Changing(behavior)
	mp := pipeline(b)
	b.Add(st.deleteEdit(), ReplaceNode(est, mp+"("+st.recvText()+", "+est.Text()+")"))
	for _, u := range want {
		if r := replace[u]; !u.Is(r) {
			b.Add(ReplaceNode(outerParen170(u), r))
		}
	}
	if st.comment != nil {
		// Move the comment to the end of the line that ends the CV call's
		// statement, when that line has no comment of its own.
		cstmt := Statement(t.Node)
		if cstmt == nil {
			return nil
		}
		if c, ok := ownLines170(p, cstmt); !ok || c != nil {
			return nil
		}
		b.Add(Edit{Start: cstmt.End, End: cstmt.End, NewText: st.trailing()})
	}
	return b.Build(nil)
}
