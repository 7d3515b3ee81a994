package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// twoSample269 are scipy.stats two-sample tests and distances used to
// compare a reference and a current sample.
var twoSample269 = map[string]bool{"ks_2samp": true, "kstest": true, "cramervonmises_2samp": true,
	"mannwhitneyu": true, "ttest_ind": true, "epps_singleton_2samp": true, "brunnermunzel": true,
	"wasserstein_distance": true, "energy_distance": true}

// standardizers269 are the functions that standardize a sample with its own
// statistics, with the name of their data parameter.
var standardizers269 = map[string]string{"scipy.stats.zscore": "a", "sklearn.preprocessing.scale": "X",
	"sklearn.preprocessing.minmax_scale": "X", "sklearn.preprocessing.robust_scale": "X",
	"sklearn.preprocessing.maxabs_scale": "X"}

// scalers269 are the scaler classes whose fit_transform standardizes a
// sample with its own statistics.
var scalers269 = setOf(qualify("sklearn.preprocessing.", "StandardScaler", "MinMaxScaler", "RobustScaler", "MaxAbsScaler"))

// scipyStats269 maps scipy's private defining modules (scipy/stats/_stats_py.py,
// the pre-1.8 scipy.stats.stats and morestats, _hypotests, _mannwhitneyu)
// to the public scipy.stats name.
func scipyStats269(q string) string {
	rest, ok := strings.CutPrefix(q, "scipy.stats.")
	if !ok {
		return q
	}
	if mod, name, ok := strings.Cut(rest, "."); ok && !strings.Contains(name, ".") &&
		(strings.HasPrefix(mod, "_") || mod == "stats" || mod == "morestats" || mod == "mstats_basic") {
		return "scipy.stats." + name
	}
	return q
}

// selfStandardized269 is a standardization of one sample with its own
// statistics: the standardizing call and its data argument.
type selfStandardized269 struct {
	call Call
	data *Node
}

// standardization269 recognises a direct standardization call: zscore(x),
// scale(x), …, or <scaler>.fit_transform(x) on a receiver typed as one of
// the scaler classes (StandardScaler().fit_transform(x) included).
func standardization269(p *Pass, e *Node) (selfStandardized269, bool) {
	c, ok := p.AsCall(e)
	if !ok {
		return selfStandardized269{}, false
	}
	if param, ok := standardizers269[scipyStats269(c.Callee())]; ok {
		if d := c.Arg(0, param); d != nil {
			return selfStandardized269{c, d}, true
		}
		return selfStandardized269{}, false
	}
	if c.Method() == "fit_transform" && scalers269[p.TypeOf(c.Receiver())] {
		if d := c.Arg(0, "X"); d != nil {
			return selfStandardized269{c, d}, true
		}
	}
	return selfStandardized269{}, false
}

// peel269 strips what keeps a sample standardized: subscripts, slices and
// .ravel()/.flatten().
func peel269(p *Pass, e *Node) (inner *Node, peeled bool) {
	e = Unparen(e)
	for i := 0; i < 8 && e != nil; i++ {
		switch e.Kind {
		case KSubscript:
			e, peeled = Unparen(e.Field("value")), true
			continue
		case KCall:
			if c, _ := p.AsCall(e); (c.Method() == "ravel" || c.Method() == "flatten") && len(c.Positional()) == 0 {
				e, peeled = Unparen(c.Receiver()), true
				continue
			}
		}
		break
	}
	return e, peeled
}

// sample269 decides whether a test argument is self-standardized: (i) a
// standardization call, or (ii) a name whose single assignment in the SCOPE
// is one — either optionally subscripted, sliced or followed by
// .ravel()/.flatten(). direct is true for a bare standardization call
// (the form the fix rewrites).
func sample269(p *Pass, arg *Node) (st selfStandardized269, direct, ok bool) {
	e, peeled := peel269(p, arg)
	if e == nil {
		return st, false, false
	}
	if st, ok := standardization269(p, e); ok {
		return st, !peeled, true
	}
	if e.Kind != KIdentifier {
		return st, false, false
	}
	s := p.ScopeOf(e)
	if !s.Binds(e.Text()) {
		return st, false, false
	}
	defs := s.Defs(e.Text())
	if len(defs) != 1 || defs[0].Kind != DefAssign || defs[0].Unpacked || defs[0].Pos > e.Start {
		return st, false, false
	}
	v, _ := peel269(p, defs[0].Value)
	if v == nil {
		return st, false, false
	}
	st, ok = standardization269(p, v)
	return st, false, ok
}

var AIML269 = &Rule{
	ID:         "AIML269",
	Title:      "Statistical test manipulation",
	Section:    "2.4.1",
	Severity:   Medium,
	References: []string{"CWE-1025", "MITRE ATLAS AML.T0015"},
	Fix:        Unsafe,
	Message:    "Both samples are standardized separately before the drift test; mean/scale shifts are erased and can never be detected.",
	Doc: "A two-sample drift test compares two samples that were each standardized with their own statistics. " +
		"Per-sample standardization removes any shift in mean and scale before the test runs, so location and " +
		"scale drift, the most common and cheapest adversarial shift, can never be detected.",
	FixDoc: "When both arguments are standardization calls written inline, replace each with its own data " +
		"argument (compare the raw samples). Otherwise fit one scaler on the reference and `.transform()` both samples.",
	Example: `def amount_drift(ref_df, cur_df):
    stat, p = ks_2samp(zscore(ref_df["amount"]), zscore(cur_df["amount"]))
    return p < 0.01`,
	SafeExample: `def amount_drift(ref_df, cur_df, scaler):
    ref = scaler.transform(ref_df[["amount"]]).ravel()
    cur = scaler.transform(cur_df[["amount"]]).ravel()
    return ks_2samp(ref, cur).pvalue < 0.01`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		q := scipyStats269(c.Callee())
		name, ok := strings.CutPrefix(q, "scipy.stats.")
		if !ok || !twoSample269[name] {
			return
		}
		a, b := c.Pos(0), c.Pos(1)
		if a == nil || b == nil {
			return
		}
		sa, da, ok := sample269(p, a)
		if !ok {
			return
		}
		sb, db, ok := sample269(p, b)
		if !ok || SameExpression(sa.data, sb.data) {
			return
		}
		fx := p.Guidance()
		if da && db {
			fx = p.Edits(Unsafe, "Compare the raw samples `"+codeText(sa.data, 30)+"` and `"+codeText(sb.data, 30)+
				"` instead of standardizing each with its own statistics.",
				ReplaceNode(a, sa.data.Text()), ReplaceNode(b, sb.data.Text())).
				Changing("the test now sees the samples' own means and scales, so a location or scale shift " +
					"lowers the p-value and can now raise a drift alert.")
		}
		p.ReportCall(c, fx)
	},
}

func init() { register(AIML269) }
