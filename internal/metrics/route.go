package metrics

import "strings"

// routeWords are the fixed segments of the GitHub REST paths: they stay in
// a route template, every other segment is a parameter.
var routeWords = toSet(
	"app", "installations", "installation", "access_tokens", "repositories",
	"hook", "deliveries", "attempts", "config",
	"repos", "pulls", "files", "comments", "reviews", "requested_reviewers",
	"commits", "check-runs", "check-suites", "annotations", "rerequest",
	"git", "blobs", "trees", "issues", "labels", "statuses", "status",
	"branches", "protection", "collaborators", "permission", "merge", "events",
	"reactions", "dismissals", "users", "user", "orgs", "rate_limit", "graphql",
	"installation_token", "hooks", "tags", "releases",
)

// routeTails are segments after which the rest of the path is one
// parameter of any length (a file path, a branch name, base...head).
var routeTails = toSet(
	"contents", "refs", "ref", "matching-refs", "compare", "readme",
	"tarball", "zipball",
)

// maxRouteSegments caps the template's length whatever the path.
const maxRouteSegments = 10

// route reduces a GitHub REST path to a template of bounded cardinality:
// "/repos/acme/app/pulls/7/files" → "/repos/*/pulls/*/files". Runs of
// parameters collapse into one "*"; the two segments after "repos" (owner
// and repository) are parameters whatever they spell; a GitHub Enterprise
// prefix ending in /api/v3 is dropped.
func route(path string) string {
	if i := strings.Index(path, "/api/v3"); i >= 0 {
		path = path[i+len("/api/v3"):]
	} else if strings.HasSuffix(path, "/api/graphql") {
		path = "/graphql"
	}
	var out []string
	param := func() {
		if len(out) == 0 || out[len(out)-1] != "*" {
			out = append(out, "*")
		}
	}
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for i := 0; i < len(segs); i++ {
		seg := segs[i]
		switch {
		case seg == "":
			continue
		case len(out) == maxRouteSegments:
			return "/" + strings.Join(out, "/") + "/..."
		case routeTails[seg]:
			out = append(out, seg)
			if i+1 < len(segs) {
				param()
			}
			return "/" + strings.Join(out, "/")
		case seg == "repos":
			out = append(out, seg)
			if i+1 < len(segs) {
				param()
				i += 2 // owner and repository
			}
		case routeWords[seg]:
			out = append(out, seg)
		default:
			param()
		}
	}
	return "/" + strings.Join(out, "/")
}

func toSet(words ...string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}
