package rules

import (
	"slices"
	"strings"
	"unicode/utf8"

	. "github.com/pyguard/pyguard/analyzer"
)

// Shared pieces of the "refit preprocessing on request data" rules
// (AIML162, AIML163, AIML165, AIML167, AIML168, AIML169): the class
// families of 2.1's "File-specific terms", the PERSISTENT receiver
// predicate, and one matcher for `<typed receiver>.<fit method>(<RT data>)`
// in the right kind of handler. Each rule is a refitSpec plus its fix.

// Class families (2.1 File-specific terms), as qualified names.
var (
	scalers = setOf(qualify("sklearn.preprocessing.", "StandardScaler", "MinMaxScaler", "MaxAbsScaler",
		"RobustScaler", "QuantileTransformer", "PowerTransformer"))
	// partialFitScalers are the SCALERS with partial_fit (AIML163).
	partialFitScalers = setOf(qualify("sklearn.preprocessing.", "StandardScaler", "MinMaxScaler", "MaxAbsScaler"))
	encoders          = setOf(qualify("sklearn.preprocessing.", "OneHotEncoder", "OrdinalEncoder", "TargetEncoder",
		"LabelEncoder", "LabelBinarizer"))
	reducers = setOf(qualify("sklearn.decomposition.", "PCA", "IncrementalPCA", "TruncatedSVD", "KernelPCA",
		"FastICA", "NMF", "MiniBatchNMF", "FactorAnalysis", "SparsePCA"), []string{"umap.UMAP"})
	// incrementalReducers are the REDUCERS whose partial_fit AIML167(b) covers.
	incrementalReducers = setOf(qualify("sklearn.decomposition.", "IncrementalPCA", "MiniBatchNMF"))
	selectors           = setOf(qualify("sklearn.feature_selection.", "SelectKBest", "SelectPercentile", "SelectFpr",
		"SelectFdr", "SelectFwe", "GenericUnivariateSelect", "VarianceThreshold", "SelectFromModel", "RFE", "RFECV",
		"SequentialFeatureSelector"))
	outlierDetectors = setOf([]string{"sklearn.ensemble.IsolationForest", "sklearn.neighbors.LocalOutlierFactor",
		"sklearn.covariance.EllipticEnvelope", "sklearn.svm.OneClassSVM", "sklearn.linear_model.SGDOneClassSVM"})
	// predictingDetectors are the OUTLIER_DETECTORS whose fitted instance
	// has a public predict (LocalOutlierFactor has one only with novelty=True).
	predictingDetectors = setOf([]string{"sklearn.ensemble.IsolationForest", "sklearn.covariance.EllipticEnvelope",
		"sklearn.svm.OneClassSVM", "sklearn.linear_model.SGDOneClassSVM"})
)

// Handler kinds a refit rule applies in.
type handlerKind uint8

const (
	inInferenceHandler handlerKind = iota + 1 // INFERENCE HANDLER
	inRouteHandler                            // any ROUTE HANDLER
)

// inHandler reports whether n sits directly in a function of the given kind
// that is not a DYNAMIC-BATCH HANDLER (§4 row 15: owned by AIML235).
func inHandler(p *Pass, n *Node, kind handlerKind) bool {
	fn := p.FuncOf(n)
	if fn == nil || !fn.IsRoute() || fn.DynamicBatch {
		return false
	}
	return kind != inInferenceHandler || fn.Inference
}

// persistent is 2.1's PERSISTENT receiver: `self.<attr>`, or a name that
// the current function does not assign (parameters are not assignments).
func persistent(p *Pass, recv *Node) bool {
	recv = Unparen(recv)
	if recv == nil {
		return false
	}
	switch recv.Kind {
	case KAttribute:
		obj := Unparen(recv.Field("object"))
		return obj != nil && obj.Kind == KIdentifier && obj.Is("self")
	case KIdentifier:
		fn := p.EnclosingFunc(recv)
		if fn == nil {
			return false
		}
		for _, d := range fn.Defs(recv.Text()) {
			if d.Kind != DefParam {
				return false
			}
		}
		return true
	}
	return false
}

// refitSpec declares one refit pattern: inside a handler of kind Handler,
// a call of one of Methods on a receiver typed in Classes whose data
// argument (positional 0, or one of DataKw) is WEB-TAINT (RT).
type refitSpec struct {
	Handler    handlerKind
	Methods    []string
	Classes    map[string]bool
	DataKw     []string // keyword alternatives to positional 0 ("X"), if the spec names them
	Persistent bool     // the receiver must be PERSISTENT
}

// match reports whether call c is an instance of the pattern.
func (s refitSpec) match(p *Pass, c Call) bool {
	m := c.Method()
	if m == "" || !slices.Contains(s.Methods, m) || !p.TypeIn(c.Receiver(), s.Classes) {
		return false
	}
	if s.Persistent && !persistent(p, c.Receiver()) {
		return false
	}
	data := c.Arg(0, s.DataKw...)
	if data == nil || p.Taint(data, nil)&WebTaint == 0 {
		return false
	}
	return inHandler(p, c.Node, s.Handler)
}

// refitRename describes the rename fix of one refit rule: Keeps says what
// the receiver keeps once it is no longer refitted ("its training-time
// statistics"), Extra is an optional clause on what else may change.
type refitRename struct {
	From, To string
	Types    map[string]bool // the receiver must be typed in Types, when given
	Keeps    string
	Extra    string
	Guidance string
}

// renameFix is the fix of the refit rules: rename the method From to To
// when the call is From on a PERSISTENT receiver (typed in Types, when
// given) that passes only the data argument; otherwise the guidance prose.
// A call with more arguments (`fit_transform(X, y)`) would not fit the
// renamed method's signature, so it gets guidance.
func renameFix(p *Pass, c Call, r refitRename) *Fix {
	if c.Method() != r.From || !persistent(p, c.Receiver()) || (r.Types != nil && !p.TypeIn(c.Receiver(), r.Types)) || !onlyDataArg(c) {
		return GuidanceFix(r.Guidance)
	}
	e, ok := RenameMethod(c, r.To)
	if !ok {
		return GuidanceFix(r.Guidance)
	}
	recv := codeText(c.Receiver(), 40)
	call := recv + "." + r.To + "(" + argText(dataArgNode(c), 30) + ")"
	behavior := "`" + recv + "` is no longer refitted on each request"
	if r.Extra != "" {
		behavior += "; " + r.Extra
	}
	behavior += "; if it was never fitted, `" + r.To + "` raises NotFittedError."
	return p.Edits(Unsafe, "Call `"+call+"` instead of `"+r.From+"`, so `"+recv+"` keeps "+r.Keeps+".", e).
		Changing(behavior)
}

// argText is n's text as codeText gives it when it fits in max bytes, else
// "...": an argument in a sketched call (`scaler.transform(...)`).
func argText(n *Node, max int) string {
	if t := codeText(n, max); !strings.HasSuffix(t, "…") {
		return t
	}
	return "..."
}

// codeText is n's source text for a fix description: on one line, with runs
// of whitespace collapsed, and cut to about max bytes with "…" when longer.
func codeText(n *Node, max int) string {
	if n == nil {
		return "..."
	}
	t := strings.Join(strings.Fields(n.Text()), " ")
	t = strings.ReplaceAll(t, "( ", "(")
	t = strings.ReplaceAll(t, " )", ")")
	t = strings.ReplaceAll(t, "`", "'")
	if len(t) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(t[cut]) {
			cut--
		}
		t = strings.TrimRight(t[:cut], " ") + "…"
	}
	return t
}

// dataArgNode is the single argument node of a call onlyDataArg accepts
// (the positional data, or the whole `X=...` keyword argument).
func dataArgNode(c Call) *Node {
	for _, a := range c.Args.NamedChildren() {
		if a.Kind != KComment {
			return a
		}
	}
	return nil
}

// onlyDataArg: the call passes exactly one argument, positional or `X=`.
func onlyDataArg(c Call) bool {
	if c.Args == nil {
		return false
	}
	n := 0
	for _, a := range c.Args.NamedChildren() {
		if a.Kind != KComment {
			n++
		}
	}
	return n == 1 && (c.Pos(0) != nil || c.Kwarg("X") != nil)
}
