package rules

import . "github.com/pyguard/pyguard/analyzer"

// checksWebData261 reports whether the SCOPE of detector construction ctor
// runs .predict(...)/.score(...) on that detector with T-WEB data (the
// caller compares its own two samples).
func checksWebData261(p *Pass, ctor Call) bool {
	for _, k := range scopeCallsDrift(p, ctor.Node) {
		if m := k.Method(); m != "predict" && m != "score" {
			continue
		}
		if tc, ok := p.TypingCall(k.Receiver()); !ok || tc.Node != ctor.Node {
			continue
		}
		if web24(p, k.Arg(0, "x", "x_t")) != 0 {
			return true
		}
	}
	return false
}

var AIML261 = &Rule{
	ID:         "AIML261",
	Title:      "Data drift detection bypass",
	Section:    "2.4.1",
	Severity:   High,
	References: []string{"CWE-807", "CWE-345", "OWASP ML02", "MITRE ATLAS AML.T0015"},
	Fix:        Guidance,
	Message:    "Drift reference data comes from the HTTP request; a caller can supply a baseline that hides drift. Load the reference server-side.",
	Doc: "A drift detector's reference (baseline) data is taken from the incoming HTTP request while the data " +
		"being checked is server-side, so any caller can submit a baseline that matches drifted production data " +
		"and the detector reports \"no drift\". Covers alibi-detect detectors (`x_ref`) and evidently " +
		"`Report`/`TestSuite.run(reference_data=...)`.",
	FixDoc: "Load the baseline from a versioned server-side artifact; if callers must choose a baseline, accept an " +
		"identifier and look it up in an allow-listed server-side mapping.",
	Example: `@app.post("/drift/check")
def check_drift():
    ref = np.asarray(request.json["reference"])
    cd = KSDrift(ref, p_val=0.05)
    preds = cd.predict(load_recent_batch())
    return {"drift": bool(preds["data"]["is_drift"])}`,
	SafeExample: `@app.post("/drift/check")
def check_drift():
    ref = np.load(REFERENCE_FILES[request.json["model"]])
    cd = KSDrift(ref, p_val=0.05)
    preds = cd.predict(load_recent_batch())
    return {"drift": bool(preds["data"]["is_drift"])}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if _, ok := alibiCtorDrift(c); ok {
			ref := c.Arg(0, "x_ref")
			if web24(p, ref) == 0 || checksWebData261(p, c) {
				return
			}
			p.Report(ref, p.Guidance())
			return
		}
		cur, ref, ok := evidentlyDataDrift(p, c)
		if !ok || c.HasKwargsSplat() || c.HasArgsSplat() || web24(p, ref) == 0 || web24(p, cur) != 0 {
			return
		}
		p.Report(ref, p.Guidance())
	},
}

func init() { register(AIML261) }
