package webhook

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-github/v62/github"
	"github.com/rs/zerolog"

	"github.com/pyguard/pyguard/review"
)

func target(n int, sha string) review.Target {
	return review.Target{DeliveryID: "d-" + sha, Event: "pull_request.synchronize", InstallationID: 1,
		Owner: "o", Repo: "r", Number: n, HeadSHA: sha}
}

// queueOn starts a queue on dbURL with the runner and short delays.
func queueOn(t *testing.T, dbURL string, runner Runner, mod func(*QueueConfig)) *JobQueue {
	t.Helper()
	cfg := testQueueConfig(t, runner, zerolog.Nop())
	cfg.DatabaseURL = dbURL
	if mod != nil {
		mod(&cfg)
	}
	return startQueue(t, cfg)
}

func enqueue(t *testing.T, q *JobQueue, tg review.Target) bool {
	t.Helper()
	coalesced, err := q.Enqueue(context.Background(), tg)
	if err != nil {
		t.Fatal(err)
	}
	return coalesced
}

func ghError(code int, header http.Header) error {
	if header == nil {
		header = http.Header{}
	}
	return &github.ErrorResponse{Response: &http.Response{StatusCode: code, Header: header,
		Request: &http.Request{Method: "GET"}}, Message: http.StatusText(code)}
}

// Deliveries for a head that waits or runs coalesce into its job; once it
// has finished, a redelivery queues a new one.
func TestQueueCoalesces(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, dbURL string) {
		release := make(chan struct{})
		runner := &fakeRunner{started: make(chan review.Target, 10), fn: func(ctx context.Context, _ review.Target) error {
			<-release
			return nil
		}}
		q := queueOn(t, dbURL, runner, nil)
		if enqueue(t, q, target(1, "a")) {
			t.Fatal("the first delivery coalesced")
		}
		waitStarted(t, runner.started)
		for i := 0; i < 5; i++ {
			if !enqueue(t, q, target(1, "a")) {
				t.Fatal("a redelivery of a running head was queued again")
			}
		}
		if enqueue(t, q, target(1, "b")) {
			t.Fatal("a new head coalesced with the old one")
		}
		close(release)
		waitIdle(t, q)
		if n := len(runner.Calls()); n != 2 {
			t.Fatalf("%d reviews, want 2 (a and b)", n)
		}
		if enqueue(t, q, target(1, "a")) {
			t.Fatal("a redelivery after the review finished coalesced into the finished job")
		}
		waitIdle(t, q)
		if n := len(runner.Calls()); n != 3 {
			t.Fatalf("%d reviews, want 3", n)
		}
	})
}

// A transient failure is retried with backoff; the hooks say whether
// another attempt follows; the last attempt's failure is final.
func TestQueueRetriesTransientFailures(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, dbURL string) {
		var attempts []review.JobHooks
		var mu sync.Mutex
		runner := &fakeRunner{fn: func(ctx context.Context, _ review.Target) error {
			mu.Lock()
			defer mu.Unlock()
			attempts = append(attempts, review.HooksOf(ctx))
			return ghError(502, nil)
		}}
		q := queueOn(t, dbURL, runner, nil) // 2 retry delays: 3 attempts
		enqueue(t, q, target(1, "a"))
		waitFor(t, "3 attempts", func() bool { mu.Lock(); defer mu.Unlock(); return len(attempts) == 3 })
		waitIdle(t, q)
		time.Sleep(100 * time.Millisecond)
		mu.Lock()
		defer mu.Unlock()
		if len(attempts) != 3 {
			t.Fatalf("%d attempts, want 3", len(attempts))
		}
		for i, h := range attempts {
			if want := i < 2; h.Retries != want || !h.Resumes {
				t.Errorf("attempt %d: Retries %v Resumes %v, want Retries %v", i+1, h.Retries, h.Resumes, want)
			}
		}
	})
}

// A rate limit reschedules the job to the time GitHub names, without using
// up attempts: three limits in a row with only two retries allowed still
// end in a review.
func TestQueueRateLimitReschedules(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, dbURL string) {
		var n atomic.Int32
		var times []time.Time
		var mu sync.Mutex
		runner := &fakeRunner{fn: func(ctx context.Context, _ review.Target) error {
			mu.Lock()
			times = append(times, time.Now())
			mu.Unlock()
			if n.Add(1) <= 3 {
				return ghError(429, http.Header{"Retry-After": {"1"}})
			}
			return nil
		}}
		q := queueOn(t, dbURL, runner, func(c *QueueConfig) { c.RetryDelays = []time.Duration{10 * time.Millisecond} })
		enqueue(t, q, target(1, "a"))
		waitFor(t, "the review after three rate limits", func() bool { return n.Load() == 4 })
		mu.Lock()
		defer mu.Unlock()
		for i := 1; i < len(times); i++ {
			if d := times[i].Sub(times[i-1]); d < time.Second {
				t.Errorf("attempt %d came %v after the rate limit, want ≥ 1s (Retry-After)", i+1, d)
			}
		}
	})
}

// A refusal that would recur (404) is not retried, and a redelivery of the
// failed delivery runs again.
func TestQueuePermanentFailureNotRetried(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, dbURL string) {
		var n atomic.Int32
		runner := &fakeRunner{fn: func(ctx context.Context, _ review.Target) error {
			n.Add(1)
			return ghError(404, nil)
		}}
		q := queueOn(t, dbURL, runner, nil)
		enqueue(t, q, target(1, "a"))
		waitFor(t, "one attempt", func() bool { return n.Load() == 1 })
		waitIdle(t, q)
		time.Sleep(150 * time.Millisecond)
		if got := n.Load(); got != 1 {
			t.Fatalf("%d attempts, want 1", got)
		}
		if enqueue(t, q, target(1, "a")) {
			t.Fatal("the redelivery of a failed review coalesced")
		}
		waitFor(t, "the redelivered review", func() bool { return n.Load() == 2 })
	})
}

// Two jobs of one pull request (a check suite keyed by head SHA and the
// pull_request event keyed by number) never review it at once: the lease
// makes the second wait, on one queue or on two replicas of one database.
func TestQueueLeaseSerialisesPullRequest(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, dbURL string) {
		var inside, most atomic.Int32
		var done atomic.Int32
		runner := &fakeRunner{fn: func(ctx context.Context, _ review.Target) error {
			h := review.HooksOf(ctx)
			_, release, err := h.Lock(ctx, "o/r#7")
			if err != nil {
				return err
			}
			defer release()
			if v := inside.Add(1); v > most.Load() {
				most.Store(v)
			}
			time.Sleep(100 * time.Millisecond)
			inside.Add(-1)
			done.Add(1)
			return nil
		}}
		q1 := queueOn(t, dbURL, runner, nil)
		q2 := q1
		if dbURL[:8] == "postgres" {
			q2 = queueOn(t, dbURL, runner, func(c *QueueConfig) { c.ID = "replica-2" })
		}
		bySHA := target(0, "head")
		bySHA.Event = "check_suite.requested"
		enqueue(t, q1, bySHA)
		enqueue(t, q2, target(7, "head"))
		explicitRun := target(7, "head2")
		explicitRun.Event = "check_run.rerequested"
		enqueue(t, q2, explicitRun)
		waitFor(t, "the reviews", func() bool { return done.Load() >= 2 })
		waitIdle(t, q1)
		waitIdle(t, q2)
		if most.Load() != 1 {
			t.Fatalf("%d reviews of one pull request ran at once, want 1", most.Load())
		}
	})
}

// A head reviewed for one automatic event is not reviewed again for its
// companion (check_suite.requested after pull_request.synchronize);
// explicit re-runs are.
func TestQueueHeadReviewedOnce(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, dbURL string) {
		var reviewed, skipped atomic.Int32
		runner := &fakeRunner{fn: func(ctx context.Context, _ review.Target) error {
			_, release, err := review.HooksOf(ctx).Lock(ctx, "o/r#1")
			if errors.Is(err, review.ErrAlreadyReviewed) {
				skipped.Add(1)
				return nil
			}
			if err != nil {
				return err
			}
			release()
			reviewed.Add(1)
			return nil
		}}
		q := queueOn(t, dbURL, runner, nil)
		enqueue(t, q, target(1, "a"))
		waitIdle(t, q)
		suite := target(0, "a")
		suite.Event = "check_suite.requested"
		enqueue(t, q, suite)
		waitIdle(t, q)
		rerun := target(0, "a")
		rerun.Event = "check_suite.rerequested"
		enqueue(t, q, rerun)
		waitIdle(t, q)
		if reviewed.Load() != 2 || skipped.Load() != 1 {
			t.Fatalf("reviewed %d, skipped %d; want 2 and 1", reviewed.Load(), skipped.Load())
		}
	})
}

// Shutdown interrupts a review that outlives the grace period; its job
// goes back to the queue and the next start runs it, with the check run
// the first attempt created.
func TestQueueShutdownResumes(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, dbURL string) {
		started := make(chan struct{}, 1)
		first := &fakeRunner{fn: func(ctx context.Context, _ review.Target) error {
			review.HooksOf(ctx).CheckRunCreated(ctx, 4242)
			started <- struct{}{}
			<-ctx.Done()
			return ctx.Err()
		}}
		cfg := testQueueConfig(t, first, zerolog.Nop())
		cfg.DatabaseURL = dbURL
		q, err := OpenQueue(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		if err := q.Start(context.Background()); err != nil {
			t.Fatal(err)
		}
		enqueue(t, q, target(1, "a"))
		<-started
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		_ = q.Shutdown(ctx)

		var resumed atomic.Int64
		second := &fakeRunner{fn: func(ctx context.Context, _ review.Target) error {
			resumed.Store(review.HooksOf(ctx).CheckRunID)
			return nil
		}}
		q2 := queueOn(t, dbURL, second, nil)
		waitFor(t, "the resumed review", func() bool { return len(second.Calls()) == 1 })
		waitIdle(t, q2)
		if got := resumed.Load(); got != 4242 {
			t.Errorf("resumed with check run %d, want 4242 (the one the first attempt created)", got)
		}
	})
}

// Jobs a killed process left running (SQLite: no other process can hold
// them) run again at the next start.
func TestQueueRescuesJobsOfAKilledProcess(t *testing.T) {
	dbURL := testDatabases[0].url(t)
	runner := &fakeRunner{}
	cfg := testQueueConfig(t, runner, zerolog.Nop())
	cfg.DatabaseURL = dbURL
	q, err := OpenQueue(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	// Not started: insert, then mark running as a worker that died would.
	enqueue(t, q, target(1, "a"))
	if _, err := q.store.exec(context.Background(), `UPDATE river_job SET state = 'running', attempt = 1`); err != nil {
		t.Fatal(err)
	}
	q.store.close()

	q2 := queueOn(t, dbURL, runner, nil)
	waitFor(t, "the rescued review", func() bool { return len(runner.Calls()) == 1 })
	waitIdle(t, q2)
}

// One SQLite file serves one process.
func TestQueueSQLiteFileLocked(t *testing.T) {
	dbURL := testDatabases[0].url(t)
	queueOn(t, dbURL, &fakeRunner{}, nil)
	_, err := OpenQueue(context.Background(), QueueConfig{DatabaseURL: dbURL, Runner: &fakeRunner{}})
	if err == nil || !strings.Contains(err.Error(), "in use by another pyguard process") {
		t.Fatalf("second open: %v, want an in-use error", err)
	}
}
