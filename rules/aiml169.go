package rules

import . "github.com/pyguard/pyguard/analyzer"

// refit169: fit_predict of an OUTLIER_DETECTOR on RT data in a ROUTE HANDLER.
var refit169 = refitSpec{
	Handler: inRouteHandler,
	Methods: []string{"fit_predict"},
	Classes: outlierDetectors,
	DataKw:  []string{"X"},
}

// persistCalls persist a fitted detector: a function calling one is a
// training endpoint.
var persistCalls = []string{"joblib.dump", "pickle.dump", "skops.io.dump", "mlflow.sklearn.log_model"}

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
		if !refit169.match(p, c) || p.ScopeCallsAny(p.FuncOf(n).Scope, persistCalls...) {
			return
		}
		p.ReportCall(c, renameFix(p, c, "fit_predict", "predict", predictingDetectors,
			"Fit the detector on trusted reference data offline and load it at startup; call `.predict` on request batches."))
	},
}

func init() { register(AIML169) }
