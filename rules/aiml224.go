package rules

import (
	"regexp"
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// numeric224: for this rule int()/float() results are clean (a number
// cannot change the query's structure).
var numeric224 = &TaintSpec{Sanitizers: Set([]string{"builtins.int", "builtins.float"})}

// sinks224: the filter and ordering arguments of the run/model searches.
var sinks224 = []sinkTracking{
	{qual: []string{"mlflow.search_runs"}, args: []argTracking{posTracking(1, "filter_string"), posTracking(4, "order_by")}},
	{qual: []string{"mlflow.search_registered_models", "mlflow.search_model_versions"},
		args: []argTracking{kwTracking("filter_string"), kwTracking("order_by")}},
	{kind: "mlflow-client", method: "search_runs", args: []argTracking{posTracking(1, "filter_string"), posTracking(4, "order_by")}},
	{kind: "mlflow-client", method: "search_model_versions", args: []argTracking{posTracking(0, "filter_string"), kwTracking("order_by")}},
	{kind: "mlflow-client", method: "search_registered_models", args: []argTracking{posTracking(0, "filter_string"), kwTracking("order_by")}},
	{kind: "wandb-api", method: "runs", args: []argTracking{posTracking(1, "filters"), posTracking(2, "order")}},
}

var AIML224 = &Rule{
	ID:         "AIML224",
	Title:      "Run comparison manipulation",
	Section:    "2.2.3",
	Severity:   Medium,
	References: []string{"CWE-943", "CWE-20"},
	Fix:        Guidance,
	EditFix:    Unsafe,
	EditFixDoc: "When every request value in the call's filter and order arguments is interpolated into an f-string " +
		"right after a comparison operator outside quotes (`f\"metrics.acc > {x}\"`), wrap each in `float(...)`: " +
		"a number cannot change the query's structure. A non-numeric value then raises ValueError; values used as " +
		"strings, keys or sort fields keep the guidance.",
	Message: "Run-search filter/order is built from request text; clients can rewrite the query and re-rank the runs being compared.",
	Doc: "Run-search filter or ordering expressions are built from request text: `filter_string=`/`order_by=` of " +
		"`mlflow.search_runs`, `search_registered_models`, `search_model_versions` and the `MlflowClient` methods, " +
		"or `filters=`/`order=` of the W&B `Api().runs(...)`. A client can rewrite the query to surface runs outside " +
		"the intended scope or reorder the leaderboard used to pick the \"best\" run. Values converted with " +
		"`int()`/`float()` and allow-list lookups are not reported.",
	FixDoc: "Build filters from fixed templates: accept numeric thresholds through `float()`, map sort fields " +
		"through an allow-list (`SORTABLE[request.args[\"sort\"]]`), and never pass client dicts as W&B `filters`.",
	Example: `@app.get("/leaderboard")
def leaderboard():
    metric = request.args.get("metric", "val_acc")
    team = request.args["team"]
    runs = mlflow.search_runs(
        experiment_ids=["7"],
        filter_string=f"tags.team = '{team}'",
        order_by=[f"metrics.{metric} DESC"],
    )
    return runs.head(10).to_json()`,
	SafeExample: `SORTABLE = {"acc": "metrics.val_acc DESC", "loss": "metrics.val_loss ASC"}

@app.get("/leaderboard")
def leaderboard():
    min_acc = float(request.args.get("min_acc", 0))
    runs = mlflow.search_runs(
        experiment_ids=["7"],
        filter_string=f"metrics.val_acc > {min_acc}",
        order_by=[SORTABLE[request.args.get("sort", "acc")]],
    )
    return runs.head(10).to_json()`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		s, ok := matchSinkTracking(p, c, sinks224)
		if !ok {
			return
		}
		var tainted []*Node
		for _, a := range s.args {
			if v := a.node(c); v != nil && p.Taint(v, numeric224)&WebTaint != 0 {
				tainted = append(tainted, v)
			}
		}
		if len(tainted) > 0 {
			p.ReportCall(c, fix224(p, tainted))
		}
	},
}

// fix224 wraps each request value of the tainted arguments in float()
// when all of them are f-string interpolations in a numeric comparison
// (`> {x}`, outside quotes); otherwise guidance.
func fix224(p *Pass, args []*Node) *Fix {
	if p.Module.Binds("float") {
		return p.Guidance()
	}
	var edits []Edit
	var names []string
	for _, a := range args {
		a = Unparen(a)
		if a.Kind != KString {
			return p.Guidance()
		}
		literal := ""
		for ch := a.FirstChild(); ch != nil; ch = ch.NextSibling() {
			switch {
			case ch.Kind == KStringContent || ch.Type() == "escape_sequence":
				literal += ch.Text()
			case ch.Kind == KInterpolation:
				x := ch.Field("expression")
				if x == nil || len(ch.NamedChildren()) != 1 {
					return p.Guidance() // a conversion or format spec
				}
				if p.Taint(x, numeric224)&WebTaint == 0 {
					literal += "0" // a server-side value
					continue
				}
				if !numericContext224(literal) {
					return p.Guidance()
				}
				edits = append(edits, ReplaceNode(x, "float("+x.Text()+")"))
				names = append(names, "`"+codeText(x, 30)+"`")
				literal += "0"
			}
		}
	}
	if len(edits) == 0 {
		return p.Guidance()
	}
	return p.Edits(Unsafe, "Convert "+joinNames224(names)+" with `float()` before it goes into the run-search filter, "+
		"so the request can only supply a number.", edits...).
		Changing("a request whose value is not a number now raises ValueError instead of running the search.")
}

// numericContext224: the filter text before an interpolation ends in a
// comparison operator and is not inside a quoted string.
func numericContext224(before string) bool {
	if strings.Count(before, "'")%2 == 1 || strings.Count(before, "\"")%2 == 1 {
		return false
	}
	return comparisonEnd224.MatchString(before)
}

var comparisonEnd224 = regexp.MustCompile(`(<|>|<=|>=|=|!=)\s*$`)

func joinNames224(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func init() { register(AIML224) }
