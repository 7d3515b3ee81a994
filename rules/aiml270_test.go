package rules

import "testing"

// §4 row 18: inside a ROUTE HANDLER, training a receiver typed as a
// scikit-learn estimator (outside the preprocessing modules) or a Keras
// model is AIML259's; AIML270 takes other receivers and other places
// (add_url_rule views, helpers). Seldon send_feedback is AIML232's. Only
// AIML270 runs here, so these lines do not depend on the owners' rules.
func TestAIML270Ownership(t *testing.T) {
	src := `import tensorflow as tf
from flask import Flask, request
from sklearn.linear_model import SGDClassifier

app = Flask(__name__)
clf = SGDClassifier(loss="log_loss")
net = tf.keras.models.load_model("net.keras")


@app.post("/label")
def label():
    clf.partial_fit([request.json["x"]], [request.json["y"]], classes=[0, 1])
    net.train_on_batch([request.json["x"]], [request.json["y"]])
    return {"ok": True}


def view():
    clf.partial_fit([request.json["x"]], [request.json["y"]], classes=[0, 1])
    return "ok"


app.add_url_rule("/view", view_func=view)


class Model:
    def send_feedback(self, features, feature_names, reward, truth, routing=None):
        clf.partial_fit(features, [request.json["y"]])
`
	got := runOnly(t, src, AIML270)
	want := map[string]bool{"18:AIML270": true}
	for k := range got {
		if !want[k] {
			t.Errorf("unexpected finding %s", k)
		}
	}
	for k := range want {
		if !got[k] {
			t.Errorf("missing finding %s (got %v)", k, got)
		}
	}
}
