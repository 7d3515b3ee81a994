package review

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/google/go-github/v62/github"
	"github.com/rs/zerolog"

	"github.com/pyguard/pyguard/analyzer"
	"github.com/pyguard/pyguard/rules"
)

// DefaultDocsURL is where rule documentation pages live ("<ID>.md").
const DefaultDocsURL = "https://github.com/pyguard/pyguard/blob/main/docs/rules/"

// CheckName is the name of the check run the reviewer maintains.
const CheckName = "PyGuard"

// Reviewer reviews pull requests. Set Clients; the other fields have
// defaults. A Reviewer is safe for concurrent use by several jobs.
type Reviewer struct {
	// Clients returns a client for an installation. Authentication,
	// retries and rate-limit waits are the client's (its transport's).
	Clients func(ctx context.Context, installationID int64) (*github.Client, error)
	// Refresh, when set, forgets an installation's client (and so its
	// token): after a 401 the review asks for a new client once and goes on.
	Refresh func(installationID int64)
	// Rules default to rules.All().
	Rules  []*analyzer.Rule
	Logger zerolog.Logger
	// DocsURL is the base of rule documentation links; default DefaultDocsURL.
	DocsURL string
	// FetchConcurrency bounds concurrent file fetches; default 8.
	FetchConcurrency int
	// Now is the clock; default time.Now.
	Now func() time.Time

	// testHook, when set, is called at named stages of a job (tests use
	// it to inject failures).
	testHook func(stage string)
}

// completionTimeout bounds the deferred completion of a check run after
// the job's context has ended.
const completionTimeout = 30 * time.Second

// Review performs one review of t. It always completes the check run it
// started, also when the review fails or panics (conclusion failure with
// the reason). It returns an error when the review could not be done; a
// review that found problems is not an error.
func (r *Reviewer) Review(ctx context.Context, t Target) (err error) {
	j := r.newJob(ctx, t)
	start := j.now()
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: %v", p)
			j.log.Error().Str("panic", fmt.Sprint(p)).Str("stack", string(debug.Stack())).Msg("review panicked")
		}
		if err != nil {
			j.fail(ctx, err)
		}
		ev := j.log.Debug()
		if err != nil && !errors.Is(err, ErrBusy) {
			ev = j.log.Error().Err(err)
		}
		ev.Dur("elapsed", j.now().Sub(start)).Msg("review job done")
	}()
	j.log.Debug().Msg("review job started")
	if r.Clients == nil {
		return errors.New("review: Reviewer.Clients is not set")
	}
	if j.gh, err = r.Clients(ctx, t.InstallationID); err != nil {
		return fmt.Errorf("installation client: %w", err)
	}
	err = j.run(ctx)
	if Unauthorized(err) && r.Refresh != nil {
		// A revoked or expired token: a new client gets a new one. Once.
		j.log.Warn().Err(err).Msg("GitHub answered 401; refreshing the installation token and going on")
		r.Refresh(t.InstallationID)
		if j.gh, err = r.Clients(ctx, t.InstallationID); err != nil {
			return fmt.Errorf("installation client: %w", err)
		}
		j.resetForRetry()
		err = j.run(ctx)
	}
	return err
}

func (r *Reviewer) newJob(ctx context.Context, t Target) *job {
	j := &job{r: r, t: t, now: r.Now, docsURL: r.DocsURL, hooks: HooksOf(ctx)}
	if j.now == nil {
		j.now = time.Now
	}
	if j.docsURL == "" {
		j.docsURL = DefaultDocsURL
	}
	j.check.id = j.hooks.CheckRunID
	j.setLogger(ctx, t.Number)
	return j
}

// resetForRetry forgets what one run of the job learnt, except its check
// run, so that run can start over.
func (j *job) resetForRetry() {
	if j.release != nil {
		j.release()
		j.release = nil
	}
	check := j.check
	*j = job{r: j.r, t: j.t, gh: j.gh, log: j.log, now: j.now, docsURL: j.docsURL, hooks: j.hooks}
	j.check = check
}

func (r *Reviewer) hook(stage string) {
	if r.testHook != nil {
		r.testHook(stage)
	}
}

func (r *Reviewer) rules() []*analyzer.Rule {
	if r.Rules != nil {
		return r.Rules
	}
	return rules.All()
}

func (r *Reviewer) fetchConcurrency() int {
	if r.FetchConcurrency > 0 {
		return r.FetchConcurrency
	}
	return 8
}

// job is one review in progress.
type job struct {
	r       *Reviewer
	t       Target
	gh      *github.Client
	log     zerolog.Logger
	now     func() time.Time
	docsURL string

	number  int
	headSHA string
	baseSHA string
	baseRef string // the base branch; .pyguard.yml is read from its tip
	check   checkRun

	hooks   JobHooks
	release func() // the pull request's lease, once taken
}

// Log keys of a job's fields: go-githubapp's, the same as the webhook
// package's job logger, so the lines of one job line up.
const (
	logKeyDeliveryID     = "github_delivery_id"
	logKeyEvent          = "github_event"
	logKeyInstallationID = "github_installation_id"
	logKeyOwner          = "github_repository_owner"
	logKeyRepo           = "github_repository_name"
	logKeyPRNum          = "github_pr_num"
	logKeyHeadSHA        = "github_head_sha"
	logKeyCheckRunID     = "github_check_run_id"
)

// setLogger derives the job's logger from the Reviewer's (or, when that
// is unset, from the context's): every line carries the delivery,
// event, installation, repository, pull request and head SHA. It is
// derived again once a pull request found by head SHA has its number.
func (j *job) setLogger(ctx context.Context, number int) {
	base := j.r.Logger
	if reflect.ValueOf(base).IsZero() {
		base = *zerolog.Ctx(ctx)
	}
	c := base.With().
		Str(logKeyDeliveryID, j.t.DeliveryID).
		Str(logKeyEvent, j.t.Event).
		Int64(logKeyInstallationID, j.t.InstallationID).
		Str(logKeyOwner, j.t.Owner).
		Str(logKeyRepo, j.t.Repo).
		Int(logKeyPRNum, number).
		Str(logKeyHeadSHA, j.t.HeadSHA)
	if j.t.CheckRunID != 0 {
		c = c.Int64(logKeyCheckRunID, j.t.CheckRunID)
	}
	j.log = c.Logger()
}

func (j *job) run(ctx context.Context) error {
	t := j.t
	j.headSHA = t.HeadSHA
	number := t.Number
	if number == 0 {
		n, err := j.findPR(ctx)
		if err != nil {
			return err
		}
		if n == 0 && t.Event == "check_suite.requested" {
			// Every push to a branch sends one; a commit that is no pull
			// request's head gets no PyGuard check at all (no noise on main).
			j.log.Info().Msg("no open pull request has this commit as its head; no check run")
			return nil
		}
		if n == 0 {
			j.log.Info().Msg("no open pull request has this commit as its head")
			return j.completeNow(ctx, outcome{conclusion: "neutral", title: "No pull request to review",
				summary: "No open pull request has commit `" + short(t.HeadSHA) + "` as its head, so there is nothing to review. " +
					"PyGuard reviews the changes of pull requests."})
		}
		number = n
		j.setLogger(ctx, n)
	}
	j.number = number
	if j.hooks.Lock != nil {
		// One review of a pull request at a time, on every replica, whatever
		// mix of events (pull_request, check_suite by head SHA,
		// redeliveries) asked for it.
		lctx, release, err := j.hooks.Lock(ctx, t.Owner+"/"+t.Repo+"#"+strconv.Itoa(number))
		if errors.Is(err, ErrAlreadyReviewed) {
			j.log.Info().Msg("skipped: this head was already reviewed for an earlier event")
			return nil
		}
		if err != nil {
			return err
		}
		j.release = release
		defer func() {
			release()
			j.release = nil
		}()
		ctx = lctx
	}
	pr, _, err := j.gh.PullRequests.Get(ctx, t.Owner, t.Repo, number)
	if err != nil {
		return fmt.Errorf("get pull request #%d: %w", number, err)
	}
	head := pr.GetHead().GetSHA()
	if j.headSHA == "" {
		j.headSHA = head
	}
	if head != j.headSHA {
		j.log.Info().Str("pr_head_sha", head).Msg("skipped: the pull request's head moved past this commit; the newer push will be reviewed")
		return nil
	}
	j.baseSHA = pr.GetBase().GetSHA()
	j.baseRef = pr.GetBase().GetRef()
	return j.review(ctx, pr)
}

// findPR finds the open pull request whose head is t.HeadSHA. Check-suite
// payloads of pull requests from forks list no pull requests, so the
// commit is looked up; if GitHub lists none for it, the most recently
// updated open pull requests are searched by head SHA.
func (j *job) findPR(ctx context.Context) (int, error) {
	t := j.t
	prs, _, err := j.gh.PullRequests.ListPullRequestsWithCommit(ctx, t.Owner, t.Repo, t.HeadSHA, &github.ListOptions{PerPage: 100})
	if err != nil && !isStatus(err, 404, 422) {
		return 0, fmt.Errorf("list pull requests of commit %s: %w", short(t.HeadSHA), err)
	}
	if n := pickPR(prs, t.HeadSHA); n != 0 {
		return n, nil
	}
	open, _, err := j.gh.PullRequests.List(ctx, t.Owner, t.Repo, &github.PullRequestListOptions{
		State: "open", Sort: "updated", Direction: "desc", ListOptions: github.ListOptions{PerPage: 100}})
	if err != nil {
		if isStatus(err, 404) {
			return 0, nil
		}
		return 0, fmt.Errorf("list open pull requests: %w", err)
	}
	return pickPR(open, t.HeadSHA), nil
}

// pickPR is the lowest-numbered open pull request whose head is sha.
func pickPR(prs []*github.PullRequest, sha string) int {
	n := 0
	for _, p := range prs {
		if p.GetState() == "open" && p.GetHead().GetSHA() == sha && (n == 0 || p.GetNumber() < n) {
			n = p.GetNumber()
		}
	}
	return n
}

// isStatus reports whether err is a GitHub error response with one of
// the status codes.
func isStatus(err error, codes ...int) bool {
	var er *github.ErrorResponse
	if !errors.As(err, &er) || er.Response == nil {
		return false
	}
	for _, c := range codes {
		if er.Response.StatusCode == c {
			return true
		}
	}
	return false
}

func short(sha string) string {
	if len(sha) > 7 {
		return sha[:7]
	}
	return sha
}

// allPages collects every page of a list call (per_page 100).
func allPages[T any](ctx context.Context, list func(opt github.ListOptions) ([]T, *github.Response, error)) ([]T, error) {
	var out []T
	opt := github.ListOptions{PerPage: 100}
	for {
		items, resp, err := list(opt)
		if err != nil {
			return nil, err
		}
		out = append(out, items...)
		if resp == nil || resp.NextPage == 0 {
			return out, nil
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		opt.Page = resp.NextPage
	}
}
