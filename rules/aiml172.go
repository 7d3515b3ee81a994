package rules

import . "github.com/pyguard/pyguard/analyzer"

// feastWrites172 gives, per FeatureStore write method, the positions and
// keywords of its data arguments: push(push_source_name, df, ...),
// write_to_online_store(feature_view_name, df=None, inputs=None, ...),
// write_to_offline_store(feature_view_name, df, ...).
var feastWrites172 = map[string]struct {
	pos []int
	kws []string
}{
	"push":                   {[]int{1}, []string{"df"}},
	"write_to_online_store":  {[]int{1, 2}, []string{"df", "inputs"}},
	"write_to_offline_store": {[]int{1}, []string{"df"}},
}

var AIML172 = &Rule{
	ID:         "AIML172",
	Title:      "Feature store injection",
	Section:    "2.1.1",
	Severity:   High,
	References: []string{"CWE-345", "OWASP ML02", "MITRE ATLAS AML.T0020"},
	Fix:        Guidance,
	Message:    "Request body written straight into the feature store: any caller can overwrite features for arbitrary entities. Validate first.",
	Doc: "A web endpoint writes client-supplied rows straight into a Feast feature store (`push`, " +
		"`write_to_online_store`, `write_to_offline_store`). Any caller can overwrite online (and offline/training) " +
		"feature values for arbitrary entity keys, such as another customer's risk features.",
	FixDoc: "Derive the entity key from the authenticated identity (never from the body), validate feature values " +
		"against the FeatureView schema and ranges, or write to a quarantine push source that a vetted job promotes.",
	Example: `@app.post("/events")
async def ingest(request: Request):
    body = await request.json()
    store = FeatureStore(repo_path="feature_repo")
    store.push("txn_push_source", pd.DataFrame(body["events"]))`,
	SafeExample: `def consume(batch):
    store = FeatureStore(repo_path="feature_repo")
    store.push("txn_push_source", pd.DataFrame(batch))`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		w, ok := feastWrites172[c.Method()]
		if !ok || !feastStoreCall(p, c) {
			return
		}
		if fn := p.FuncOf(n); !fn.IsRoute() {
			return
		}
		var data []*Node
		for _, i := range w.pos {
			data = append(data, c.Pos(i))
		}
		for _, k := range w.kws {
			data = append(data, c.Kwarg(k))
		}
		for _, d := range data {
			if d != nil && p.Taint(d, nil)&WebTaint != 0 {
				p.ReportCall(c, p.Guidance())
				return
			}
		}
	},
}

func init() { register(AIML172) }
