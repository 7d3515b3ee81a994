package review

import (
	"context"
	"errors"
	"time"
)

// JobHooks connect a review to the durable job that runs it (see the
// webhook package). A review without them (tests, one-off runs) behaves as
// a single attempt: every failure completes its check run.
type JobHooks struct {
	// Lock takes the lease of one pull request (key "owner/repo#n"), held
	// across replicas, and returns a context that ends if the lease is lost
	// and a release func. It returns ErrBusy while another review holds it.
	Lock func(ctx context.Context, key string) (context.Context, func(), error)
	// CheckRunID is the check run an earlier attempt of this job created
	// (0: none); the review completes that run instead of starting another.
	CheckRunID int64
	// Resumed is true when an earlier attempt of this job ran (it failed,
	// or its process died): a PyGuard run left in progress on the head is
	// that attempt's, even if it could not record it.
	Resumed bool
	// CheckRunCreated remembers the check run this attempt created, before
	// anything else happens, so that an attempt after a crash finds it.
	CheckRunCreated func(ctx context.Context, id int64)
	// Resumes is true when a queue runs the review: a job that waits for a
	// rate limit, for another review of the PR or for a restart of the
	// server resumes later, so its check run stays in progress (saying
	// why) instead of being completed as failed.
	Resumes bool
	// Retries is true when the queue will run the job again after a
	// transient failure (GitHub unavailable): the check run stays in
	// progress until the last attempt.
	Retries bool
	// NextAttempt is when the queue will try again after a transient failure.
	NextAttempt time.Time
}

// ErrAlreadyReviewed is what Lock returns when this head of the pull
// request was reviewed already by a job of an automatic event (a companion
// event or a redelivery): the review ends quietly.
var ErrAlreadyReviewed = errors.New("this head commit of the pull request was already reviewed")

type jobHooksKey struct{}

// WithJob attaches the hooks of the job running a review to ctx.
func WithJob(ctx context.Context, h JobHooks) context.Context {
	return context.WithValue(ctx, jobHooksKey{}, h)
}

// HooksOf returns the hooks WithJob attached (zero without a job).
func HooksOf(ctx context.Context) JobHooks {
	h, _ := ctx.Value(jobHooksKey{}).(JobHooks)
	return h
}
