package rules

import . "github.com/pyguard/pyguard/analyzer"

// refit163: partial_fit of a PERSISTENT StandardScaler/MinMaxScaler/
// MaxAbsScaler on RT data in a ROUTE HANDLER.
var refit163 = refitSpec{
	Handler:    inRouteHandler,
	Methods:    []string{"partial_fit"},
	Classes:    partialFitScalers,
	DataKw:     []string{"X"},
	Persistent: true,
}

var AIML163 = &Rule{
	ID:         "AIML163",
	Title:      "Feature scaling manipulation",
	Section:    "2.1.1",
	Severity:   High,
	References: []string{"CWE-20", "OWASP ML02", "MITRE ATLAS AML.T0020"},
	Fix:        Guidance,
	Message:    "partial_fit on request data updates a shared scaler: any client can shift scaling for all users. Refit offline on vetted data.",
	Doc: "A long-lived scaler's running statistics are updated with `partial_fit` on request data. Any client can " +
		"shift the mean/variance or min/max used for every other user's requests. A few extreme rows are enough " +
		"to rescale all features.",
	FixDoc: "Do not update shared preprocessing state from requests. Queue the rows, vet them (outlier/rate checks), " +
		"and refit offline; serve with a frozen scaler.",
	Example: `@bentoml.api
def observe(self, rows: list) -> dict:
    self.scaler.partial_fit(np.asarray(rows))
    return {"ok": True}`,
	SafeExample: `@bentoml.api
def observe(self, rows: list) -> dict:
    self.pending.extend(rows)
    return {"queued": len(rows)}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if refit163.match(p, c) {
			p.ReportCall(c, p.Guidance())
		}
	},
}

func init() { register(AIML163) }
