package rules

import . "github.com/pyguard/pyguard/analyzer"

// sinks222: the metric value arguments. The Neptune form
// (`run["m"].append(v)`) is matched in neptuneMetric222.
var sinks222 = []sinkTracking{
	{qual: []string{"mlflow.log_metric"}, args: []argTracking{posTracking(1, "value")}},
	{qual: []string{"mlflow.log_metrics"}, args: []argTracking{posTracking(0, "metrics")}},
	{kind: "mlflow-client", method: "log_metric", args: []argTracking{posTracking(2, "value")}},
	{qual: []string{"wandb.log"}, args: []argTracking{posTracking(0, "data")}},
	{kind: "wandb-run", method: "log", args: []argTracking{posTracking(0, "data")}},
	{kind: "comet-exp", method: "log_metric", args: []argTracking{posTracking(1, "value")}},
	{kind: "comet-exp", method: "log_metrics", args: []argTracking{posTracking(0, "dic")}},
}

var AIML222 = &Rule{
	ID:         "AIML222",
	Title:      "Metric tampering",
	Section:    "2.2.3",
	Severity:   Medium,
	References: []string{"CWE-345", "CWE-20", "OWASP ML09", "MITRE ATLAS AML.T0031"},
	Fix:        Guidance,
	Message:    "Metric value comes straight from the request; any client can forge metrics used for run comparison and promotion.",
	Doc: "Metric values are copied straight from the request into the experiment tracker (`mlflow.log_metric(s)`, " +
		"`MlflowClient.log_metric`, `wandb.log`/`run.log`, Comet `log_metric(s)`, Neptune `run[...].append/log`). Any " +
		"API client can forge the accuracy and loss numbers that dashboards, run comparison and model promotion rely " +
		"on. Metrics computed server-side by a function call are not reported.",
	FixDoc: "Compute metrics server-side from stored predictions and trusted labels; if client-reported values must " +
		"be kept, log them under a separate, clearly untrusted namespace.",
	Example: `@app.post("/report_eval")
def report_eval():
    body = request.get_json()
    with mlflow.start_run(run_id=RUN_ID):
        mlflow.log_metric("val_accuracy", body["accuracy"])
    return {"ok": True}`,
	SafeExample: `@app.post("/report_eval")
def report_eval():
    body = request.get_json()
    preds = load_predictions(body["batch_id"])
    with mlflow.start_run(run_id=RUN_ID):
        mlflow.log_metric("val_accuracy", accuracy_score(TRUSTED_LABELS, preds))
    return {"ok": True}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		var args []argTracking
		if s, ok := matchSinkTracking(p, c, sinks222); ok {
			args = s.args
		} else if neptuneMetric222(p, c) {
			args = []argTracking{posTracking(0, "value")}
		}
		for _, a := range args {
			if v := a.node(c); v != nil && p.Taint(v, nil)&WebTaint != 0 {
				// Reporting the call covers the argument, so AIML164 stays
				// silent on a float(...) inside it (§4 row 22).
				p.ReportCall(c, p.Guidance())
				return
			}
		}
	},
}

// neptuneMetric222: `.append(...)`/`.log(...)` on a subscript of a Neptune
// run (`run["eval/acc"].append(v)`).
func neptuneMetric222(p *Pass, c Call) bool {
	if m := c.Method(); m != "append" && m != "log" {
		return false
	}
	r := Unparen(c.Receiver())
	return r != nil && r.Kind == KSubscript && trackerKindTracking(p, r.Field("value")) == "neptune-run"
}

func init() { register(AIML222) }
