package rules

import . "github.com/pyguard/pyguard/analyzer"

// refit169: fit_predict of an OUTLIER_DETECTOR on RT data in a ROUTE HANDLER.
var refit169 = refitSpec{
	Handler: inRouteHandler,
	Methods: []string{"fit_predict"},
	Classes: outlierDetectors,
	DataKw:  []string{"X"},
}

// persistCalls persist a fitted detector: a function calling one on the
// detector is a training endpoint. persistedKw are the keyword names of
// their object argument (positional 0).
var (
	persistCalls = []string{"joblib.dump", "pickle.dump", "skops.io.dump", "mlflow.sklearn.log_model"}
	persistedKw  = []string{"value", "obj", "sk_model"}
)

var AIML169 = &Rule{
	ID:         "AIML169",
	Title:      "Missing outlier detection",
	Section:    "2.1.1",
	Severity:   Medium,
	References: []string{"CWE-693", "OWASP ML01", "OWASP ML02"},
	Fix:        Unsafe,
	Message:    "Outlier detector refit on the request batch it screens: a crafted batch defines 'normal' and is never flagged. Fit on trusted data.",
	Doc: "An outlier screen is re-learned from the very batch it is supposed to screen. An attacker who submits a " +
		"batch of crafted points defines \"normal\", so the detector flags nothing. The outlier detection exists " +
		"in form but is effectively missing.",
	FixDoc: "For `fit_predict` on a long-lived IsolationForest, EllipticEnvelope, OneClassSVM or SGDOneClassSVM, " +
		"replace the callee method with `predict`; the detector must already be fitted on trusted data. " +
		"Otherwise guidance: fit the detector on trusted reference data and load it at startup. A long-lived " +
		"receiver is `self.<attr>` or a name the function does not assign; calls passing more than the data " +
		"argument also get guidance.",
	Example: `@app.post("/ingest")
def ingest():
    X = np.asarray(request.get_json()["rows"])
    keep = IsolationForest(random_state=0).fit_predict(X) == 1
    return jsonify(accepted=int(keep.sum()))`,
	SafeExample: `@app.post("/ingest")
def ingest():
    X = np.asarray(request.get_json()["rows"])
    keep = DETECTOR.predict(X) == 1
    return jsonify(accepted=int(keep.sum()))`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !refit169.match(p, c) || persistsDetector169(p, p.FuncOf(n).Scope, c.Receiver()) {
			return
		}
		p.ReportCall(c, renameFix(p, c, refitRename{From: "fit_predict", To: "predict", Types: predictingDetectors,
			Keeps:    "the normal profile it learned from trusted data",
			Guidance: "Fit the detector on trusted reference data offline and load it at startup; call `.predict` on request batches."}))
	},
}

// persistsDetector169 reports whether function scope s persists the
// detector recv (the spec's "persists the fitted detector"): a persistCalls
// call whose object argument is recv, a list/tuple/set/dict literal holding
// it, or a name this scope binds to such a literal. Persisting another
// object does not count, so fixing or dumping one detector never silences
// another detector's finding in the same function.
func persistsDetector169(p *Pass, s *Scope, recv *Node) bool {
	recv = Unparen(recv)
	if recv == nil || recv.Kind == KCall {
		return false // a detector constructed in the call is never persisted
	}
	return p.ScopeHasCall(s, func(k Call) bool {
		if !k.Is(persistCalls...) {
			return false
		}
		obj := Unparen(k.Arg(0, persistedKw...))
		if obj == nil {
			return false
		}
		if holds169(obj, recv) {
			return true
		}
		if obj.Kind != KIdentifier {
			return false
		}
		for _, d := range s.Defs(obj.Text()) {
			if d.Value != nil && !d.Unpacked && holds169(Unparen(d.Value), recv) {
				return true
			}
		}
		return false
	})
}

// holds169 reports whether e is recv, or a container literal (list, tuple,
// set, dict values, nested) that holds it.
func holds169(e, recv *Node) bool {
	e = Unparen(e)
	if e == nil {
		return false
	}
	if SameExpression(e, recv) {
		return true
	}
	switch e.Kind {
	case KList, KTuple, KSet, KDict:
		for _, el := range e.NamedChildren() {
			if el.Kind == KPair {
				el = el.Field("value")
			}
			if holds169(el, recv) {
				return true
			}
		}
	}
	return false
}

func init() { register(AIML169) }
