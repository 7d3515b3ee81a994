package rules

import . "github.com/pyguard/pyguard/analyzer"

var (
	// refit167a: fit/fit_transform of a REDUCER on RT positional 0 in an
	// INFERENCE HANDLER.
	refit167a = refitSpec{
		Handler: inInferenceHandler,
		Methods: []string{"fit", "fit_transform"},
		Classes: reducers,
	}
	// refit167b: partial_fit of a PERSISTENT IncrementalPCA/MiniBatchNMF on
	// RT positional 0 in a ROUTE HANDLER.
	refit167b = refitSpec{
		Handler:    inRouteHandler,
		Methods:    []string{"partial_fit"},
		Classes:    incrementalReducers,
		Persistent: true,
	}
)

var AIML167 = &Rule{
	ID:         "AIML167",
	Title:      "Dimensionality reduction poisoning",
	Section:    "2.1.1",
	Severity:   Medium,
	References: []string{"CWE-20", "OWASP ML01", "OWASP ML02", "MITRE ATLAS AML.T0043"},
	Fix:        Unsafe,
	Message:    "Dimensionality reduction fitted on request data: the client chooses the projection the model sees. Use the training-time transform().",
	Doc: "A projection (PCA/SVD/UMAP…) is learned from request data inside an inference endpoint, so the client " +
		"decides which directions are kept and the model sees a client-chosen feature space. When the projection " +
		"is long-lived, `partial_fit` on request data poisons it for everyone.",
	FixDoc: "For `fit_transform` on a long-lived reducer, replace the callee method with `transform`; the reducer " +
		"must already be fitted on training data. Otherwise guidance: load the reducer fitted at training " +
		"time, and never `partial_fit` on requests. A long-lived receiver is `self.<attr>` or a name the " +
		"function does not assign; calls passing more than the data argument also get guidance.",
	Example: `@app.post("/embed-score")
def embed_score():
    X = np.asarray(request.get_json()["vectors"])
    Z = PCA(n_components=16).fit_transform(X)
    return jsonify(clf.predict(Z).tolist())`,
	SafeExample: `@app.post("/embed-score")
def embed_score():
    X = np.asarray(request.get_json()["vectors"])
    return jsonify(clf.predict(PROJECTION.transform(X)).tolist())`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if refit167a.match(p, c) || refit167b.match(p, c) {
			p.ReportCall(c, renameFix(p, c, refitRename{From: "fit_transform", To: "transform",
				Keeps:    "the projection it learned at training time",
				Guidance: "Load the reducer fitted at training time once at startup and call `.transform`; never `partial_fit` on requests."}))
		}
	},
}

func init() { register(AIML167) }
