package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// training259 are the online-training methods of (a).
var training259 = map[string]bool{"partial_fit": true, "fit": true, "train_on_batch": true}

// kerasPrefixes259 are the packages whose model classes (Sequential, Model,
// Functional, and load_model results typed keras.Model) train with
// fit/train_on_batch.
var kerasPrefixes259 = []string{"keras.", "tensorflow.keras.", "tf_keras.", "tensorflow.python.keras."}

// persisters259 write an estimator somewhere that outlives the request.
var persisters259 = []string{"joblib.dump", "pickle.dump", "cloudpickle.dump", "dill.dump", "skops.io.dump"}

var AIML259 = &Rule{
	ID:         "AIML259",
	Title:      "On-device training weaknesses",
	Section:    "2.3.3",
	Severity:   High,
	References: []string{"CWE-20", "OWASP ML02", "MITRE ATLAS AML.T0020"},
	Fix:        Guidance,
	Message:    "Live model trained on unvalidated request data; any caller can poison it. Queue for vetted retraining.",
	Doc: "A request handler updates the served model online from request data — `partial_fit`/`fit`/`train_on_batch` " +
		"of a scikit-learn estimator or Keras model with a request-derived argument, or a torch `optimizer.step()` " +
		"after `backward()` on a loss computed from request data — with no validation step. Any caller can poison " +
		"the model every other caller gets.",
	FixDoc: "Queue request data for validated offline retraining (outlier/poison screening, provenance) instead of " +
		"updating the live model.",
	Example: `clf = SGDClassifier(loss="log_loss")

@app.post("/label")
def label(ex: Example):
    clf.partial_fit([ex.features], [ex.label], classes=[0, 1])
    return {"ok": True}`,
	SafeExample: `@app.post("/label")
def label(ex: Example):
    review_queue.put(ex.model_dump())
    return {"ok": True}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		m := c.Method()
		if m == "" {
			return
		}
		fn := p.FuncOf(n)
		if !fn.IsRoute() || fn.Name() == "send_feedback" { // Seldon send_feedback: AIML232
			return
		}
		switch {
		case training259[m]:
			typ := c.ReceiverType()
			if !isEstimator259(typ) || !taintedArg259(p, c) || sandboxEstimator259(p, fn.Scope, c.Receiver()) {
				return
			}
			p.ReportCall(c, p.Guidance())
		case m == "step" && c.Args != nil && len(c.Args.NamedChildren()) == 0 && isTorchOptimizer(c.ReceiverType()):
			t := newTaint259(p)
			if !backwardOnRequest259(p, t, fn.Scope) || optimizesRequest259(p, t, c.Receiver()) {
				return
			}
			p.ReportCall(c, p.Guidance())
		}
	},
}

// isEstimator259: a scikit-learn estimator outside the preprocessing
// modules (PREPROCESSOR-CLASS), or a Keras model.
func isEstimator259(typ string) bool {
	if strings.HasPrefix(typ, "sklearn.") {
		return !IsPreprocessorClass(typ)
	}
	for _, k := range kerasPrefixes259 {
		if rest, ok := strings.CutPrefix(typ, k); ok {
			// Models only: layers and preprocessing utilities
			// (ImageDataGenerator.fit computes input statistics) are not.
			cls := rest[strings.LastIndexByte(rest, '.')+1:]
			return cls == "Model" || cls == "Sequential" || cls == "Functional"
		}
	}
	return false
}

// taintedArg259: some positional or keyword argument is web-tainted.
func taintedArg259(p *Pass, c Call) bool {
	if c.Args == nil {
		return false
	}
	for a := c.Args.FirstChild(); a != nil; a = a.NextSibling() {
		v := a
		if a.Kind == KKeywordArgument {
			v = a.Field("value")
		} else if !a.Named() || a.Kind == KComment {
			continue
		}
		if v != nil && p.Taint(v, nil)&WebTaint != 0 {
			return true
		}
	}
	return false
}

// sandboxEstimator259: the receiver is a local variable constructed in the
// handler that the handler does not persist (a per-request estimator, not
// the served model).
func sandboxEstimator259(p *Pass, s *Scope, recv *Node) bool {
	recv = Unparen(recv)
	if recv == nil || recv.Kind != KIdentifier || p.ScopeOf(recv) != s {
		return false
	}
	name := recv.Text()
	d := s.DefAt(name, recv.Start)
	if d == nil || d.Kind != DefAssign || d.Unpacked || Unparen(d.Value) == nil || Unparen(d.Value).Kind != KCall {
		return false
	}
	for _, g := range s.Defs(name) {
		if g.Kind == DefOther {
			return false // `global name`: the module's estimator
		}
	}
	return !persists259(p, s, name)
}

// persists259: SCOPE s saves the estimator bound to name (joblib/pickle
// dump, `.save(`, `.save_model(`, `mlflow.*.log_model`) or stores it where
// it outlives the request (an attribute or subscript target).
func persists259(p *Pass, s *Scope, name string) bool {
	mentions := func(n *Node) bool {
		found := false
		n.Walk(func(m *Node) bool {
			if m.Kind == KIdentifier && m.Is(name) && IsNameRead(m) {
				found = true
			}
			return !found
		})
		return found
	}
	found := false
	s.Walk(func(m *Node) {
		if found {
			return
		}
		switch m.Kind {
		case KCall:
			c, _ := p.AsCall(m)
			q := c.Callee()
			persist := c.Is(persisters259...) || c.Method() == "save" || c.Method() == "save_model" ||
				strings.HasPrefix(q, "mlflow.") && strings.HasSuffix(q, ".log_model")
			if persist && (c.Args != nil && mentions(c.Args) || c.Receiver() != nil && mentions(c.Receiver())) {
				found = true
			}
		case KAssignment:
			l, r := Unparen(m.Field("left")), m.Field("right")
			if l != nil && (l.Kind == KAttribute || l.Kind == KSubscript) && r != nil && mentions(r) {
				found = true
			}
		}
	})
	return found
}

// backwardOnRequest259: SCOPE s calls `.backward()` on a value derived
// from web-tainted data (AIML259(b) propagation).
func backwardOnRequest259(p *Pass, t *taint259, s *Scope) bool {
	return p.ScopeHasCall(s, func(k Call) bool {
		return k.Method() == "backward" && k.Receiver() != nil && t.of(k.Receiver()) != 0
	})
}

// optimizesRequest259: the optimizer was built in this SCOPE over
// parameters derived from the request itself (`Adam([x])` for an input x
// being optimised, as in adversarial-example or style-transfer endpoints):
// the request data is updated, not a model.
func optimizesRequest259(p *Pass, t *taint259, opt *Node) bool {
	ctor, ok := p.TypingCall(opt)
	if !ok {
		return false
	}
	params := ctor.Arg(0, "params")
	return params != nil && t.of(params) != 0
}

func init() { register(AIML259) }
