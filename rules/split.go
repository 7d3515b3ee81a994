package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// Shared sequence logic of the train/test leakage family (AIML170, AIML171,
// AIML175): what a split or cross-validation call splits, which names a
// train_test_split unpacking binds as TEST names, and the classes whose
// fit learns statistics that leak across a later split.

const trainTestSplit = "sklearn.model_selection.train_test_split"

// leakCVFuncs take (estimator, X, y, ...) and split X internally (AIML170).
var leakCVFuncs = setOf(qualify("sklearn.model_selection.", "cross_val_score", "cross_validate",
	"cross_val_predict", "learning_curve", "validation_curve", "permutation_test_score"))

// resampleCVFuncs are the CV functions AIML175 names.
var resampleCVFuncs = setOf(qualify("sklearn.model_selection.", "cross_val_score", "cross_validate",
	"cross_val_predict"))

// leakFitters: SCALERS, IMPUTERS, REDUCERS, SELECTORS, VECTORIZERS,
// TargetEncoder and KBinsDiscretizer (AIML170). Stateless or label-only
// transformers (encoders, Normalizer, PolynomialFeatures, …) are absent.
var leakFitters = setOf(
	qualify("sklearn.preprocessing.", "StandardScaler", "MinMaxScaler", "MaxAbsScaler", "RobustScaler",
		"QuantileTransformer", "PowerTransformer", "TargetEncoder", "KBinsDiscretizer"),
	qualify("sklearn.impute.", "SimpleImputer", "KNNImputer", "IterativeImputer"),
	qualify("sklearn.decomposition.", "PCA", "IncrementalPCA", "TruncatedSVD", "KernelPCA", "FastICA",
		"NMF", "MiniBatchNMF", "FactorAnalysis", "SparsePCA"),
	[]string{"umap.UMAP", "umap.umap_.UMAP"},
	qualify("sklearn.feature_selection.", "SelectKBest", "SelectPercentile", "SelectFpr", "SelectFdr",
		"SelectFwe", "GenericUnivariateSelect", "VarianceThreshold", "SelectFromModel", "RFE", "RFECV",
		"SequentialFeatureSelector"),
	qualify("sklearn.feature_extraction.text.", "CountVectorizer", "TfidfVectorizer"),
)

// imblearnSamplerModules: AIML175 samplers are classes of these modules.
var imblearnSamplerModules = []string{"imblearn.over_sampling.", "imblearn.under_sampling.", "imblearn.combine."}

// splitFitMethods are the fitting methods AIML171 checks.
var splitFitMethods = map[string]bool{
	"fit": true, "fit_transform": true, "partial_fit": true, "fit_predict": true, "fit_resample": true,
}

func hasQualPrefix(q string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(q, p) {
			return true
		}
	}
	return false
}

// splitSink describes which arguments of a split/CV call count as data
// being split: every positional array of train_test_split (its signature is
// train_test_split(*arrays, ...)); X (positional 1 or X=) of the cv
// functions, and also y (positional 2 or y=) when withY is set.
type splitSink struct {
	cv    map[string]bool
	withY bool
}

// passedToSplit reports whether identifier use is itself (possibly
// parenthesised) an argument that sink splits.
func (k splitSink) passedToSplit(p *Pass, use *Node) bool {
	n := use
	for n.Parent() != nil && n.Parent().Kind == KParenthesized {
		n = n.Parent()
	}
	par := n.Parent()
	kw := ""
	if par != nil && par.Kind == KKeywordArgument {
		if n.FieldName() != "value" {
			return false
		}
		kw = par.Field("name").Text()
		par = par.Parent()
	}
	if par == nil || par.Kind != KArgumentList {
		return false
	}
	c, ok := p.AsCall(par.Parent())
	if !ok {
		return false
	}
	q := c.Callee()
	switch {
	case q == trainTestSplit:
		return kw == ""
	case k.cv[q]:
		if kw != "" {
			return kw == "X" || k.withY && kw == "y"
		}
		return c.Pos(1) == n || k.withY && c.Pos(2) == n
	}
	return false
}

// reachesSplit reports whether one of defs (bindings made in scope s) is
// later passed, unchanged by name and not rebound in between, to a split.
func (k splitSink) reachesSplit(p *Pass, s *Scope, defs []*Def) bool {
	for _, d := range defs {
		for _, use := range s.Uses(d) {
			if k.passedToSplit(p, use) {
				return true
			}
		}
	}
	return false
}

// assignedFrom returns the DefAssign bindings of value call n: direct ones
// (`v = n`) when unpacked is false, tuple-unpacking ones (`a, b = n`) when true.
func assignedFrom(p *Pass, n *Node, unpacked bool) []*Def {
	var out []*Def
	for _, d := range p.BindingsOf(n) {
		if d.Kind == DefAssign && d.Unpacked == unpacked {
			out = append(out, d)
		}
	}
	return out
}

// isTestBinding reports whether d binds a TEST name: the target at an odd
// position of a tuple unpacking of train_test_split(A1..An, ...) into 2n
// plain names (train_test_split returns train, test for each array in turn).
func isTestBinding(p *Pass, d *Def) bool {
	if d == nil || d.Kind != DefAssign || !d.Unpacked {
		return false
	}
	c, ok := p.AsCall(d.Value)
	if !ok || !c.Is(trainTestSplit) || c.HasArgsSplat() {
		return false
	}
	i := UnpackIndex(d)
	if i < 0 || i%2 == 0 {
		return false
	}
	elems := d.Target.Parent().NamedChildren()
	if len(elems) != 2*len(c.Positional()) {
		return false
	}
	for _, e := range elems {
		if e.Kind != KIdentifier {
			return false
		}
	}
	return !splitsTrainingData(p, c)
}

// splitsTrainingData reports whether a split's first array is itself the
// training part of an earlier split (a validation or ensemble/linear
// sub-split of the training set): its second parts are more training data,
// not the held-out test set. Found on the corpus (scikit-learn's
// plot_feature_transformation example).
func splitsTrainingData(p *Pass, c Call) bool {
	a := Unparen(c.Pos(0))
	if a == nil || a.Kind != KIdentifier {
		return false
	}
	d := p.ScopeOf(a).DefAt(a.Text(), a.Start)
	if d == nil || d.Kind != DefAssign || !d.Unpacked {
		return false
	}
	prev, ok := p.AsCall(d.Value)
	i := UnpackIndex(d)
	return ok && prev.Is(trainTestSplit) && i >= 0 && i%2 == 0
}

// isTestName reports whether arg is a name whose binding visible there, in
// scope s, is a TEST name (AIML171): a test part of a train_test_split
// unpacking, the tail of a manual holdout (`X_te = X[k:]` with `X[:k]`
// bound too), or a conventional test name (`X_test`, `X_val`, …) assigned
// in the SCOPE or one of its parameters.
func isTestName(p *Pass, s *Scope, arg *Node) bool {
	arg = Unparen(arg)
	if arg == nil || arg.Kind != KIdentifier {
		return false
	}
	d := s.DefAt(arg.Text(), arg.Start)
	if d == nil {
		return false
	}
	if conventionalTestNames[d.Name] && (d.Kind == DefAssign || d.Kind == DefAugment || d.Kind == DefParam) {
		return true
	}
	return isTestBinding(p, d) || isHoldoutTail(p, s, d)
}

// --- Manual holdouts (AIML170 (b), AIML171 slice TEST names) ---

// holdoutSlice reports whether n is `B[:k]` (head) or `B[k:]` (tail), also
// spelled `B.iloc[:k]` / `B.iloc[k:]`: a subscript whose first index is a
// slice with exactly one bound and no step; further indices (a 2-D array's
// columns) must be a bare `:`. base is B, k the bound.
func holdoutSlice(n *Node) (base, k *Node, head, ok bool) {
	n = Unparen(n)
	if n == nil || n.Kind != KSubscript {
		return nil, nil, false, false
	}
	subs := n.FieldAll("subscript")
	if len(subs) == 0 || subs[0].Kind != KSlice {
		return nil, nil, false, false
	}
	for _, s := range subs[1:] {
		if _, _, isSlice := sliceBounds(s); !isSlice || len(s.NamedChildren()) != 0 {
			return nil, nil, false, false
		}
	}
	before, after, _ := sliceBounds(subs[0])
	switch {
	case before == nil && after != nil:
		k, head = after, true
	case before != nil && after == nil:
		k = before
	default:
		return nil, nil, false, false
	}
	return ilocBase(n.Field("value")), k, head, true
}

// sliceBounds returns the bounds of a one-colon slice `a:b` (nil when a
// bound is absent); ok is false for a non-slice or a slice with a step.
func sliceBounds(s *Node) (before, after *Node, ok bool) {
	if s == nil || s.Kind != KSlice {
		return nil, nil, false
	}
	colons := 0
	for c := s.FirstChild(); c != nil; c = c.NextSibling() {
		switch {
		case c.Kind == KComment:
		case !c.Named():
			if c.Text() == ":" {
				colons++
			}
		case colons == 0:
			before = c
		case colons == 1:
			after = c
		default:
			return nil, nil, false // a step
		}
	}
	return before, after, colons == 1
}

// ilocBase strips one `.iloc` from a subscripted value: `df.iloc` → `df`.
func ilocBase(v *Node) *Node {
	v = Unparen(v)
	if v != nil && v.Kind == KAttribute {
		if nodeIs(v.Field("attribute"), "iloc") {
			return Unparen(v.Field("object"))
		}
	}
	return v
}

// partBindings returns the bindings of a holdout part n: n itself bound
// to names (`X_tr = X[:k]`, `X_tr, X_te = X[:k], X[k:]`), or n followed by
// a copy that keeps its rows (`.copy()`, `.values`, `.to_numpy()`,
// `.reset_index(...)`).
func partBindings(p *Pass, n *Node) []*Def {
	for {
		if defs := assignedFrom(p, n, false); len(defs) > 0 {
			return defs
		}
		par := n.Parent()
		for par != nil && par.Kind == KParenthesized {
			n, par = par, par.Parent()
		}
		if par == nil || par.Kind != KAttribute || par.Field("object") != n {
			return nil
		}
		switch a := par.Field("attribute"); {
		case nodeIs(a, "values"):
			n = par
		case nodeIs(a, "copy", "to_numpy", "reset_index"):
			call := par.Parent()
			if call == nil || call.Kind != KCall || call.Field("function") != par {
				return nil
			}
			n = call
		default:
			return nil
		}
	}
}

// sameBinding reports whether expressions a (at a) and b (at b), name
// chains, are textually identical and their root names have the same
// binding in scope s at both places.
func sameBinding(s *Scope, a, b *Node) bool {
	if !SameExpression(a, b) {
		return false
	}
	ra, rb := nameChainRoot(a), nameChainRoot(b)
	if ra == nil || rb == nil {
		return false
	}
	return s.DefAt(ra.Text(), ra.Start) == s.DefAt(rb.Text(), rb.Start)
}

// subscriptOf returns the subscript whose value is use, directly or
// through one `.iloc` (`use[...]`, `use.iloc[...]`), or nil.
func subscriptOf(use *Node) *Node {
	n := use
	par := n.Parent()
	if par != nil && par.Kind == KAttribute && par.Field("object") == n {
		if !nodeIs(par.Field("attribute"), "iloc") {
			return nil
		}
		n, par = par, par.Parent()
	}
	if par == nil || par.Kind != KSubscript || par.Field("value") != n {
		return nil
	}
	return par
}

// manualHoldout reports whether among uses (reads of one binding) there is
// a manual holdout split: `V[:k]` and `V[k:]` (or `.iloc`) with the same k,
// both bound to names, or `V[a]` and `V[b]` bound to names where a and b
// are the train and test indices of one train_test_split or of the head
// and tail slices of one numpy.random.permutation (AIML170 (b)).
func manualHoldout(p *Pass, s *Scope, uses []*Node) bool {
	var heads, tails, idx []*Node
	for _, u := range uses {
		sub := subscriptOf(u)
		if sub == nil || len(partBindings(p, sub)) == 0 {
			continue
		}
		if _, k, head, ok := holdoutSlice(sub); ok {
			if head {
				heads = append(heads, k)
			} else {
				tails = append(tails, k)
			}
			continue
		}
		if subs := sub.FieldAll("subscript"); len(subs) == 1 {
			if a := Unparen(subs[0]); a != nil && a.Kind == KIdentifier {
				idx = append(idx, a)
			}
		}
	}
	for _, h := range heads {
		for _, t := range tails {
			if SameExpression(h, t) && sameKBinding(s, h, t) {
				return true
			}
		}
	}
	for _, a := range idx {
		for _, b := range idx {
			if indexPair(p, s, s.DefAt(a.Text(), a.Start), s.DefAt(b.Text(), b.Start)) {
				return true
			}
		}
	}
	return false
}

// sameKBinding reports whether every name read in bounds h and t (textually
// identical) has the same binding at both places: `n` is not rebound
// between `X[:n]` and `X[n:]`.
func sameKBinding(s *Scope, h, t *Node) bool {
	var hn, tn []*Node
	collect := func(root *Node, out *[]*Node) {
		root.Walk(func(m *Node) bool {
			if m.Kind == KIdentifier && IsNameRead(m) {
				*out = append(*out, m)
			}
			return true
		})
	}
	collect(h, &hn)
	collect(t, &tn)
	if len(hn) != len(tn) {
		return false
	}
	for i := range hn {
		if s.DefAt(hn[i].Text(), hn[i].Start) != s.DefAt(tn[i].Text(), tn[i].Start) {
			return false
		}
	}
	return true
}

// indexPair reports whether a and b bind the train and the test indices of
// one split: positions 2j and 2j+1 of one train_test_split unpacking, or
// `P[:k]` and `P[k:]` of one binding P of numpy.random.permutation(...).
func indexPair(p *Pass, s *Scope, a, b *Def) bool {
	if a == nil || b == nil || a == b || a.Kind != DefAssign || b.Kind != DefAssign {
		return false
	}
	if a.Unpacked && b.Unpacked {
		c, ok := p.AsCall(a.Value)
		i, j := UnpackIndex(a), UnpackIndex(b)
		return ok && a.Stmt == b.Stmt && c.Is(trainTestSplit) && i >= 0 && i%2 == 0 && j == i+1
	}
	if a.Unpacked || b.Unpacked {
		return false
	}
	ba, ka, ha, oka := holdoutSlice(a.Value)
	bb, kb, hb, okb := holdoutSlice(b.Value)
	if !oka || !okb || !ha || hb || !SameExpression(ka, kb) || !sameKBinding(s, ka, kb) {
		return false
	}
	if ba == nil || bb == nil || ba.Kind != KIdentifier || !sameBinding(s, ba, bb) {
		return false
	}
	pd := s.DefAt(ba.Text(), ba.Start)
	if pd == nil || pd.Kind != DefAssign || pd.Unpacked {
		return false
	}
	c, ok := p.AsCall(pd.Value)
	return ok && c.Is("numpy.random.permutation")
}

// isHoldoutTail reports whether d binds `V[k:]` (or `.iloc[k:]`, or one of
// those followed by a row-keeping copy) while `V[:k]`, with the same V and
// k, is bound to a name in scope s: the test part of a manual holdout
// (AIML171).
func isHoldoutTail(p *Pass, s *Scope, d *Def) bool {
	if d == nil || d.Kind != DefAssign || d.Unpacked || d.Value == nil {
		return false
	}
	tail := partRoot(Unparen(d.Value))
	base, k, head, ok := holdoutSlice(tail)
	if !ok || head || base == nil || nameChainRoot(base) == nil {
		return false
	}
	found := false
	s.Node.Walk(func(m *Node) bool {
		if found {
			return false
		}
		if m.Kind != KSubscript || p.ScopeOf(m) != s || m == tail {
			return true
		}
		hb, hk, h, ok := holdoutSlice(m)
		if ok && h && hb != nil && sameBinding(s, hb, base) && SameExpression(hk, k) && sameKBinding(s, hk, k) &&
			len(partBindings(p, m)) > 0 {
			found = true
		}
		return !found
	})
	return found
}

// partRoot strips the row-keeping copies partBindings accepts from a bound
// value: `X[k:].copy()` → `X[k:]`.
func partRoot(v *Node) *Node {
	for v != nil {
		switch v.Kind {
		case KParenthesized:
			v = Unparen(v)
		case KAttribute:
			if !nodeIs(v.Field("attribute"), "values") {
				return v
			}
			v = v.Field("object")
		case KCall:
			fn := Unparen(v.Field("function"))
			if fn == nil || fn.Kind != KAttribute {
				return v
			}
			if !nodeIs(fn.Field("attribute"), "copy", "to_numpy", "reset_index") {
				return v
			}
			v = fn.Field("object")
		default:
			return v
		}
	}
	return v
}

// conventionalTestNames are TEST names by the universal convention
// (AIML171), when assigned in the SCOPE or a parameter of it.
var conventionalTestNames = map[string]bool{
	"X_test": true, "x_test": true, "X_val": true, "x_val": true, "X_valid": true, "X_holdout": true,
	"test_X": true, "val_X": true,
}

// nodeIs reports whether n is present and its text is one of names.
func nodeIs(n *Node, names ...string) bool {
	if n == nil {
		return false
	}
	for _, s := range names {
		if n.Is(s) {
			return true
		}
	}
	return false
}
