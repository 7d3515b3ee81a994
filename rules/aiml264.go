package rules

import . "github.com/pyguard/pyguard/analyzer"

// observers264 maps each prometheus_client metric class to its methods that
// record a value, with the name of that value's parameter
// (prometheus_client/metrics.py: Histogram/Summary.observe(amount),
// Gauge.set(value), Gauge.inc/dec(amount), Counter.inc(amount)).
var observers264 = map[string]map[string]string{
	"Histogram": {"observe": "amount"},
	"Summary":   {"observe": "amount"},
	"Gauge":     {"set": "value", "inc": "amount", "dec": "amount"},
	"Counter":   {"inc": "amount"},
}

var AIML264 = &Rule{
	ID:         "AIML264",
	Title:      "Prediction distribution poisoning",
	Section:    "2.4.1",
	Severity:   Medium,
	References: []string{"CWE-20", "CWE-345", "OWASP ML02", "MITRE ATLAS AML.T0031"},
	Fix:        Guidance,
	Message:    "Client-supplied value is recorded in a Prometheus metric; callers can poison the monitored prediction distribution.",
	Doc: "A number taken straight from the HTTP request is recorded as a Prometheus observation (histogram or " +
		"summary sample, gauge value, counter increment). Any client can fill the monitored prediction-score, " +
		"confidence or latency distribution with fabricated values, masking real prediction drift or triggering " +
		"false alerts.",
	FixDoc: "Observe values the server computed (the model's own score, measured latency). If client telemetry must " +
		"be accepted, validate type and range and record it in a separate, clearly client-reported metric.",
	Example: `SCORE = Histogram("fraud_score", "Fraud model score")

@app.post("/outcome")
def outcome(body: Outcome):
    SCORE.observe(body.score)
    return {"ok": True}`,
	SafeExample: `@app.post("/outcome")
def outcome(body: Outcome):
    SCORE.observe(float(model.predict_proba(load_features(body.txn_id))[0, 1]))
    return {"ok": True}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		m := c.Method()
		if m == "" {
			return
		}
		param, ok := observers264[promMetricDrift(p, c.Receiver())][m]
		if !ok {
			return
		}
		v := c.Arg(0, param)
		if web24(p, v) == 0 {
			return
		}
		p.Report(v, p.Guidance())
	},
}

func init() { register(AIML264) }
