package webhook

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
	"github.com/rs/zerolog"

	"github.com/pyguard/pyguard/review"
)

// reviewArgs is a review job: a review.Target as river stores it. The
// unique fields make one job per (repository, PR, head SHA) while it
// waits or runs; once it has finished (or failed for good) a redelivery
// queues a new one.
type reviewArgs struct {
	DeliveryID     string `json:"delivery_id"`
	Event          string `json:"event"`
	InstallationID int64  `json:"installation_id"`
	Owner          string `json:"owner" river:"unique"`
	Repo           string `json:"repo" river:"unique"`
	Number         int    `json:"number" river:"unique"`
	HeadSHA        string `json:"head_sha" river:"unique"`
	// Rerun is the delivery id of an explicit re-run (empty for automatic
	// events): a person's re-run is its own job, even while a review of
	// the same head is still finishing.
	Rerun      string `json:"rerun,omitempty" river:"unique"`
	CheckRunID int64  `json:"check_run_id,omitempty"`
}

func (reviewArgs) Kind() string { return "pyguard_review" }

// Waiting and running jobs are unique; finished ones (completed,
// discarded, cancelled) are not, so a redelivery after a failure runs.
var uniqueStates = []rivertype.JobState{
	rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning,
	rivertype.JobStateRetryable, rivertype.JobStateScheduled,
}

func (reviewArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: uniqueStates}}
}

func argsOf(t review.Target) reviewArgs {
	a := reviewArgs{DeliveryID: t.DeliveryID, Event: t.Event, InstallationID: t.InstallationID,
		Owner: t.Owner, Repo: t.Repo, Number: t.Number, HeadSHA: t.HeadSHA, CheckRunID: t.CheckRunID}
	if explicit(t.Event) {
		a.Rerun = t.DeliveryID
	}
	return a
}

func (a reviewArgs) target() review.Target {
	return review.Target{DeliveryID: a.DeliveryID, Event: a.Event, InstallationID: a.InstallationID,
		Owner: a.Owner, Repo: a.Repo, Number: a.Number, HeadSHA: a.HeadSHA, CheckRunID: a.CheckRunID}
}

// explicit reports events a person asked for (re-runs): they always
// review, even a head reviewed before.
func explicit(event string) bool {
	switch event {
	case "check_suite.rerequested", "check_run.rerequested", "pull_request.ready_for_review":
		return true
	}
	return false
}

// reviewWorker runs review jobs.
type reviewWorker struct {
	river.WorkerDefaults[reviewArgs]
	q *JobQueue
}

// NextRetry spaces the attempts after transient failures (QueueConfig.RetryDelays), with jitter.
func (w *reviewWorker) NextRetry(job *river.Job[reviewArgs]) time.Time {
	return time.Now().Add(w.retryDelay(job.Attempt))
}

func (w *reviewWorker) retryDelay(attempt int) time.Duration {
	delays := w.q.cfg.RetryDelays
	d := delays[min(max(attempt-1, 0), len(delays)-1)]
	return d + time.Duration(rand.Int64N(int64(d/10)+1))
}

// Work runs one attempt and tells river what to do next: done, snoozed
// (a rate limit, the PR busy, a shutdown: attempts are not counted),
// retried with backoff (a transient failure) or cancelled (a refusal that
// would recur).
func (w *reviewWorker) Work(ctx context.Context, job *river.Job[reviewArgs]) error {
	q := w.q
	t := job.Args.target()
	log := JobLogger(q.log, t).With().Int64("job_id", job.ID).Int("attempt", job.Attempt).Logger()
	ctx = log.WithContext(ctx)

	checkRun, err := q.store.checkRunOf(ctx, job.ID)
	if err != nil {
		return fmt.Errorf("read the job's check run: %w", err)
	}
	lease := &jobLease{q: q, holder: fmt.Sprintf("%s/job-%d", q.holder, job.ID), event: t.Event, head: t.HeadSHA}
	hooks := review.JobHooks{
		Lock:       lease.lock,
		CheckRunID: checkRun,
		Resumed:    job.Attempt > 1 || len(job.AttemptedBy) > 1,
		CheckRunCreated: func(ctx context.Context, id int64) {
			if err := q.store.rememberCheckRun(ctx, job.ID, id, time.Now()); err != nil {
				log.Error().Err(err).Int64("check_run_id", id).Msg("could not record the job's check run")
			}
		},
		Resumes:     true,
		Retries:     job.Attempt < job.MaxAttempts,
		NextAttempt: time.Now().Add(w.retryDelay(job.Attempt)),
	}
	start := time.Now()
	log.Info().Dur("waited", start.Sub(job.CreatedAt)).Msg("review started")
	err = q.cfg.Runner.Review(review.WithJob(ctx, hooks), t)
	took := time.Since(start)
	now := time.Now()
	result := "success"
	defer func() { q.cfg.Metrics.ReviewDone(result, took) }()

	switch {
	case err == nil:
		if key := lease.reviewKey(); key != "" {
			if err := q.store.markReviewed(ctx, key, now); err != nil {
				log.Warn().Err(err).Msg("could not record the finished review")
			}
		}
		q.forget(ctx, job.ID, log)
		log.Info().Dur("took", took).Msg("review finished")
		return nil
	case errors.Is(err, review.ErrBusy):
		result = "busy"
		log.Info().Dur("retry_in", q.cfg.BusyDelay).Msg("another review of this pull request is running; waiting for it")
		return river.JobSnooze(q.cfg.BusyDelay)
	case q.stopping.Load() && ctx.Err() != nil:
		result = "interrupted"
		log.Warn().Dur("took", took).Msg("review interrupted by shutdown; it resumes at the next start")
		return river.JobSnooze(0)
	}
	if at, ok := review.RetryAt(err, now); ok {
		result = "rescheduled"
		wait := max(at.Sub(now), 0) + 250*time.Millisecond
		log.Warn().Err(err).Time("resume_at", at).Dur("took", took).Msg("rate limited by GitHub; review rescheduled")
		return river.JobSnooze(wait)
	}
	result = "error"
	if review.Permanent(err, now) {
		result = "failed"
		q.forget(ctx, job.ID, log)
		log.Error().Err(err).Dur("took", took).Msg("review failed: GitHub refused it; not retrying")
		return river.JobCancel(err)
	}
	if job.Attempt >= job.MaxAttempts {
		result = "failed"
		q.forget(ctx, job.ID, log)
		log.Error().Err(err).Dur("took", took).Msg("review failed: last attempt")
		return err
	}
	log.Warn().Err(err).Dur("took", took).Dur("retry_in", w.retryDelay(job.Attempt)).Msg("review failed; retrying")
	return err
}

// forget drops the job's check-run record once no attempt will follow.
func (q *JobQueue) forget(ctx context.Context, jobID int64, log zerolog.Logger) {
	if err := q.store.forgetCheckRun(context.WithoutCancel(ctx), jobID, time.Now()); err != nil {
		log.Warn().Err(err).Msg("could not drop the job's check-run record")
	}
}

// jobLease is one job's hold on its pull request.
type jobLease struct {
	q      *JobQueue
	holder string
	event  string
	head   string

	mu  sync.Mutex
	key string // the PR key once locked
}

func (l *jobLease) reviewKey() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.key == "" {
		return ""
	}
	return l.key + "@" + l.head
}

// lock implements review.JobHooks.Lock: the lease row of the PR, renewed
// while the review runs; the returned context ends if it is lost.
func (l *jobLease) lock(ctx context.Context, key string) (context.Context, func(), error) {
	q := l.q
	ttl := q.cfg.LeaseTTL
	ok, err := q.store.tryLease(ctx, key, l.holder, time.Now(), ttl)
	if err != nil {
		return nil, nil, fmt.Errorf("take the pull request's lease: %w", err)
	}
	if !ok {
		return nil, nil, review.ErrBusy
	}
	l.mu.Lock()
	l.key = key
	l.mu.Unlock()

	release := func() {
		if err := q.store.releaseLease(context.WithoutCancel(ctx), key, l.holder); err != nil {
			zerolog.Ctx(ctx).Warn().Err(err).Msg("could not release the pull request's lease; it expires by itself")
		}
	}
	if !explicit(l.event) {
		done, err := q.store.reviewed(ctx, key+"@"+l.head)
		if err != nil {
			release()
			return nil, nil, fmt.Errorf("read finished reviews: %w", err)
		}
		if done {
			release()
			return nil, nil, review.ErrAlreadyReviewed
		}
	}

	lctx, cancel := context.WithCancelCause(ctx)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(ttl / 3)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-lctx.Done():
				return
			case <-tick.C:
				ok, err := q.store.tryLease(lctx, key, l.holder, time.Now(), ttl)
				if err == nil && !ok {
					cancel(errors.New("the pull request's lease was lost"))
					return
				}
				if err != nil {
					zerolog.Ctx(ctx).Warn().Err(err).Msg("could not renew the pull request's lease")
				}
			}
		}
	}()
	var once sync.Once
	return lctx, func() {
		once.Do(func() {
			close(stop)
			wg.Wait()
			cancel(nil)
			release()
		})
	}, nil
}
