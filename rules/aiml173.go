package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML173 = &Rule{
	ID:         "AIML173",
	Title:      "Pipeline versioning gaps",
	Section:    "2.1.1",
	Severity:   Low,
	References: []string{"CWE-390"},
	Fix:        Unsafe,
	Message:    "InconsistentVersionWarning silenced: pipelines pickled under another scikit-learn version load silently and may mis-transform.",
	Doc: "The warning scikit-learn emits when a pickled pipeline or estimator is loaded under a different " +
		"scikit-learn version is silenced. Version-skewed preprocessing can silently produce different " +
		"features or wrong predictions, and the only signal is discarded.",
	FixDoc: `Replace the literal "ignore" with "error". A version-skewed artifact then fails to load instead of serving silently; re-export it with the pinned scikit-learn version.`,
	Example: `warnings.filterwarnings("ignore", category=InconsistentVersionWarning)
pipeline = joblib.load("artifacts/pipeline.joblib")`,
	SafeExample: `warnings.filterwarnings("ignore", category=FutureWarning)
pipeline = joblib.load("artifacts/pipeline.joblib")`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		catPos := -1
		switch {
		case c.Is("warnings.filterwarnings"):
			catPos = 2
		case c.Is("warnings.simplefilter"):
			catPos = 1
		default:
			return
		}
		action := c.Arg(0, "action")
		if !IsStrLiteral(action, "ignore") {
			return
		}
		category := c.Arg(-1, "category")
		if category == nil {
			category = c.Pos(catPos)
		}
		if p.Qualname(category) != "sklearn.exceptions.InconsistentVersionWarning" {
			return
		}
		p.Report(action, p.Edits(Unsafe, "Change this `"+codeText(c.Func, 40)+"` action to `\"error\"`, so a scikit-learn version mismatch "+
			"on load raises `"+codeText(category, 40)+"`.",
			ReplaceStringContent(action, "error")).
			Changing("an artifact pickled under another scikit-learn version now fails to load until it is re-exported "+
				"with the pinned version."))
	},
}

func init() { register(AIML173) }
