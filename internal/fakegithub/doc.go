// Package fakegithub is an in-process stand-in for the GitHub REST API
// (an httptest server) for the endpoints a GitHub App reviewing pull
// requests uses. It behaves like GitHub, including its refusals, so tests
// exercise the same error paths production meets:
//
//   - App auth: POST /app/installations/{id}/access_tokens needs an RS256 app
//     JWT signed with the app's key (iss = app id, exp in the future and at
//     most ten minutes after iat); repository calls need
//     "Authorization: token <installation token>" (or Bearer) and answer 401
//     without one, 404 for a repository outside the installation.
//   - Contents (base64, wrapped at 60 columns like GitHub; "encoding":"none"
//     and empty content for files over 1 MB), git blobs, pull requests,
//     pull-request files with patches (computed from the base and head
//     snapshots with three lines of context, or given explicitly), the
//     commit → pulls lookup, review comments, reviews and check runs.
//   - Pagination with per_page (default 30, max 100), page, and Link
//     headers (rel="next", "last", "first", "prev"); the pull-request file
//     list stops at 3,000 files like GitHub's.
//   - Refusals: a review whose comment is not on a line of the diff answers
//     422 ("Line could not be resolved", or GitHub's
//     pull_request_review_thread messages for multi-line comments); a check
//     run request with more than 50 annotations answers 422; a check run
//     for an unknown commit, a completed run without conclusion or an
//     output without title/summary answer 422.
//   - Fault injection per route: scripted answers (5xx, secondary rate
//     limits with Retry-After, primary rate limits with
//     x-ratelimit-remaining: 0 and x-ratelimit-reset), added latency per
//     call, and a log of every call by method and route template so tests
//     can assert exact calls.
//
// Routes are named by their template as GitHub's documentation writes
// them, for example "GET /repos/{owner}/{repo}/pulls/{pull_number}/files";
// see the Route* constants.
//
// A typical test:
//
//	fake := fakegithub.New(t, fakegithub.Options{AppID: 42})
//	fake.AddInstallation(7, "octo")
//	repo := fake.AddRepo("octo", "ml")
//	repo.Commit(base, map[string]string{"a.py": "x = 1\n"})
//	repo.Derive(head, base, map[string]string{"a.py": "x = 2\n"})
//	repo.AddPR(fakegithub.PR{Number: 1, BaseSHA: base, HeadSHA: head})
//	client := fake.HTTPClient(7) // carries an installation token
//	... run the code under test against fake.URL() ...
//	fake.Comments("octo", "ml", 1)
package fakegithub
