// Package webhook is the GitHub App's receiver and its durable job queue:
// it verifies and routes webhook deliveries, commits the ones that ask for
// a review as river jobs, and runs them with review.Reviewer.
//
// # Receiving
//
// POST /webhook answers in milliseconds and never calls GitHub. The body
// is read under the size cap while its HMAC-SHA256 is computed (body.go):
// up to 256 KiB in memory, the rest spilled to a temporary file, in one of
// a bounded number of read slots, so forged bodies cost little memory.
// Only a signed body is parsed (decode.go) and routed to a go-githubapp
// EventHandler by X-GitHub-Event. Status codes:
//
//	202  a review job was committed (or an equal job waits or runs)
//	200  ping, events and actions that start no review, check runs/suites
//	     of other apps, deliveries without an installation
//	400  malformed body after a valid signature (not JSON, or missing what
//	     the event must carry), missing X-GitHub-Event
//	401  X-Hub-Signature-256 missing, not "sha256=…", or wrong
//	413  body over 25 MB (Config.MaxBodyBytes)
//	503  shutting down, no read slot, or the database cannot take the job,
//	     with Retry-After
//
// GET /healthz answers 200 "ok".
//
// # Events
//
//	pull_request  opened, synchronize, reopened, ready_for_review
//	check_suite   requested, rerequested (suites of our app)
//	check_run     rerequested (runs of our app; sets Target.CheckRunID)
//
// For check suites and runs the PR number is that of the first listed pull
// request whose base is the event's repository, else 0 (fork PRs come with
// an empty list) and the reviewer finds the PR by head SHA.
//
// # Jobs (jobqueue.go, jobs.go, store.go)
//
// The queue is river on SQLite (the default: one file, one process, which
// a file lock enforces) or PostgreSQL (any number of replicas). Jobs are
// unique per (repository, PR, head SHA) while they wait or run, so bursts
// and redeliveries coalesce; an explicit re-run is its own job. A delivery
// counts as handled only when its job has finished: a redelivery after a
// failure runs again. Each attempt ends one of four ways:
//
//	done         the review finished (recorded per PR@head, so a companion
//	             event or redelivery of a reviewed head ends at once)
//	snoozed      a rate limit (until GitHub's time, however long), the PR's
//	             lease held by another review, or a shutdown; attempts are
//	             not counted
//	retried      a transient failure (5xx, resets, an unreachable API), with
//	             backoff for over 30 minutes before it fails for good
//	cancelled    a refusal that would recur (404, 403 without a limit)
//
// At most one review of a pull request runs at a time on any replica: the
// reviewer takes a lease row per PR once it knows the number, renewed while
// it runs. Each job records the check run it created, so an attempt after a
// crash, a kill or a shutdown completes that run instead of leaving it in
// progress.
package webhook
