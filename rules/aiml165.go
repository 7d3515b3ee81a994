package rules

import . "github.com/pyguard/pyguard/analyzer"

// refit165: (b) fit/fit_transform of an ENCODER on RT positional 0 in an
// INFERENCE HANDLER.
var refit165 = refitSpec{
	Handler: inInferenceHandler,
	Methods: []string{"fit", "fit_transform"},
	Classes: encoders,
}

const guidance165a = "Encode with the `OneHotEncoder(handle_unknown=\"ignore\")` fitted at training time, " +
	"or append `.reindex(columns=TRAINING_COLUMNS, fill_value=0)` to align the columns to the training columns."

const guidance165b = "Load the encoder fitted at training time once at startup and call `.transform` on request data " +
	"(fit `OneHotEncoder(handle_unknown=\"ignore\")` at training time so unseen categories are ignored)."

var AIML165 = &Rule{
	ID:         "AIML165",
	Title:      "Encoding injection (categorical features)",
	Section:    "2.1.1",
	Severity:   Medium,
	References: []string{"CWE-20", "CWE-400", "OWASP ML01"},
	Fix:        Unsafe,
	Message:    "Categorical encoding derived from the request: the client controls the encoded columns. Use the training-time encoder (transform).",
	Doc: "In an inference endpoint, categorical features are one-hot encoded from the request itself. The client " +
		"then chooses the category set, and therefore the column names and order the model receives: features " +
		"shift silently, and unseen categories become new columns. Thousands of distinct values blow up memory.",
	FixDoc: "For an encoder's `fit_transform` on a long-lived receiver, replace the callee method `fit_transform` " +
		"with `transform`; the encoder must already be fitted on training data. Otherwise guidance: use the " +
		"`OneHotEncoder(handle_unknown=\"ignore\")` fitted at training time (call `.transform`), or append " +
		"`.reindex(columns=TRAINING_COLUMNS, fill_value=0)` to `pd.get_dummies(...)`. A long-lived receiver " +
		"is `self.<attr>` or a name the function does not assign; calls passing more than the data argument " +
		"also get guidance.",
	Example: `@app.post("/predict")
def predict(body: dict):
    X = pd.get_dummies(pd.DataFrame(body["rows"]))
    return {"y": clf.predict(X).tolist()}`,
	SafeExample: `@app.post("/predict")
def predict(body: dict):
    X = pd.get_dummies(pd.DataFrame(body["rows"])).reindex(columns=TRAIN_COLUMNS, fill_value=0)
    return {"y": clf.predict(X).tolist()}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if c.Is("pandas.get_dummies") {
			// (a) get_dummies of request data not aligned by .reindex(columns=...).
			data := c.Arg(0, "data")
			if data == nil || p.Taint(data, nil)&WebTaint == 0 || reindexedColumns(p, c) ||
				!inHandler(p, n, inInferenceHandler) {
				return
			}
			p.ReportCall(c, GuidanceFix(guidance165a))
			return
		}
		if refit165.match(p, c) {
			p.ReportCall(c, renameFix(p, c, refitRename{From: "fit_transform", To: "transform",
				Keeps:    "its training-time categories and output columns",
				Extra:    "unseen categories raise ValueError unless it ignores unknowns",
				Guidance: guidance165b}))
		}
	},
}

// reindexedColumns: c is the receiver of a `.reindex(...)` call that has a
// `columns=` keyword (`pd.get_dummies(df).reindex(columns=COLS)`).
func reindexedColumns(p *Pass, c Call) bool {
	if reindexReceiver165(p, c.Node) {
		return true
	}
	// query = pd.get_dummies(df); query = query.reindex(columns=COLS): the
	// frame is aligned before any other use.
	defs := p.BindingsOf(c.Node)
	if len(defs) != 1 || defs[0].Unpacked {
		return false
	}
	uses := p.ScopeOf(defs[0].Target).Uses(defs[0])
	for _, u := range uses {
		if !reindexReceiver165(p, u) {
			return false
		}
	}
	return len(uses) > 0
}

// reindexReceiver165: n is the receiver of a `.reindex(...)` call with a
// `columns=` keyword.
func reindexReceiver165(p *Pass, n *Node) bool {
	recv := n
	for recv.Parent() != nil && recv.Parent().Kind == KParenthesized {
		recv = recv.Parent()
	}
	attr := recv.Parent()
	if attr == nil || attr.Kind != KAttribute || attr.Field("object") != recv || !attr.Field("attribute").Is("reindex") {
		return false
	}
	outer, ok := p.AsCall(attr.Parent())
	return ok && outer.Func == attr && outer.Keyword("columns") != nil
}

func init() { register(AIML165) }
