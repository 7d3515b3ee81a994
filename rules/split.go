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
// scope s, is a TEST name.
func isTestName(p *Pass, s *Scope, arg *Node) bool {
	arg = Unparen(arg)
	if arg == nil || arg.Kind != KIdentifier {
		return false
	}
	return isTestBinding(p, s.DefAt(arg.Text(), arg.Start))
}
