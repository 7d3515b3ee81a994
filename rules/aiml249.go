package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML249 = &Rule{
	ID:         "AIML249",
	Title:      "Metrics endpoint exposure",
	Section:    "2.3.2",
	Severity:   Medium,
	References: []string{"CWE-770", "CWE-200"},
	Fix:        Guidance,
	Message:    "Client-controlled Prometheus label value: unbounded cardinality DoS and request data exposed on /metrics.",
	Doc: "Inside a request handler, a `prometheus_client` metric (`Counter`, `Gauge`, `Histogram`, `Summary`, " +
		"`Info`, `Enum`) is labelled with request data — a header, query or body value, a path parameter, the " +
		"client address. Every distinct value creates a new time series: callers can exhaust the service's and " +
		"Prometheus's memory, and the values (user ids, IPs, prompts) are published on `/metrics`. Labels set " +
		"outside request handlers (hooks, middleware, helpers) are reported by AIML265.",
	FixDoc: "Label only with bounded server-side values (route template, model name from config, status class); put " +
		"per-request data in logs/traces.",
	Example: `PREDICTIONS = Counter("predictions_total", "Predictions served", ["customer"])

@app.post("/predict")
def predict(req: Req, x_customer: str = Header()):
    PREDICTIONS.labels(customer=x_customer).inc()
    return {"y": model.predict([req.x]).tolist()}`,
	SafeExample: `PREDICTIONS = Counter("predictions_total", "Predictions served", ["customer"])

@app.post("/predict")
def predict(req: Req, x_customer: str = Header()):
    PREDICTIONS.labels(customer="external").inc()
    return {"y": model.predict([req.x]).tolist()}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if c.Method() != "labels" || c.Args == nil || promMetricClass(p.TypeOf(c.Receiver())) == "" {
			return
		}
		if fn := p.FuncOf(n); !fn.IsRoute() {
			return // hooks, middleware and helpers: AIML265 (§4 row 19)
		}
		var label Label
		var first *Node
		for _, v := range c.ArgValues() {
			if l := p.Taint(v, nil) & WebTaint; l != 0 {
				label |= l
				if first == nil {
					first = v
				}
			}
		}
		if label == 0 {
			return
		}
		fd := p.ReportCall(c, GuidanceFix("Do not label `"+codeText(c.Receiver(), 30)+"` with `"+codeText(first, 40)+
			"`: use a bounded server-side value (route template, model name from config, status class) and put "+
			"the per-request value in logs or traces."))
		fd.Message = "Client-controlled Prometheus label (" + codeText(first, 30) + "): unbounded cardinality and request " +
			"data exposed on /metrics."
		if len(fd.Message) > 140 {
			fd.Message = p.Rule.Message
		}
	},
}

func init() { register(AIML249) }
