package rules

import . "github.com/pyguard/pyguard/analyzer"

const guidance235 = "Fit the preprocessing once at startup (in `__init__`, on training data) and only call " +
	"`.transform(...)` inside the batch handler, so one caller's rows never change how another's are scaled or encoded."

var AIML235 = &Rule{
	ID:         "AIML235",
	Title:      "Dynamic batching poisoning",
	Section:    "2.3.1",
	Severity:   Medium,
	References: []string{"CWE-668", "OWASP ML02"},
	Fix:        Unsafe,
	Message:    "Preprocessing is refit on a dynamic batch: one caller's inputs alter the transformation applied to other callers.",
	Doc: "A dynamic-batching handler (`@serve.batch`, `@bentoml.api(batchable=True)`) calls `fit`, `fit_transform` " +
		"or `partial_fit` on a preprocessing object (any scikit-learn preprocessing, decomposition, feature " +
		"extraction, imputation or feature-selection class, or `umap.UMAP`). The batch mixes requests from different " +
		"callers, so one client's inputs change the scaling, vocabulary or projection applied to everyone else's " +
		"requests in the same batch.",
	FixDoc: "Replace `fit_transform` with `transform` when the receiver is fitted elsewhere (`self.<attr>` or a " +
		"module-level object) and the call passes only the data; the transformer must be fitted at startup. " +
		"`.fit`/`.partial_fit`, a transformer built inside the handler, or extra arguments: guidance.",
	Example: `@serve.deployment
class Scorer:
    @serve.batch(max_batch_size=32)
    async def __call__(self, rows):
        X = self.scaler.fit_transform(np.stack(rows))
        return self.model.predict(X).tolist()`,
	SafeExample: `@serve.deployment
class Scorer:
    @serve.batch(max_batch_size=32)
    async def __call__(self, rows):
        X = self.scaler.transform(np.stack(rows))
        return self.model.predict(X).tolist()`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		switch c.Method() {
		case "fit", "fit_transform", "partial_fit":
		default:
			return
		}
		if !IsPreprocessorClass(p.TypeOf(c.Receiver())) {
			return
		}
		if fn := p.FuncOf(n); fn == nil || !fn.DynamicBatch {
			return
		}
		p.ReportCall(c, fix235(p, c))
	},
}

// fix235 renames fit_transform to transform on a receiver fitted outside
// the handler (self.<attr> or a name the function does not assign) when
// the call passes only the data; guidance otherwise.
func fix235(p *Pass, c Call) *Fix {
	if c.Method() != "fit_transform" || !persistent(p, c.Receiver()) || !onlyDataArg(c) {
		return GuidanceFix(guidance235)
	}
	e, ok := RenameMethod(c, "transform")
	if !ok {
		return GuidanceFix(guidance235)
	}
	recv := codeText(c.Receiver(), 40)
	return p.Edits(Unsafe, "Call `"+recv+".transform("+argText(dataArgNode(c), 30)+")` instead of `fit_transform`, so "+
		"each batch is transformed with the startup fit of `"+recv+"`.", e).
		Changing("`" + recv + "` is no longer refitted on every batch; if nothing fits it at startup, `transform` " +
			"raises NotFittedError.")
}

func init() { register(AIML235) }
