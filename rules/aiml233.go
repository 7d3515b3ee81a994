package rules

import . "github.com/pyguard/pyguard/analyzer"

// storageDownload233 are the spellings of KServe's Storage.download (the
// class moved from kserve to kserve.storage and then to kserve_storage;
// resolution folds re-exports, the list keeps every defining name).
var storageDownload233 = []string{"kserve.Storage.download", "kserve.storage.Storage.download",
	"kserve.storage.storage.Storage.download", "kserve_storage.Storage.download",
	"kserve_storage.kserve_storage.Storage.download"}

// deployTime233 are the predictor methods that run at deploy time, where
// downloading the configured storage_uri is the intended use.
var deployTime233 = map[string]bool{"load": true, "__init__": true, "start": true}

var AIML233 = &Rule{
	ID:         "AIML233",
	Title:      "KServe weaknesses",
	Section:    "2.3.1",
	Severity:   High,
	References: []string{"CWE-918", "CWE-494", "OWASP ML06"},
	Fix:        Guidance,
	Message:    "KServe predictor downloads from a request-supplied URI: SSRF and attacker-chosen model artifacts.",
	Doc: "A custom KServe predictor (a `kserve.Model` subclass) calls `Storage.download` inside `predict`, " +
		"`preprocess`, `postprocess`, `explain` or `__call__` with a URI taken from the request payload or headers. " +
		"Callers can point the server at cloud metadata endpoints or internal stores (SSRF) and make it fetch and " +
		"serve artifacts they chose.",
	FixDoc: "Resolve artifacts only from the deploy-time `storage_uri` (download them in `load()`); if clients may " +
		"pick one, map their choice through a fixed allow-list of URIs.",
	Example: `from kserve import Model, Storage

class Reranker(Model):
    async def predict(self, payload, headers=None):
        path = Storage.download(payload["adapter_uri"])
        return {"adapter": path}`,
	SafeExample: `class Reranker(Model):
    def load(self):
        self.path = Storage.download(self.storage_uri)
        self.ready = True`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !c.Is(storageDownload233...) {
			return
		}
		uri := c.Arg(0, "uri")
		if uri == nil || p.Taint(uri, nil)&WebTaint == 0 {
			return
		}
		fn := p.FuncOf(n)
		// The request handlers' parameters are the sources; a helper method
		// of the predictor is tainted only by what they pass it.
		if fn == nil || deployTime233[fn.Name()] || !kserveModelClass233(p, fn.Scope.Class()) {
			return
		}
		p.ReportCall(c, p.Guidance())
	},
}

// kserveModelClass233 reports whether class derives from kserve.Model,
// directly or through classes of this module.
func kserveModelClass233(p *Pass, class *Node) bool {
	return p.ClassDerives(class, func(q string) bool { return q == "kserve.Model" || q == "kserve.model.Model" })
}

func init() { register(AIML233) }
