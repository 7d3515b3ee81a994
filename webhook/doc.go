// Package webhook is the GitHub App's receiver: it verifies and routes
// webhook deliveries, turns the ones that ask for a review into a
// review.Target and runs them on a bounded worker pool.
//
// # Receiving
//
// POST /webhook answers in milliseconds and never calls GitHub; handlers only
// parse and enqueue. Signature checking and event routing are
// go-githubapp's (its dispatcher, with go-github's constant-time HMAC); the
// status codes come from our error and response callbacks:
//
//	202  a review was queued (or coalesced into a queued one)
//	200  ping, events and actions that start no review, check runs/suites
//	     of other apps, deliveries without an installation, and a
//	     delivery id already accepted (redelivery)
//	400  malformed body after a valid signature (not JSON, or missing what
//	     the event must carry), missing X-GitHub-Event
//	401  X-Hub-Signature-256 missing, not "sha256=…", or wrong
//	413  body over 25 MB (Config.MaxBodyBytes)
//	503  queue full or shutting down, with Retry-After
//
// GET /healthz answers 200 "ok".
//
// # Events
//
//	pull_request  opened, synchronize, reopened, ready_for_review
//	check_suite   requested, rerequested (suites of our app)
//	check_run     rerequested (runs of our app; sets Target.CheckRunID)
//
// Drafts are reviewed like other pull requests (GitHub sends "opened" for
// them); ready_for_review reviews again. For check suites and runs the PR
// number is that of the first listed pull request whose base is the
// event's repository, else 0 (fork PRs come with an empty list) and the
// reviewer finds the PR by head SHA.
//
// # Queue
//
// go-githubapp's schedulers are not used for the work itself: they cannot
// coalesce, serialise per pull request or drain. The Queue interface takes
// targets; MemoryQueue coalesces per review.Target.Key: one waiting target
// per key (a newer one replaces it), one running review per key (a newer
// target waits for it), different keys in parallel up to Workers.
// Duplicate delivery ids are remembered for Config.DedupTTL (bounded by
// DedupSize) and acknowledged without queueing. Shutdown drains; what cannot
// finish before its deadline is logged as "dropped on shutdown" with its
// delivery id.
package webhook
