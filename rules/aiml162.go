package rules

import . "github.com/pyguard/pyguard/analyzer"

// refit162: fit/fit_transform of a SCALER on RT data in an INFERENCE HANDLER.
var refit162 = refitSpec{
	Handler: inInferenceHandler,
	Methods: []string{"fit", "fit_transform"},
	Classes: scalers,
	DataKw:  []string{"X"},
}

var AIML162 = &Rule{
	ID:         "AIML162",
	Title:      "Normalization bypass attacks",
	Section:    "2.1.1",
	Severity:   Medium,
	References: []string{"CWE-20", "OWASP ML01", "MITRE ATLAS AML.T0043"},
	Fix:        Unsafe,
	Message:    "Scaler fitted on request data in an inference path: inputs are normalised against themselves, not training stats. Use transform().",
	Doc: "A scaler is fitted on the request data inside an inference endpoint. Each request is then normalised " +
		"against its own statistics instead of the training statistics. Out-of-range or adversarial inputs are " +
		"squashed back into the \"normal\" range, which defeats every threshold and model learned on scaled features.",
	FixDoc: "For `fit_transform` on a long-lived scaler, replace the callee method `fit_transform` with " +
		"`transform`; the scaler must already be fitted on training data. For a per-call constructed scaler, " +
		"or for `.fit(...)`, guidance instead: load the training-time scaler once at startup and call " +
		"`.transform`. A long-lived receiver is `self.<attr>` or a name the function does not assign; calls " +
		"passing more than the data argument also get guidance.",
	Example: `@api
def score(self, rows: list) -> list:
    X = self.scaler.fit_transform(np.asarray(rows))
    return self.model.predict(X).tolist()`,
	SafeExample: `@api
def score(self, rows: list) -> list:
    X = self.scaler.transform(np.asarray(rows))
    return self.model.predict(X).tolist()`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !refit162.match(p, c) {
			return
		}
		p.ReportCall(c, renameFix(p, c, refitRename{From: "fit_transform", To: "transform",
			Keeps:    "its training-time statistics",
			Guidance: "Load the training-time scaler once at startup and call `.transform` on request data; never fit it per request."}))
	},
}

func init() { register(AIML162) }
