// Package review performs one pull-request review: it fetches the changed
// Python files, analyses them, maps findings to the diff, posts inline
// comments with suggestions and completes the PyGuard check run. It is plain
// domain code; the webhook package only decides when to call it.
package review

import "strconv"

// Target identifies one review: a pull request (or a commit of one) at a
// head SHA, in an installation of the app.
type Target struct {
	DeliveryID     string // X-GitHub-Delivery of the event that asked for it
	Event          string // "pull_request.synchronize", "check_run.rerequested", …
	InstallationID int64
	Owner, Repo    string
	// Number is the pull request; 0 when the event does not say (check
	// suites of fork PRs): the reviewer finds it by HeadSHA.
	Number  int
	HeadSHA string
	// CheckRunID is the check run a person re-requested (for the logs):
	// the re-run gets a new run on the head.
	CheckRunID int64
}

// Key is the coalescing key: one review at a time per pull request (or per
// head commit when the PR number is not known yet).
func (t Target) Key() string {
	if t.Number != 0 {
		return t.Owner + "/" + t.Repo + "#" + strconv.Itoa(t.Number)
	}
	return t.Owner + "/" + t.Repo + "@" + t.HeadSHA
}
