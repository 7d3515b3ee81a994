package webhook

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"
	"github.com/rs/zerolog"

	"github.com/pyguard/pyguard/internal/metrics"
	"github.com/pyguard/pyguard/review"
)

// Runner performs one review. *review.Reviewer satisfies it. The context
// carries the job's logger (zerolog.Ctx(ctx)) with the delivery id,
// installation, repository, PR number and head SHA attached, and the job's
// hooks (review.WithJob).
type Runner interface {
	Review(ctx context.Context, t review.Target) error
}

// Queue holds accepted review targets until a worker runs them.
type Queue interface {
	// Enqueue commits t as a job. coalesced is true when an equal job
	// (same repository, PR and head) was already waiting or running. It
	// must not call GitHub.
	Enqueue(ctx context.Context, t review.Target) (coalesced bool, err error)
	// Shutdown stops taking jobs, lets running reviews finish until ctx
	// ends, then interrupts them: they go back to the queue and resume at
	// the next start. Nothing is dropped.
	Shutdown(ctx context.Context) error
}

// QueueConfig configures a JobQueue.
type QueueConfig struct {
	// DatabaseURL: "sqlite://PATH" (the default, DefaultDatabaseURL) or
	// "postgres://…" for several replicas.
	DatabaseURL string
	Runner      Runner
	Workers     int // concurrent reviews per process; default 4
	// JobTimeout bounds one attempt; default 15 minutes.
	JobTimeout time.Duration
	// RetryDelays are the waits after each failed attempt; the job fails
	// for good after len(RetryDelays)+1 attempts. The default waits 15 s,
	// 30 s, 1, 2, 4, 8 and 15 minutes: over 30 minutes in all.
	RetryDelays []time.Duration
	// LeaseTTL is how long a pull request's lease outlives its holder
	// (renewed every third of it while the review runs); default 1 minute.
	LeaseTTL time.Duration
	// BusyDelay is how long a job waits when another review of its PR
	// runs; default 5 s.
	BusyDelay time.Duration
	// PollInterval is how often idle workers look for due jobs (retries,
	// rescheduled ones, and with SQLite, which has no notifications, new
	// ones); default 250 ms with SQLite, 1 s with PostgreSQL.
	PollInterval time.Duration
	// ID names this process among replicas (river's client id); default
	// host:pid:start.
	ID string
	// Metrics records review durations and serves job counts; nil: none.
	Metrics *metrics.Metrics
	Logger  zerolog.Logger
}

// Defaults of QueueConfig.
var defaultRetryDelays = []time.Duration{
	15 * time.Second, 30 * time.Second, time.Minute, 2 * time.Minute,
	4 * time.Minute, 8 * time.Minute, 15 * time.Minute,
}

const (
	defaultWorkers    = 4
	defaultJobTimeout = 15 * time.Minute
	defaultLeaseTTL   = time.Minute
	defaultBusyDelay  = 5 * time.Second
	reviewedRetention = 30 * 24 * time.Hour
)

// riverClient is what the queue uses of river's client, whatever the
// driver's transaction type.
type riverClient interface {
	InsertMany(ctx context.Context, params []river.InsertManyParams) ([]*rivertype.JobInsertResult, error)
	Start(ctx context.Context) error
	Stop(ctx context.Context) error
	StopAndCancel(ctx context.Context) error
}

// JobQueue is the durable review queue: river jobs in SQLite or
// PostgreSQL. Each accepted webhook is one committed job, unique per
// (repository, PR, head SHA) while it waits or runs, so bursts and
// redeliveries coalesce; a failed attempt is retried with backoff, a rate
// limit reschedules it, a crash or a shutdown leaves it to the next start.
type JobQueue struct {
	cfg      QueueConfig
	log      zerolog.Logger
	store    *store
	client   riverClient
	holder   string
	stopping atomic.Bool
	started  atomic.Bool

	inserts  chan insertReq // to insertLoop
	quit     chan struct{}  // closed by Shutdown
	quitOnce sync.Once
}

// insertReq is one Enqueue waiting for its commit.
type insertReq struct {
	args reviewArgs
	done chan insertResult
}

type insertResult struct {
	coalesced bool
	err       error
}

// maxInsertBatch bounds the jobs committed in one transaction.
const maxInsertBatch = 256

// OpenQueue opens the database, applies river's migrations and ours, and
// builds the client; Start starts the workers.
func OpenQueue(ctx context.Context, cfg QueueConfig) (*JobQueue, error) {
	if cfg.Runner == nil {
		return nil, errors.New("webhook: the queue needs a Runner")
	}
	if cfg.Workers <= 0 {
		cfg.Workers = defaultWorkers
	}
	if cfg.JobTimeout <= 0 {
		cfg.JobTimeout = defaultJobTimeout
	}
	if len(cfg.RetryDelays) == 0 {
		cfg.RetryDelays = defaultRetryDelays
	}
	if cfg.LeaseTTL <= 0 {
		cfg.LeaseTTL = defaultLeaseTTL
	}
	if cfg.BusyDelay <= 0 {
		cfg.BusyDelay = defaultBusyDelay
	}
	if cfg.ID == "" {
		cfg.ID = holderID()
	}
	st, err := openStore(ctx, cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = time.Second
		if st.sqlite != nil {
			cfg.PollInterval = 250 * time.Millisecond
		}
	}
	q := &JobQueue{cfg: cfg, log: cfg.Logger, store: st, holder: cfg.ID,
		inserts: make(chan insertReq), quit: make(chan struct{})}
	cfg.Metrics.SetJobSource(q.jobStats)

	workers := river.NewWorkers()
	if err := river.AddWorkerSafely(workers, &reviewWorker{q: q}); err != nil {
		st.close()
		return nil, err
	}
	rc := &river.Config{
		ID:                   sanitizeClientID(cfg.ID),
		Queues:               map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.Workers}},
		Workers:              workers,
		JobTimeout:           cfg.JobTimeout,
		RescueStuckJobsAfter: cfg.JobTimeout + 5*time.Minute,
		MaxAttempts:          len(cfg.RetryDelays) + 1,
		FetchPollInterval:    cfg.PollInterval,
		FetchCooldown:        min(100*time.Millisecond, cfg.PollInterval),
		Logger:               slogFor(cfg.Logger.With().Str("component", "river").Logger()),
	}
	switch {
	case st.pg != nil:
		drv := riverpgxv5.New(st.pg)
		if err := migratePostgres(ctx, st, drv); err != nil {
			st.close()
			return nil, err
		}
		c, err := river.NewClient[pgx.Tx](drv, rc)
		if err != nil {
			st.close()
			return nil, err
		}
		q.client = c
	default:
		drv := riversqlite.New(st.sqlite)
		if err := migrate[*sql.Tx](ctx, drv, st); err != nil {
			st.close()
			return nil, err
		}
		rc.PollOnly = true // no LISTEN/NOTIFY in SQLite
		c, err := river.NewClient[*sql.Tx](drv, rc)
		if err != nil {
			st.close()
			return nil, err
		}
		q.client = c
	}
	go q.insertLoop()
	return q, nil
}

func migrate[TTx any](ctx context.Context, drv riverdriver.Driver[TTx], st *store) error {
	m, err := rivermigrate.New[TTx](drv, nil)
	if err != nil {
		return fmt.Errorf("database %s: %w", st.where, err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("database %s: migrate: %w", st.where, err)
	}
	return nil
}

// migratePostgres migrates under an advisory lock, so replicas starting
// together do not race.
func migratePostgres(ctx context.Context, st *store, drv *riverpgxv5.Driver) error {
	conn, err := st.pg.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("database %s: %w", st.where, err)
	}
	defer conn.Release()
	const lockKey = 0x70796775 // "pygu"
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", lockKey); err != nil {
		return fmt.Errorf("database %s: %w", st.where, err)
	}
	defer func() { _, _ = conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", lockKey) }()
	return migrate[pgx.Tx](ctx, drv, st)
}

// Start rescues what a killed process left running (SQLite), prunes old
// records and starts the workers.
func (q *JobQueue) Start(ctx context.Context) error {
	if n, err := q.store.rescueOrphans(ctx); err != nil {
		return fmt.Errorf("database %s: %w", q.store.where, err)
	} else if n > 0 {
		q.log.Warn().Int64("jobs", n).Msg("resuming reviews that were running when the server last stopped")
	}
	if err := q.store.pruneReviewed(ctx, time.Now().Add(-reviewedRetention)); err != nil {
		q.log.Warn().Err(err).Msg("could not prune old review records")
	}
	// The workers' context is not ctx: Shutdown decides when they stop.
	if err := q.client.Start(context.WithoutCancel(ctx)); err != nil {
		return err
	}
	q.started.Store(true)
	q.log.Info().Str("database", q.store.kind()).Str("where", q.store.where).Int("workers", q.cfg.Workers).
		Msg("review queue started")
	return nil
}

// Enqueue implements Queue: it returns once the job is committed.
// Concurrent calls share a transaction (see insertLoop).
func (q *JobQueue) Enqueue(ctx context.Context, t review.Target) (bool, error) {
	if q.stopping.Load() {
		return false, errShuttingDown
	}
	req := insertReq{args: argsOf(t), done: make(chan insertResult, 1)}
	select {
	case q.inserts <- req:
	case <-q.quit:
		return false, errShuttingDown
	case <-ctx.Done():
		return false, ctx.Err()
	}
	select {
	case r := <-req.done:
		return r.coalesced, r.err
	case <-ctx.Done():
		// It may still commit; a redelivery would then coalesce into it.
		return false, ctx.Err()
	}
}

// insertLoop commits jobs: each transaction takes every Enqueue waiting
// at that moment (group commit), so 200 deliveries at once cost a few
// commits, not 200, and none waits for a timer.
func (q *JobQueue) insertLoop() {
	for {
		var first insertReq
		select {
		case first = <-q.inserts:
		case <-q.quit:
			return
		}
		batch := []insertReq{first}
	gather:
		for len(batch) < maxInsertBatch {
			select {
			case r := <-q.inserts:
				batch = append(batch, r)
			default:
				break gather
			}
		}
		params := make([]river.InsertManyParams, len(batch))
		for i, r := range batch {
			params[i] = river.InsertManyParams{Args: r.args}
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		res, err := q.client.InsertMany(ctx, params)
		cancel()
		for i, r := range batch {
			switch {
			case err != nil:
				r.done <- insertResult{err: fmt.Errorf("queue the review: %w", err)}
			case i < len(res) && res[i] != nil:
				r.done <- insertResult{coalesced: res[i].UniqueSkippedAsDuplicate}
			default:
				r.done <- insertResult{err: errors.New("queue the review: no result from the database")}
			}
		}
	}
}

// Shutdown implements Queue.
func (q *JobQueue) Shutdown(ctx context.Context) error {
	q.stopping.Store(true)
	q.quitOnce.Do(func() { close(q.quit) })
	if !q.started.Load() {
		q.store.close()
		return nil
	}
	err := q.client.Stop(ctx)
	if err != nil {
		// The grace period is over: interrupt the running reviews. Their
		// jobs are snoozed (see Work) and resume at the next start.
		q.log.Warn().Msg("grace period over: interrupting running reviews; they resume at the next start")
		cctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		err = q.client.StopAndCancel(cctx)
	}
	q.store.close()
	return err
}

// Stats is the number of jobs per state.
func (q *JobQueue) Stats(ctx context.Context) (map[string]int, error) {
	return q.store.jobCounts(ctx)
}

func (q *JobQueue) jobStats(ctx context.Context) (metrics.JobStats, error) {
	counts, err := q.store.jobCounts(ctx)
	if err != nil {
		return metrics.JobStats{}, err
	}
	oldest, err := q.store.oldestAvailable(ctx, time.Now())
	return metrics.JobStats{ByState: counts, OldestAvailable: oldest}, err
}

// sanitizeClientID keeps river's client id to the characters it accepts.
func sanitizeClientID(id string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			return r
		}
		return '_'
	}, id)
}
