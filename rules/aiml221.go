package rules

import . "github.com/pyguard/pyguard/analyzer"

// escapers221 are the ESCAPERS of §3.7: they clean tag and name values
// (never keys).
var escapers221 = &TaintSpec{Sanitizers: Set([]string{"html.escape", "markupsafe.escape", "markupsafe.Markup.escape",
	"bleach.clean", "bleach.sanitizer.Cleaner.clean"})}

// sinks221: keys are checked without the escapers; args are values, and a
// dict argument (tags) has its keys checked as keys and its values as values.
var sinks221 = []sinkTracking{
	{qual: []string{"mlflow.set_tag"}, keys: []argTracking{posTracking(0, "key")}, args: []argTracking{posTracking(1, "value")}},
	{qual: []string{"mlflow.set_tags"}, args: []argTracking{posTracking(0, "tags")}},
	{qual: []string{"mlflow.set_experiment_tag"}, keys: []argTracking{posTracking(0, "key")}, args: []argTracking{posTracking(1, "value")}},
	{qual: []string{"mlflow.start_run"}, args: []argTracking{kwTracking("run_name"), kwTracking("tags"), kwTracking("description")}},
	{kind: "mlflow-client", method: "set_tag", keys: []argTracking{posTracking(1, "key")}, args: []argTracking{posTracking(2, "value")}},
	{kind: "mlflow-client", method: "create_run", args: []argTracking{posTracking(2, "tags"), posTracking(3, "run_name")}},
	{qual: []string{"wandb.init"}, args: []argTracking{kwTracking("name"), kwTracking("notes"), kwTracking("tags"),
		kwTracking("group"), kwTracking("job_type")}},
	{kind: "comet-exp", method: "set_name", args: []argTracking{posTracking(0, "name")}},
	{kind: "comet-exp", method: "add_tag", args: []argTracking{posTracking(0, "tag")}},
	{kind: "comet-exp", method: "add_tags", args: []argTracking{posTracking(0, "tags")}},
	{kind: "comet-exp", method: "log_other", keys: []argTracking{posTracking(0, "key")}, args: []argTracking{posTracking(1, "value")}},
}

var AIML221 = &Rule{
	ID:         "AIML221",
	Title:      "Experiment metadata injection",
	Section:    "2.2.3",
	Severity:   Medium,
	References: []string{"CWE-79", "CWE-116", "CWE-20", "MITRE ATLAS AML.T0031"},
	Fix:        Guidance,
	Message:    "Request data is written into experiment tags/names/notes; clients can spoof mlflow.* system tags or inject UI markup.",
	Doc: "Request data is written into run or experiment metadata: MLflow tag keys and values, run names and " +
		"descriptions (`mlflow.set_tag(s)`, `set_experiment_tag`, `start_run`, `MlflowClient.set_tag`/`create_run`), " +
		"W&B run names, notes, tags, groups and job types (`wandb.init`), and Comet names, tags and others. A client " +
		"can overwrite reserved `mlflow.*` system tags (author, source commit, run note) to spoof provenance, or " +
		"inject markup that the tracking UI renders.",
	FixDoc: "Use fixed tag keys and never let clients choose keys; escape values with `html.escape` (or map them " +
		"through an allow-list) before logging them.",
	Example: `@app.post("/feedback")
def feedback():
    body = request.get_json()
    with mlflow.start_run(run_name=body["title"]):
        mlflow.set_tag(body["tag_key"], body["tag_value"])
        mlflow.log_dict(body["sample"], "sample.json")
    return {"ok": True}`,
	SafeExample: `@app.post("/feedback")
def feedback():
    body = request.get_json()
    with mlflow.start_run(run_name=f"feedback-{uuid.uuid4().hex[:8]}"):
        mlflow.set_tag("feedback.label", html.escape(body["label"]))
    return {"ok": True}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		s, ok := matchSinkTracking(p, c, sinks221)
		if !ok {
			return
		}
		for _, a := range s.keys {
			if v := a.node(c); v != nil && p.Taint(v, nil)&WebTaint != 0 {
				p.ReportCall(c, p.Guidance())
				return
			}
		}
		for _, a := range s.args {
			if v := a.node(c); v != nil && taintedValue221(p, v) {
				p.ReportCall(c, p.Guidance())
				return
			}
		}
	},
}

// taintedValue221: a value argument carries request data past the
// escapers; in a dict literal (tags) the keys are checked as keys.
func taintedValue221(p *Pass, v *Node) bool {
	d := Unparen(v)
	if d == nil {
		return false
	}
	if d.Kind != KDict {
		return p.Taint(d, escapers221)&WebTaint != 0
	}
	for _, e := range d.NamedChildren() {
		if e.Kind == KPair {
			if p.Taint(e.Field("key"), nil)&WebTaint != 0 || p.Taint(e.Field("value"), escapers221)&WebTaint != 0 {
				return true
			}
			continue
		}
		if p.Taint(e, nil)&WebTaint != 0 {
			return true
		}
	}
	return false
}

func init() { register(AIML221) }
