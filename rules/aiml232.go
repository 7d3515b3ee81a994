package rules

import . "github.com/pyguard/pyguard/analyzer"

// trainingMethods232 are the training calls AIML232 looks for.
var trainingMethods232 = map[string]bool{"partial_fit": true, "fit": true, "train_on_batch": true}

var AIML232 = &Rule{
	ID:         "AIML232",
	Title:      "Seldon Core risks",
	Section:    "2.3.1",
	Severity:   High,
	References: []string{"CWE-20", "CWE-345", "OWASP ML02", "MITRE ATLAS AML.T0020"},
	Fix:        Guidance,
	Message:    "Seldon send_feedback trains the live model on unauthenticated client feedback: any caller can poison it.",
	Doc: "Seldon Core's Python wrapper calls a model's `send_feedback(self, features, feature_names, reward, truth, " +
		"routing=None)` for every request to the `/send-feedback` endpoint. The feedback is client input that nobody " +
		"authenticates or validates, so a `fit`, `partial_fit` or `train_on_batch` on `features`, `truth` or " +
		"`reward` inside that method lets any caller poison the served model or bias a router.",
	FixDoc: "Persist feedback for offline, validated retraining (or authenticate and bound it) instead of training the " +
		"served model inside `send_feedback`.",
	Example: `class ChurnModel:
    def predict(self, X, features_names=None):
        return self.clf.predict_proba(X)

    def send_feedback(self, features, feature_names, reward, truth, routing=None):
        self.clf.partial_fit(features, truth)`,
	SafeExample: `class ChurnModel:
    def send_feedback(self, features, feature_names, reward, truth, routing=None):
        self.feedback_queue.put({"x": features, "y": truth, "reward": reward})`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !trainingMethods232[c.Method()] || c.Args == nil {
			return
		}
		s := p.EnclosingFunc(n)
		if s == nil || s.Name() != "send_feedback" || s.Class() == nil || p.ScopeOf(n) != s && p.ScopeOf(n).Kind != ScopeLambda {
			return
		}
		sources := map[string]bool{}
		hasFeedback := false
		for _, prm := range s.Params {
			if prm.Splat {
				continue
			}
			if prm.Name == "reward" || prm.Name == "truth" {
				hasFeedback = true
			}
			if feedbackSources232[prm.Name] {
				sources[prm.Name] = true
			}
		}
		if !hasFeedback {
			return
		}
		for _, a := range c.Args.NamedChildren() {
			if a.Kind == KComment {
				continue
			}
			if derivesFrom232(p, s, a, sources, map[*Def]bool{}) {
				p.ReportCall(c, GuidanceFix("Do not train in `send_feedback`: record the feedback (for example "+
					"`self.feedback.append((features, truth, reward))` or a queue/store) and retrain offline after "+
					"validating it, instead of `"+codeText(c.Func, 40)+"(...)` on the caller's data."))
				return
			}
		}
	},
}

func init() { register(AIML232) }
