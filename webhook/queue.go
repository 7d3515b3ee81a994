package webhook

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/pyguard/pyguard/review"
)

// Runner performs one review. *review.Reviewer satisfies it. The context
// carries the job's logger (zerolog.Ctx(ctx)) with the delivery id,
// installation, repository, PR number and head SHA already attached; it is
// cancelled when a shutdown deadline passes or the job times out.
type Runner interface {
	Review(ctx context.Context, t review.Target) error
}

// Queue holds accepted review targets until a worker runs them. The
// in-memory implementation is MemoryQueue; a durable queue can be plugged
// in through Config.Queue.
type Queue interface {
	// Enqueue offers t. It reports false when the queue cannot take it
	// (full, or shutting down); the receiver then answers 503. It must not
	// block and must not call GitHub.
	Enqueue(t review.Target) (accepted bool)
	// Shutdown stops accepting, runs what was accepted until ctx expires and
	// logs, with its delivery id, anything that could not finish. It
	// returns ctx.Err() when work was dropped, nil when everything ran.
	Shutdown(ctx context.Context) error
}

// MemoryQueueConfig configures a MemoryQueue.
type MemoryQueueConfig struct {
	Runner  Runner
	Workers int // concurrent reviews; default 4
	// Size bounds the targets waiting to start (distinct pull requests, as
	// targets for one PR coalesce); default 1000.
	Size int
	// JobTimeout bounds one review; 0 means 30 minutes, negative means none.
	JobTimeout time.Duration
	Logger     zerolog.Logger
}

const (
	defaultWorkers    = 4
	defaultQueueSize  = 1000
	defaultJobTimeout = 30 * time.Minute
)

// MemoryQueue is an in-process Queue with a bounded worker pool.
//
// Coalescing is per review.Target.Key (one pull request, or one head commit
// when the PR number is unknown):
//   - at most one target per key waits; a newer target replaces the waiting
//     one (a newer head supersedes queued work for an older one; the
//     replacement keeps its place in line);
//   - at most one review per key runs; a target arriving while its key runs
//     waits and starts when that review ends, so one PR is never reviewed
//     twice at once;
//   - different keys run concurrently, up to Workers.
type MemoryQueue struct {
	runner  Runner
	log     zerolog.Logger
	timeout time.Duration
	size    int

	baseCtx context.Context // parent of every job's context
	cancel  context.CancelFunc

	mu        sync.Mutex
	cond      *sync.Cond
	pending   map[string]queued // key → the one target waiting for it
	ready     []string          // keys that can start now, in arrival order
	running   map[string]queued // key → the target being reviewed
	closed    bool              // Shutdown called: no new targets
	abandoned bool              // Shutdown deadline passed: start nothing more

	done         chan struct{} // closed when every worker has exited
	shutdownOnce sync.Once
	shutdownErr  error
}

type queued struct {
	t  review.Target
	at time.Time // when it was (last) accepted
}

// NewMemoryQueue starts the workers and returns the queue.
func NewMemoryQueue(cfg MemoryQueueConfig) *MemoryQueue {
	if cfg.Workers <= 0 {
		cfg.Workers = defaultWorkers
	}
	if cfg.Size <= 0 {
		cfg.Size = defaultQueueSize
	}
	switch {
	case cfg.JobTimeout == 0:
		cfg.JobTimeout = defaultJobTimeout
	case cfg.JobTimeout < 0:
		cfg.JobTimeout = 0
	}
	ctx, cancel := context.WithCancel(context.Background())
	q := &MemoryQueue{
		runner:  cfg.Runner,
		log:     cfg.Logger,
		timeout: cfg.JobTimeout,
		size:    cfg.Size,
		baseCtx: ctx,
		cancel:  cancel,
		pending: map[string]queued{},
		running: map[string]queued{},
		done:    make(chan struct{}),
	}
	q.cond = sync.NewCond(&q.mu)
	var wg sync.WaitGroup
	for i := 0; i < cfg.Workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q.work()
		}()
	}
	go func() {
		wg.Wait()
		close(q.done)
	}()
	return q
}

// Enqueue implements Queue.
func (q *MemoryQueue) Enqueue(t review.Target) bool {
	key := t.Key()
	now := time.Now()
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed {
		JobLogger(q.log, t).Warn().Msg("not queued: shutting down")
		return false
	}
	if old, ok := q.pending[key]; ok {
		merged := t
		if merged.HeadSHA == old.t.HeadSHA && merged.CheckRunID == 0 {
			// Same commit: keep the specific check run a re-run asked for.
			merged.CheckRunID = old.t.CheckRunID
		}
		q.pending[key] = queued{t: merged, at: now}
		msg := "superseded by a newer head before it started"
		if old.t.HeadSHA == t.HeadSHA {
			msg = "coalesced with a newer delivery for the same head before it started"
		}
		JobLogger(q.log, old.t).Info().
			Str("superseded_by_delivery_id", t.DeliveryID).
			Str("superseded_by_head_sha", t.HeadSHA).
			Msg(msg)
		return true
	}
	if len(q.pending) >= q.size {
		JobLogger(q.log, t).Warn().Int("queue_size", q.size).Msg("not queued: queue full")
		return false
	}
	q.pending[key] = queued{t: t, at: now}
	_, busy := q.running[key]
	if !busy {
		q.ready = append(q.ready, key)
		q.cond.Signal()
	}
	JobLogger(q.log, t).Debug().Bool("behind_running_review", busy).Msg("queued")
	return true
}

// work is one worker's loop.
func (q *MemoryQueue) work() {
	for {
		q.mu.Lock()
		for len(q.ready) == 0 && !q.closed && !q.abandoned {
			q.cond.Wait()
		}
		if q.abandoned || len(q.ready) == 0 {
			// Closed and nothing startable. A target parked behind a running
			// review is started by the worker that finishes that review.
			q.mu.Unlock()
			return
		}
		key := q.ready[0]
		q.ready[0] = ""
		q.ready = q.ready[1:]
		job := q.pending[key]
		delete(q.pending, key)
		q.running[key] = job
		q.mu.Unlock()

		q.run(job)

		q.mu.Lock()
		delete(q.running, key)
		if _, ok := q.pending[key]; ok && !q.abandoned {
			q.ready = append(q.ready, key)
			q.cond.Signal()
		}
		q.mu.Unlock()
	}
}

// run reviews one target; a panic in the Runner is recovered and logged so
// the worker keeps going.
func (q *MemoryQueue) run(job queued) {
	logger := JobLogger(q.log, job.t)
	ctx := logger.WithContext(q.baseCtx)
	if q.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, q.timeout)
		defer cancel()
	}
	start := time.Now()
	logger.Info().Dur("waited", start.Sub(job.at)).Msg("review started")
	defer func() {
		if v := recover(); v != nil {
			logger.Error().
				Str("panic", fmt.Sprint(v)).
				Str("stack", string(debug.Stack())).
				Dur("took", time.Since(start)).
				Msg("review panicked; worker continues")
		}
	}()
	if err := q.runner.Review(ctx, job.t); err != nil {
		logger.Error().Err(err).Dur("took", time.Since(start)).Msg("review failed")
		return
	}
	logger.Info().Dur("took", time.Since(start)).Msg("review finished")
}

// Shutdown implements Queue: it stops accepting, lets running reviews finish
// and starts the queued ones until ctx expires. Then it logs every target
// that never started and every review still running as "dropped on
// shutdown" (with its delivery id), cancels the running reviews' context and
// returns ctx.Err(). Later calls return the first call's result.
func (q *MemoryQueue) Shutdown(ctx context.Context) error {
	q.shutdownOnce.Do(func() { q.shutdownErr = q.shutdown(ctx) })
	return q.shutdownErr
}

func (q *MemoryQueue) shutdown(ctx context.Context) error {
	q.mu.Lock()
	q.closed = true
	waiting := len(q.pending)
	inFlight := len(q.running)
	q.cond.Broadcast()
	q.mu.Unlock()
	q.log.Info().Int("queued", waiting).Int("running", inFlight).Msg("draining review queue")

	select {
	case <-q.done:
		q.cancel()
		q.log.Info().Msg("review queue drained")
		return nil
	case <-ctx.Done():
	}

	q.mu.Lock()
	q.abandoned = true
	var never, cut []queued
	for _, key := range q.ready {
		never = append(never, q.pending[key])
		delete(q.pending, key)
	}
	for _, job := range q.pending { // parked behind a running review
		never = append(never, job)
	}
	for _, job := range q.running {
		cut = append(cut, job)
	}
	q.ready = nil
	q.pending = map[string]queued{}
	q.cond.Broadcast()
	q.mu.Unlock()

	for _, job := range never {
		JobLogger(q.log, job.t).Error().Str("reason", "not started before the shutdown deadline").Msg("dropped on shutdown")
	}
	for _, job := range cut {
		JobLogger(q.log, job.t).Error().Str("reason", "still running at the shutdown deadline; cancelled").Msg("dropped on shutdown")
	}
	q.cancel()
	return ctx.Err()
}

// Stats reports how many targets wait and how many reviews run.
func (q *MemoryQueue) Stats() (queued, running int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.pending), len(q.running)
}
