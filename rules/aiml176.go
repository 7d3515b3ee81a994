package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML176 = &Rule{
	ID:         "AIML176",
	Title:      "Feast feature store injection",
	Section:    "2.1.2",
	Severity:   High,
	References: []string{"CWE-89", "OWASP A03:2021"},
	Fix:        Guidance,
	Message:    "Request data interpolated into Feast entity_df SQL: executed on the offline store, so clients can inject SQL. Pass a DataFrame.",
	Doc: "A request value is interpolated into the SQL string passed as `entity_df` to Feast's " +
		"`FeatureStore.get_historical_features`. A `str` entity_df is executed as SQL on the offline store " +
		"(BigQuery, Snowflake, Redshift, Spark, Postgres), so the client can read or modify any table the " +
		"offline-store credentials reach. An entity DataFrame built from request data is not SQL and is not reported.",
	FixDoc: "Build a pandas entity DataFrame (entity keys + `event_timestamp`) from validated values and pass " +
		"that instead of SQL. If SQL is required, restrict input to allow-listed or integer values.",
	Example: `@app.get("/training-frame")
def training_frame():
    store = FeatureStore(repo_path=".")
    sql = f"SELECT driver_id, event_timestamp FROM rides WHERE city = '{request.args['city']}'"
    return store.get_historical_features(entity_df=sql, features=FEATURES).to_df().to_json()`,
	SafeExample: `@app.get("/training-frame")
def training_frame():
    store = FeatureStore(repo_path=".")
    days = int(request.args["days"])
    sql = f"SELECT driver_id, event_timestamp FROM rides WHERE ts > CURRENT_DATE - {days}"
    return store.get_historical_features(entity_df=sql, features=FEATURES).to_df().to_json()`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !feastStoreMethod(p, c, "get_historical_features") {
			return
		}
		// entity_df is a string sink: STRING-SANITIZERS apply, and a value that
		// passed a DATA-CONSTRUCTOR is a DataFrame, not SQL text (§3.6).
		if df := feastEntityDF(c); df != nil && p.StringTaint(df)&WebTaint != 0 {
			p.ReportCall(c, p.Guidance())
		}
	},
}

func init() { register(AIML176) }
