package rules

import . "github.com/pyguard/pyguard/analyzer"

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
	Message:    "Run-search filter/order is built from request text; clients can rewrite the query and re-rank the runs being compared.",
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
		for _, a := range s.args {
			if v := a.node(c); v != nil && p.Taint(v, numeric224)&WebTaint != 0 {
				p.ReportCall(c, p.Guidance())
				return
			}
		}
	},
}

func init() { register(AIML224) }
