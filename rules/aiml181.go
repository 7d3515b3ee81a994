package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML181 = &Rule{
	ID:         "AIML181",
	Title:      "Feature metadata tampering",
	Section:    "2.1.2",
	Severity:   High,
	References: []string{"CWE-306", "CWE-862", "OWASP ML02"},
	Fix:        Guidance,
	Message:    "Feast registry modified from an unauthenticated endpoint: callers can rewrite feature definitions. Apply from CI or add auth.",
	Doc: "Feature definitions (feature views, sources, services, permissions) are rewritten in the Feast " +
		"registry by `FeatureStore.apply` inside a web endpoint that has no authentication. Any caller can " +
		"repoint a feature view's source, change its schema or TTL, or register permissive permissions. " +
		"Deleting applies (`objects_to_delete=`, `partial=False`) are AIML184's.",
	FixDoc: "Move registry changes to reviewed CI (`feast apply` from the repo) or protect the endpoint with " +
		"authentication plus Feast permissions.",
	Example: `@app.post("/admin/feature-views")
def register(spec: dict):
    store = FeatureStore(repo_path="feature_repo")
    store.apply([build_view(spec)])
    return {"ok": True}`,
	SafeExample: `@app.post("/admin/feature-views", dependencies=[Depends(require_admin)])
def register(spec: dict):
    store = FeatureStore(repo_path="feature_repo")
    store.apply([build_view(spec)])
    return {"ok": True}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !feastStoreMethod(p, c, "apply") || feastApplyDeletes(c) {
			return
		}
		if fn := p.FuncOf(n); fn.IsRoute() && !fn.AuthMarker {
			p.ReportCall(c, p.Guidance())
		}
	},
}

func init() { register(AIML181) }
