package rules

import . "github.com/pyguard/pyguard/analyzer"

// versionOnlyPrefix216 is the literal start of a URI whose request part
// only picks the version, stage or alias of a fixed registered model
// (`models:/<name>/` or `models:/<name>@`): AIML236's case (§4 row 10).

var AIML216 = &Rule{
	ID:       "AIML216",
	Title:    "MLflow injection attacks",
	Section:  "2.2.3",
	Severity: Critical,
	References: []string{"CWE-502", "CWE-94", "OWASP ML06", "MITRE ATLAS AML.T0010", "MITRE ATLAS AML.T0011",
		"CVE-2024-37052", "CVE-2024-37060"},
	Fix:     Guidance,
	Message: "MLflow model URI comes from the request; pickle-based flavors run code from whoever authored that model (CVE-2024-37052…60).",
	Doc: "A model URI taken from the request reaches an MLflow loader (`mlflow.<flavor>.load_model`, " +
		"`mlflow.pyfunc.spark_udf`). Pickle-based flavors (pyfunc, sklearn, pytorch, langchain, …) execute code " +
		"embedded by whoever authored the model the caller points at: any run, registry entry, or `s3://`/`http(s)://` " +
		"location (CVE-2024-37052 … CVE-2024-37060). A request that only picks the version or alias of a fixed " +
		"registered model (`f\"models:/churn/{version}\"`) is AIML236's.",
	FixDoc: "Resolve the request's model name through a server-side allow-list of registered model URIs pinned to " +
		"versions (`MODEL_URIS = {\"churn\": \"models:/churn/7\"}`; `MODEL_URIS[name]`), and reject unknown names.",
	Example: `@app.post("/score")
def score():
    body = request.get_json()
    model = mlflow.pyfunc.load_model(body["model_uri"])
    return {"pred": model.predict(pd.DataFrame(body["rows"])).tolist()}`,
	SafeExample: `MODEL_URIS = {"churn": "models:/churn/7", "fraud": "models:/fraud/12"}

@app.post("/score")
def score():
    body = request.get_json()
    model = mlflow.pyfunc.load_model(MODEL_URIS[body["model"]])
    return {"pred": model.predict(pd.DataFrame(body["rows"])).tolist()}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		uri := mlflowModelURI(c)
		if uri == nil || p.Taint(uri, nil)&WebTaint == 0 || mlflowVersionOnly(p, uri, 0) {
			return
		}
		p.ReportCall(c, p.Guidance())
	},
}

func init() { register(AIML216) }
