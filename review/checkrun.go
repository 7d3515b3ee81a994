package review

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/go-github/v62/github"
)

// maxAnnotationsPerRequest is GitHub's limit of annotations per check-run
// request; more are sent in further updates, which GitHub appends.
const maxAnnotationsPerRequest = 50

// checkRun is the job's check run.
type checkRun struct {
	id        int64
	completed bool
}

// outcome is how a check run is completed.
type outcome struct {
	conclusion  string // success, failure, neutral, cancelled, action_required
	title       string
	summary     string
	annotations []*github.CheckRunAnnotation
}

func (j *job) timestamp() *github.Timestamp { return &github.Timestamp{Time: j.now()} }

// startCheck marks the check run in progress: the run an earlier attempt
// of this job created, when there is one; else a new run on the head
// commit, which the job's hooks remember at once.
func (j *job) startCheck(ctx context.Context) error {
	out := &github.CheckRunOutput{
		Title:   github.String("Reviewing…"),
		Summary: github.String("PyGuard is reviewing the Python changes of this pull request."),
	}
	// A re-requested run is not restarted: GitHub appends the annotations
	// of every update, so a re-run gets a new run on the head (as GitHub's
	// documentation asks) and no run carries an annotation twice.
	id, why := j.check.id, "resuming the check run an earlier attempt created"
	if id == 0 && j.hooks.Resumed {
		id = j.orphanedRun(ctx)
	}
	if id != 0 {
		_, _, err := j.gh.Checks.UpdateCheckRun(ctx, j.t.Owner, j.t.Repo, id, github.UpdateCheckRunOptions{
			Name: CheckName, Status: github.String("in_progress"), Output: out,
		})
		if err == nil {
			j.check.id = id
			j.log.Info().Int64("check_run_id", id).Msg(why)
			return nil
		}
		if !isStatus(err, 404, 422) {
			return fmt.Errorf("restart check run %d: %w", id, err)
		}
		j.check.id = 0
		j.log.Warn().Err(err).Int64("check_run_id", id).Msg("cannot restart the check run; creating a new one")
	}
	run, _, err := j.gh.Checks.CreateCheckRun(ctx, j.t.Owner, j.t.Repo, github.CreateCheckRunOptions{
		Name: CheckName, HeadSHA: j.headSHA, Status: github.String("in_progress"),
		StartedAt: j.timestamp(), ExternalID: nonEmpty(j.t.DeliveryID), Output: out,
	})
	if err != nil {
		return fmt.Errorf("create check run: %w", err)
	}
	j.check.id = run.GetID()
	if j.hooks.CheckRunCreated != nil {
		j.hooks.CheckRunCreated(ctx, j.check.id)
	}
	j.log.Info().Int64("check_run_id", j.check.id).Msg("check run in progress")
	return nil
}

// orphanedRun finds a PyGuard run left in progress on the head by an
// earlier attempt that died before recording it (0: none). The job holds
// the pull request's lease, so no other review owns such a run.
func (j *job) orphanedRun(ctx context.Context) int64 {
	res, _, err := j.gh.Checks.ListCheckRunsForRef(ctx, j.t.Owner, j.t.Repo, j.headSHA, &github.ListCheckRunsOptions{
		CheckName: github.String(CheckName), Status: github.String("in_progress"), Filter: github.String("latest"),
		ListOptions: github.ListOptions{PerPage: 100},
	})
	if err != nil {
		j.log.Debug().Err(err).Msg("could not look for a check run an earlier attempt left")
		return 0
	}
	var id int64
	for _, r := range res.CheckRuns {
		if r.GetStatus() == "in_progress" && r.GetName() == CheckName && r.GetID() > id {
			id = r.GetID()
		}
	}
	return id
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// completeNow completes a new check run for an outcome reached before one
// was started (a re-run asked for a commit with no pull request).
func (j *job) completeNow(ctx context.Context, o outcome) error {
	return j.complete(ctx, o)
}

// complete sends the outcome: annotations in batches of at most 50, the
// last batch with the completing update.
func (j *job) complete(ctx context.Context, o outcome) error {
	owner, repo := j.t.Owner, j.t.Repo
	batches := chunk(o.annotations, maxAnnotationsPerRequest)
	if j.check.id == 0 && len(batches) <= 1 {
		run, _, err := j.gh.Checks.CreateCheckRun(ctx, owner, repo, github.CreateCheckRunOptions{
			Name: CheckName, HeadSHA: j.headSHA, Status: github.String("completed"), Conclusion: github.String(o.conclusion),
			StartedAt: j.timestamp(), CompletedAt: j.timestamp(), ExternalID: nonEmpty(j.t.DeliveryID),
			Output: output(o, first(batches)),
		})
		if err != nil {
			return fmt.Errorf("create completed check run: %w", err)
		}
		j.check.id, j.check.completed = run.GetID(), true
		j.logCompleted(o)
		return nil
	}
	if j.check.id == 0 {
		if err := j.startCheck(ctx); err != nil {
			return err
		}
	}
	for i := 0; i+1 < len(batches); i++ {
		if _, _, err := j.gh.Checks.UpdateCheckRun(ctx, owner, repo, j.check.id, github.UpdateCheckRunOptions{
			Name: CheckName, Output: output(o, batches[i]),
		}); err != nil {
			return fmt.Errorf("send annotations (batch %d of %d): %w", i+1, len(batches), err)
		}
	}
	var last []*github.CheckRunAnnotation
	if len(batches) > 0 {
		last = batches[len(batches)-1]
	}
	if _, _, err := j.gh.Checks.UpdateCheckRun(ctx, owner, repo, j.check.id, github.UpdateCheckRunOptions{
		Name: CheckName, Status: github.String("completed"), Conclusion: github.String(o.conclusion),
		CompletedAt: j.timestamp(), Output: output(o, last),
	}); err != nil {
		return fmt.Errorf("complete check run: %w", err)
	}
	j.check.completed = true
	j.logCompleted(o)
	return nil
}

func (j *job) logCompleted(o outcome) {
	j.log.Info().Int64("check_run_id", j.check.id).Str("conclusion", o.conclusion).
		Int("annotations", len(o.annotations)).Str("title", o.title).Msg("check run completed")
}

func output(o outcome, annotations []*github.CheckRunAnnotation) *github.CheckRunOutput {
	return &github.CheckRunOutput{Title: github.String(o.title), Summary: github.String(o.summary), Annotations: annotations}
}

func first[T any](batches [][]T) []T {
	if len(batches) == 0 {
		return nil
	}
	return batches[0]
}

func chunk[T any](items []T, n int) [][]T {
	var out [][]T
	for len(items) > n {
		out = append(out, items[:n])
		items = items[n:]
	}
	if len(items) > 0 {
		out = append(out, items)
	}
	return out
}

// fail completes the check run after an error or panic, so it never keeps
// spinning: conclusion failure with the reason (cancelled when the job's
// context ended). When the queue will try again (a rate limit, GitHub
// unavailable, the server stopping, another review of the PR running), the
// run instead stays in progress and says when the next attempt is due. It
// uses a fresh context when the job's has ended.
func (j *job) fail(ctx context.Context, cause error) {
	if j.gh == nil || j.check.completed || (j.headSHA == "" && j.t.HeadSHA == "") {
		return
	}
	if j.headSHA == "" {
		j.headSHA = j.t.HeadSHA
	}
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), completionTimeout)
	defer cancel()
	if note, ok := j.retryNote(ctx, cause); ok {
		j.noteWaiting(cctx, note)
		return
	}
	conclusion, title := "failure", "PyGuard could not complete the review"
	reason := cause.Error()
	if ctx.Err() != nil || errors.Is(cause, context.Canceled) || errors.Is(cause, context.DeadlineExceeded) {
		conclusion, title = "cancelled", "PyGuard's review was interrupted"
		reason = "The review was interrupted before it finished (" + reason + "). Re-run the check to review again."
	} else {
		reason = "The review failed: " + reason + "\n\nRe-run the check to try again; if it keeps failing, report it with the delivery id `" + j.t.DeliveryID + "`."
	}
	if err := j.complete(cctx, outcome{conclusion: conclusion, title: title, summary: truncate(reason, maxSummary)}); err != nil {
		j.log.Error().Err(err).Msg("could not complete the check run after a failure")
	}
}

// retryNote is what the check run says while the job waits for its next
// attempt; ok is false when no attempt will follow (the error is final).
func (j *job) retryNote(ctx context.Context, cause error) (note string, ok bool) {
	if !j.hooks.Resumes {
		return "", false
	}
	now := j.now()
	if at, ok := RetryAt(cause, now); ok {
		return "Waiting for GitHub's rate limit until " + at.UTC().Format("15:04") + " UTC; the review resumes then.", true
	}
	switch {
	case errors.Is(cause, ErrBusy):
		return "", true // nothing to say: the run belongs to a review that waits its turn
	case ctx.Err() != nil || errors.Is(cause, context.Canceled):
		return "PyGuard was interrupted (the server is restarting); the review resumes when it is back.", true
	case Transient(cause) && j.hooks.Retries:
		note := "GitHub's API is failing (" + clip(cause.Error(), 300) + "); PyGuard tries again"
		if at := j.hooks.NextAttempt; !at.IsZero() {
			note += " at " + at.UTC().Format("15:04") + " UTC"
		}
		return note + ".", true
	}
	return "", false
}

// noteWaiting keeps the check run in progress with the note, best effort:
// during an outage or a rate limit the update may fail too.
func (j *job) noteWaiting(ctx context.Context, note string) {
	if j.check.id == 0 || note == "" {
		return
	}
	// A client of its own: go-github refuses every call locally while a
	// secondary limit it has seen lasts, and this one may get through.
	gh := github.NewClient(j.gh.Client())
	gh.BaseURL, gh.UploadURL, gh.UserAgent = j.gh.BaseURL, j.gh.UploadURL, j.gh.UserAgent
	_, _, err := gh.Checks.UpdateCheckRun(ctx, j.t.Owner, j.t.Repo, j.check.id, github.UpdateCheckRunOptions{
		Name: CheckName, Status: github.String("in_progress"),
		Output: &github.CheckRunOutput{Title: github.String("Waiting to retry"), Summary: github.String(note)},
	})
	if err != nil {
		j.log.Debug().Err(err).Msg("could not note the retry on the check run")
	}
}
