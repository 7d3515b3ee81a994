package rules

import (
	"strings"
	"unicode"

	. "github.com/pyguard/pyguard/analyzer"
)

// trainMethods270 are the training calls whose positional 1 / y= is the label.
var trainMethods270 = map[string]bool{"fit": true, "partial_fit": true, "train_on_batch": true,
	"learn_one": true, "learn_many": true}

// persisters270 are the calls that persist a model (the trained estimator
// is then no per-request sandbox).
var persisters270 = map[string]bool{"joblib.dump": true, "pickle.dump": true, "cloudpickle.dump": true, "dill.dump": true}

// persists270 reports whether the SCOPE of n saves a model: joblib/pickle
// dump, a .save(...)/.save_model(...) method, or mlflow.*.log_model.
func persists270(p *Pass, n *Node) bool {
	for _, k := range scopeCallsDrift(p, n) {
		q := k.Callee()
		switch {
		case persisters270[q]:
			return true
		case strings.HasPrefix(q, "mlflow.") && strings.HasSuffix(q, ".log_model"):
			return true
		case k.Method() == "save" || k.Method() == "save_model":
			return true
		}
	}
	return false
}

// freshFactories270 build a new, unfitted estimator like a constructor does.
var freshFactories270 = map[string]bool{"sklearn.base.clone": true, "sklearn.clone": true,
	"sklearn.pipeline.make_pipeline": true, "copy.deepcopy": true}

// isConstructor270: a call of a class — a module-local class, or an
// imported callable whose name is capitalised like a class
// (SGDClassifier(...), linear_model.LogisticRegression()) — or of a
// factory that returns a new estimator (clone, make_pipeline).
func isConstructor270(p *Pass, v *Node) bool {
	c, ok := p.AsCall(v)
	if !ok {
		return false
	}
	if p.LocalClass(c.Func) != nil {
		return true
	}
	q := c.Callee()
	if freshFactories270[q] {
		return true
	}
	if q == "" || strings.HasPrefix(q, "builtins.") {
		return false
	}
	name := q[strings.LastIndexByte(q, '.')+1:]
	r := []rune(name)
	return len(r) > 0 && unicode.IsUpper(r[0])
}

// freshLocal270 reports whether the receiver is a local variable whose
// visible binding in the same SCOPE is a constructor call: a fresh
// per-request estimator.
func freshLocal270(p *Pass, recv *Node) bool {
	recv = Unparen(recv)
	if recv == nil {
		return false
	}
	if recv.Kind == KCall {
		return isConstructor270(p, recv) // Cls().fit(x, y)
	}
	if recv.Kind != KIdentifier {
		return false
	}
	s := p.ScopeOf(recv)
	if !s.Binds(recv.Text()) || s.Kind == ScopeModule {
		return false
	}
	for _, d := range s.Defs(recv.Text()) {
		if d.Kind != DefAssign || d.Unpacked || !isConstructor270(p, d.Value) {
			return false // rebound from something else somewhere in the function
		}
	}
	return s.DefAt(recv.Text(), recv.Start) != nil
}

// ownedBy259 is §4 row 18: inside a ROUTE HANDLER, a receiver typed as a
// scikit-learn estimator outside the preprocessing modules, or as a Keras
// model, is AIML259's.
func ownedBy259(typ string) bool {
	if strings.HasPrefix(typ, "sklearn.") {
		return true // PREPROCESSOR-CLASS receivers were already excluded
	}
	for _, pre := range []string{"keras.", "tensorflow.keras.", "tf_keras.", "tensorflow.python.keras."} {
		if strings.HasPrefix(typ, pre) {
			return true
		}
	}
	return false
}

// inSendFeedback270: the call is in a method named send_feedback (Seldon's
// feedback hook; AIML232's).
func inSendFeedback270(p *Pass, n *Node) bool {
	s := p.EnclosingFunc(n)
	return s != nil && s.Name() == "send_feedback" && s.Class() != nil
}

var AIML270 = &Rule{
	ID:         "AIML270",
	Title:      "Ground truth poisoning",
	Section:    "2.4.1",
	Severity:   High,
	References: []string{"CWE-345", "CWE-20", "OWASP ML02", "MITRE ATLAS AML.T0020"},
	Fix:        Guidance,
	Message:    "Request-supplied labels train the shared model; any caller can poison ground truth. Queue feedback for validation first.",
	Doc: "Labels supplied in an HTTP request are fed directly into (re)training of a shared model " +
		"(`fit`/`partial_fit`/`train_on_batch`, river's `learn_one`/`learn_many`), so any caller can inject ground " +
		"truth and steer the model (feedback-loop poisoning).",
	FixDoc: "Queue feedback for validation (human review, agreement across independent reporters, per-user rate " +
		"limits, outlier filtering) and retrain offline from the vetted store.",
	Example: `model = joblib.load("spam_sgd.joblib")

@app.post("/feedback")
def feedback():
    x = vectorizer.transform([request.json["text"]])
    model.partial_fit(x, [request.json["is_spam"]])
    return {"status": "learned"}`,
	SafeExample: `@app.post("/feedback")
def feedback():
    feedback_queue.put({"text": request.json["text"], "label": request.json["is_spam"]})
    return {"status": "queued"}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !trainMethods270[c.Method()] {
			return
		}
		y := c.Arg(1, "y")
		if web24(p, y) == 0 {
			return
		}
		recv := c.Receiver()
		typ := p.TypeOf(recv)
		if IsPreprocessorClass(typ) || inSendFeedback270(p, n) {
			return
		}
		if p.FuncOf(n).IsRoute() && ownedBy259(typ) {
			return // owned by AIML259 (§4 row 18)
		}
		if freshLocal270(p, recv) && !persists270(p, n) {
			return
		}
		p.Report(y, p.Guidance())
	},
}

func init() { register(AIML270) }
