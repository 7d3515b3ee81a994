package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// Positional threshold parameters of the alibi-detect detectors, from their
// __init__ signatures (alibi_detect/cd/*.py, cd/{pytorch,tensorflow,keops}/*.py):
// p_val is positional 1 of the univariate detectors and of the backend
// classes, positional 2 of the facades whose positional 1 is `backend`
// (MMDDrift, LSDDDrift, SpotTheDiffDrift) or `model` (the uncertainty
// detectors); ert is positional 1 of the online detectors.
var (
	pValPos1266 = setOf([]string{"KSDrift", "CVMDrift", "ChiSquareDrift", "FETDrift", "TabularDrift",
		"MMDDriftTorch", "MMDDriftTF", "MMDDriftKeops", "LSDDDriftTorch", "LSDDDriftTF",
		"SpotTheDiffDriftTorch", "SpotTheDiffDriftTF"})
	pValPos2266 = setOf([]string{"MMDDrift", "LSDDDrift", "SpotTheDiffDrift", "ClassifierUncertaintyDrift",
		"RegressorUncertaintyDrift"})
	ertPos1266 = setOf([]string{"MMDDriftOnline", "LSDDDriftOnline", "CVMDriftOnline", "FETDriftOnline",
		"MMDDriftOnlineTorch", "MMDDriftOnlineTF", "LSDDDriftOnlineTorch", "LSDDDriftOnlineTF"})
)

// evidentlyThresholds266 are the threshold keywords of evidently drift
// metrics, presets and tests.
var evidentlyThresholds266 = []string{"stattest_threshold", "cat_stattest_threshold", "num_stattest_threshold",
	"text_stattest_threshold", "per_column_stattest_threshold", "drift_share", "threshold", "lt", "lte", "gt",
	"gte", "eq"}

// threshold266 is one threshold argument: the keyword_argument node (nil
// for a positional one), its value and the parameter name.
type threshold266 struct {
	kw, value *Node
	param     string
}

// alibiThresholds266 are the p_val/ert arguments of an alibi-detect
// detector construction.
func alibiThresholds266(c Call, name string) []threshold266 {
	var out []threshold266
	for _, kwName := range []string{"p_val", "ert"} {
		if kw := c.Keyword(kwName); kw != nil {
			out = append(out, threshold266{kw, kw.Field("value"), kwName})
		}
	}
	switch {
	case pValPos1266[name]:
		if a := c.Pos(1); a != nil {
			out = append(out, threshold266{nil, a, "p_val"})
		}
	case pValPos2266[name]:
		if a := c.Pos(2); a != nil {
			out = append(out, threshold266{nil, a, "p_val"})
		}
	case ertPos1266[name]:
		if a := c.Pos(1); a != nil {
			out = append(out, threshold266{nil, a, "ert"})
		}
	}
	return out
}

// evidentlyDriftClass266: a callable under evidently whose class name
// contains Drift (DataDriftPreset, ColumnDriftMetric, ValueDrift,
// TestShareOfDriftedColumns, …).
func evidentlyDriftClass266(c Call) bool {
	q := c.Callee()
	if !strings.HasPrefix(q, "evidently.") {
		return false
	}
	return strings.Contains(q[strings.LastIndexByte(q, '.')+1:], "Drift")
}

// callerOwnedEvidently266 reports whether the SCOPE of n runs an evidently
// Report/TestSuite on T-WEB reference data (a caller-owned comparison).
func callerOwnedEvidently266(p *Pass, n *Node) bool {
	for _, k := range scopeCallsDrift(p, n) {
		if _, ref, ok := evidentlyDataDrift(p, k); ok && web24(p, ref) != 0 {
			return true
		}
	}
	return false
}

// fix266 replaces the value with the library default (p_val=0.05,
// drift_share=0.5) or removes a stattest_threshold/threshold keyword;
// ert and evidently test bounds keep the guidance.
func fix266(p *Pass, t threshold266, callee string) *Fix {
	val := codeText(t.value, 30)
	if floatBoundDrift(p, t.value) {
		return p.Guidance() // the fix would leave the float() conversion unused (AIML164)
	}
	switch t.param {
	case "p_val", "drift_share":
		def := map[string]string{"p_val": "0.05", "drift_share": "0.5"}[t.param]
		return p.Edits(Unsafe, "Use the library default `"+t.param+"="+def+"` in `"+callee+"(...)` instead of the "+
			"request value `"+val+"`.", ReplaceNode(t.value, def)).
			Changing("callers can no longer choose the " + t.param + " of this check; requests that sent one get " +
				"the default " + def + ".")
	case "stattest_threshold", "threshold":
		if t.kw != nil {
			return p.Edits(Unsafe, "Remove `"+codeText(t.kw, 40)+"` from `"+callee+"(...)`, so the stat test "+
				"uses its own default threshold.", removeKeywordDrift(p, t.kw)).
				Changing("callers can no longer choose the " + t.param + "; every check uses the stat test's default threshold.")
		}
	}
	return p.Guidance()
}

var AIML266 = &Rule{
	ID:         "AIML266",
	Title:      "Alert threshold manipulation",
	Section:    "2.4.1",
	Severity:   High,
	References: []string{"CWE-807", "CWE-15", "MITRE ATLAS AML.T0015"},
	Fix:        Unsafe,
	Message:    "Drift alert threshold is taken from the request; a caller can set it so drift never alerts. Use a server-side constant.",
	Doc: "The significance level or drift threshold of a drift check is taken from the HTTP request, so any " +
		"caller can set it so that drift never alerts (for example `p_val=0` on an alibi-detect detector, or " +
		"`drift_share=1.0` on an evidently preset).",
	FixDoc: "Replace the value with the library default: `p_val=0.05` (alibi-detect), `drift_share=0.5` " +
		"(evidently); remove a `stattest_threshold`/`threshold` keyword. For `ert` and evidently test bounds " +
		"(`lt`, `gt`, …) use a server-side constant.",
	Example: `@app.get("/monitor/{model}")
def monitor(model: str, alpha: float = 0.05):
    cd = TabularDrift(load_reference(model), p_val=alpha)
    res = cd.predict(load_window(model))
    return {"drift": bool(res["data"]["is_drift"])}`,
	SafeExample: `@app.get("/monitor/{model}")
def monitor(model: str):
    cd = TabularDrift(load_reference(model), p_val=DRIFT_P_VALUE)
    res = cd.predict(load_window(model))
    return {"drift": bool(res["data"]["is_drift"])}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		var ts []threshold266
		callee := codeText(c.Func, 40)
		if name, ok := alibiCtorDrift(c); ok {
			if web24(p, c.Arg(0, "x_ref")) != 0 {
				return // the caller compares its own data (AIML261's side)
			}
			ts = alibiThresholds266(c, name)
		} else if evidentlyDriftClass266(c) {
			for _, k := range evidentlyThresholds266 {
				if kw := c.Keyword(k); kw != nil {
					ts = append(ts, threshold266{kw, kw.Field("value"), k})
				}
			}
			if len(ts) > 0 && callerOwnedEvidently266(p, n) {
				return
			}
		}
		for _, t := range ts {
			if web24(p, t.value) == 0 {
				continue
			}
			at := t.value
			if t.kw != nil {
				at = t.kw
			}
			p.Report(at, fix266(p, t, callee))
		}
	},
}

func init() { register(AIML266) }
