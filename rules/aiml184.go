package rules

import . "github.com/pyguard/pyguard/analyzer"

// feastDeletes184 are the FeatureStore methods that delete objects or
// infrastructure outright; apply deletes with objects_to_delete or
// partial=False (feastApplyDeletes).
var feastDeletes184 = []string{"teardown", "delete_feature_view", "delete_feature_service", "delete_project", "apply"}

var AIML184 = &Rule{
	ID:         "AIML184",
	Title:      "Feature deletion/corruption",
	Section:    "2.1.2",
	Severity:   High,
	References: []string{"CWE-306", "CWE-862", "CWE-400"},
	Fix:        Guidance,
	Message:    "Unauthenticated endpoint deletes Feast objects/infrastructure: any caller can destroy features that models depend on.",
	Doc: "A web endpoint without authentication deletes Feast feature views, feature services or projects, tears " +
		"down the online/offline infrastructure, or prunes the registry (`apply` with `objects_to_delete=` or " +
		"`partial=False`). Any caller can corrupt or destroy the features that production models depend on.",
	FixDoc: "Perform deletions through reviewed CI (`feast apply` on the repo / `feast teardown`) or require " +
		"authentication and an admin role on the endpoint.",
	Example: `@app.delete("/feature-views/<name>")
def drop_view(name):
    store = FeatureStore(repo_path="feature_repo")
    store.delete_feature_view(name)
    return "", 204`,
	SafeExample: `@app.delete("/feature-views/<name>")
@login_required
def drop_view(name):
    FeatureStore(repo_path="feature_repo").delete_feature_view(name)
    return "", 204`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !feastStoreMethod(p, c, feastDeletes184...) {
			return
		}
		// A plain apply (no objects_to_delete, partial not False) is AIML181's.
		if c.Method() == "apply" && !feastApplyDeletes(c) {
			return
		}
		if fn := p.FuncOf(n); !fn.IsRoute() || fn.AuthMarker {
			return
		}
		p.ReportCall(c, p.Guidance())
	},
}

func init() { register(AIML184) }
