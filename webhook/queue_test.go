package webhook

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/pyguard/pyguard/review"
)

// gate is a Runner body that blocks each review until released (or its
// context ends).
func gate(release <-chan struct{}) func(context.Context, review.Target) error {
	return func(ctx context.Context, _ review.Target) error {
		select {
		case <-release:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func TestDuplicateDelivery(t *testing.T) {
	s := newTestServer(t, 1, nil, nil)
	body := readPayload(t, "pull_request.opened.json")
	if w := post(s, "pull_request", "same-id", body); w.Code != http.StatusAccepted {
		t.Fatalf("first: %d", w.Code)
	}
	for i := 0; i < 3; i++ {
		if w := post(s, "pull_request", "same-id", body); w.Code != http.StatusOK {
			t.Fatalf("redelivery: %d, want 200", w.Code)
		}
	}
	// Also after the first one has run (ids are remembered for DedupTTL).
	time.Sleep(20 * time.Millisecond)
	if w := post(s, "pull_request", "same-id", body); w.Code != http.StatusOK {
		t.Fatalf("late redelivery: %d, want 200", w.Code)
	}
	s.drain(t)
	if n := len(s.runner.Calls()); n != 1 {
		t.Fatalf("%d reviews, want 1", n)
	}
	if !strings.Contains(s.logs.String(), "duplicate delivery") {
		t.Error("duplicate not logged")
	}
}

// Five pushes to one PR while its review runs: the running one finishes,
// then only the newest head is reviewed; never two reviews of the PR at once.
func TestBurstCoalesces(t *testing.T) {
	release := make(chan struct{})
	runner := &fakeRunner{started: make(chan review.Target, 10), fn: gate(release)}
	s := newTestServer(t, 1, runner, func(c *Config) { c.Workers = 4 })

	if w := post(s, "pull_request", "d-0", prPayload(t, "opened", 5, "sha-0")); w.Code != 202 {
		t.Fatal(w.Code)
	}
	first := waitStarted(t, runner.started)
	for i := 1; i <= 5; i++ {
		if w := post(s, "pull_request", fmt.Sprintf("d-%d", i), prPayload(t, "synchronize", 5, fmt.Sprintf("sha-%d", i))); w.Code != 202 {
			t.Fatalf("push %d: %d", i, w.Code)
		}
	}
	if q, r := s.queue.(*MemoryQueue).Stats(); q != 1 || r != 1 {
		t.Fatalf("queued %d running %d, want 1 and 1", q, r)
	}
	close(release)
	s.drain(t)

	want := []review.Target{first, {
		DeliveryID: "d-5", Event: "pull_request.synchronize", InstallationID: 1,
		Owner: "Codertocat", Repo: "Hello-World", Number: 5, HeadSHA: "sha-5",
	}}
	if got := runner.Calls(); !reflect.DeepEqual(got, want) {
		t.Fatalf("reviews\n%+v\nwant\n%+v", got, want)
	}
	if first.HeadSHA != "sha-0" {
		t.Fatalf("first review at %s", first.HeadSHA)
	}
	if m := runner.MaxConcurrent(); m != 1 {
		t.Fatalf("%d concurrent reviews of one PR", m)
	}
	if n := strings.Count(s.logs.String(), "superseded by a newer head"); n != 4 {
		t.Errorf("%d supersede lines, want 4 (sha-1..4 each replaced by the next)", n)
	}
}

// Different PRs run in parallel, up to the worker limit and not beyond.
func TestWorkerLimit(t *testing.T) {
	const workers = 3
	release := make(chan struct{})
	runner := &fakeRunner{started: make(chan review.Target, 10), fn: gate(release)}
	s := newTestServer(t, 1, runner, func(c *Config) { c.Workers = workers })
	for i := 1; i <= 6; i++ {
		if w := post(s, "pull_request", fmt.Sprintf("d-%d", i), prPayload(t, "opened", i, fmt.Sprintf("sha-%d", i))); w.Code != 202 {
			t.Fatal(w.Code)
		}
	}
	for i := 0; i < workers; i++ {
		waitStarted(t, runner.started)
	}
	select {
	case tg := <-runner.started:
		t.Fatalf("a review beyond the worker limit started: %+v", tg)
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	s.drain(t)
	if m := runner.MaxConcurrent(); m != workers {
		t.Fatalf("max %d concurrent reviews, want %d", m, workers)
	}
	if n := len(runner.Calls()); n != 6 {
		t.Fatalf("%d reviews, want 6", n)
	}
}

// Shutdown lets the running review finish and runs the queued ones; new
// deliveries then get 503.
func TestShutdownDrains(t *testing.T) {
	var done atomic.Int32
	runner := &fakeRunner{started: make(chan review.Target, 10), fn: func(ctx context.Context, _ review.Target) error {
		time.Sleep(30 * time.Millisecond)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		done.Add(1)
		return nil
	}}
	s := newTestServer(t, 1, runner, func(c *Config) { c.Workers = 1 })
	for i := 1; i <= 3; i++ {
		post(s, "pull_request", fmt.Sprintf("d-%d", i), prPayload(t, "opened", i, "x"))
	}
	// And one parked behind the running PR 1.
	waitStarted(t, runner.started)
	post(s, "pull_request", "d-1b", prPayload(t, "synchronize", 1, "y"))

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if n := done.Load(); n != 4 {
		t.Fatalf("%d reviews completed, want 4", n)
	}
	w := post(s, "pull_request", "d-late", prPayload(t, "opened", 9, "z"))
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" {
		t.Fatalf("after shutdown: %d Retry-After %q, want 503 with Retry-After", w.Code, w.Header().Get("Retry-After"))
	}
	if strings.Contains(s.logs.String(), "dropped on shutdown") {
		t.Fatal("something was dropped")
	}
	// Idempotent.
	if err := s.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
}

// What cannot finish before the deadline is logged with its delivery id; the
// running review's context is cancelled; nothing queued starts after.
func TestShutdownDeadlineLogsDropped(t *testing.T) {
	cancelled := make(chan struct{})
	runner := &fakeRunner{started: make(chan review.Target, 10), fn: func(ctx context.Context, _ review.Target) error {
		<-ctx.Done()
		close(cancelled)
		return ctx.Err()
	}}
	s := newTestServer(t, 1, runner, func(c *Config) { c.Workers = 1 })
	post(s, "pull_request", "running-delivery", prPayload(t, "opened", 1, "a"))
	waitStarted(t, runner.started)
	post(s, "pull_request", "queued-delivery", prPayload(t, "opened", 2, "b"))
	post(s, "pull_request", "parked-delivery", prPayload(t, "synchronize", 1, "c"))

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if err := s.Shutdown(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Shutdown: %v, want deadline exceeded", err)
	}
	select {
	case <-cancelled:
	case <-time.After(5 * time.Second):
		t.Fatal("the running review's context was not cancelled")
	}
	dropped := map[string]bool{}
	for _, l := range s.logs.lines(t) {
		if l["message"] == "dropped on shutdown" {
			dropped[l[LogKeyDeliveryID].(string)] = true
			if l["level"] != "error" {
				t.Errorf("dropped logged at %v", l["level"])
			}
		}
	}
	for _, id := range []string{"running-delivery", "queued-delivery", "parked-delivery"} {
		if !dropped[id] {
			t.Errorf("%s not logged as dropped on shutdown\n%s", id, s.logs)
		}
	}
	time.Sleep(20 * time.Millisecond)
	if n := len(runner.Calls()); n != 1 {
		t.Fatalf("%d reviews started, want only the first", n)
	}
}

// A panicking Runner is logged and the worker carries on.
func TestRunnerPanic(t *testing.T) {
	runner := &fakeRunner{fn: func(_ context.Context, t review.Target) error {
		if t.Number == 1 {
			panic("boom")
		}
		return nil
	}}
	s := newTestServer(t, 1, runner, func(c *Config) { c.Workers = 1 })
	post(s, "pull_request", "d-1", prPayload(t, "opened", 1, "a"))
	post(s, "pull_request", "d-2", prPayload(t, "opened", 2, "b"))
	s.drain(t)
	if n := len(runner.Calls()); n != 2 {
		t.Fatalf("%d reviews, want 2", n)
	}
	var found bool
	for _, l := range s.logs.lines(t) {
		if l["message"] == "review panicked; worker continues" && l[LogKeyDeliveryID] == "d-1" && l["panic"] == "boom" {
			found = true
		}
	}
	if !found {
		t.Fatalf("panic not logged with its delivery id:\n%s", s.logs)
	}
}

// Every line about a job — ours and the Runner's through zerolog.Ctx —
// carries delivery id, installation, repository, PR number and head SHA; no
// line carries the secret or the body.
func TestJobLogging(t *testing.T) {
	runner := &fakeRunner{fn: func(ctx context.Context, _ review.Target) error {
		zerolog.Ctx(ctx).Info().Msg("from the runner")
		return errors.New("api down")
	}}
	s := newTestServer(t, appRun, runner, nil)
	body := edit(t, readPayload(t, "check_run.rerequested.json"), func(m map[string]any) {
		m["canary"] = "BODY-CANARY-7f3a"
	})
	if w := post(s, "check_run", "d-log", body); w.Code != 202 {
		t.Fatal(w.Code)
	}
	s.drain(t)

	want := map[string]any{
		LogKeyDeliveryID:      "d-log",
		LogKeyEvent:           "check_run.rerequested",
		LogKeyInstallationID:  float64(1),
		LogKeyRepositoryOwner: "github",
		LogKeyRepositoryName:  "hello-world",
		LogKeyPRNum:           float64(0),
		LogKeyHeadSHA:         "d6fde92930d4715a2b49857d24b940956b26d2d3",
		LogKeyCheckRunID:      float64(4),
	}
	seen := map[string]bool{}
	for _, l := range s.logs.lines(t) {
		msg, _ := l["message"].(string)
		switch msg {
		case "review queued", "review started", "from the runner", "review failed":
			seen[msg] = true
			for k, v := range want {
				if l[k] != v {
					t.Errorf("%q: %s = %v, want %v", msg, k, l[k], v)
				}
			}
		}
	}
	for _, msg := range []string{"review queued", "review started", "from the runner", "review failed"} {
		if !seen[msg] {
			t.Errorf("no %q line", msg)
		}
	}
	logs := s.logs.String()
	if strings.Contains(logs, testSecret) || strings.Contains(logs, "BODY-CANARY") {
		t.Fatal("secret or body logged")
	}
	if !strings.Contains(logs, "api down") {
		t.Error("the Runner's error is not logged")
	}
}

// MemoryQueue on its own: merging keeps a re-requested check run for the
// same head; a different head supersedes it.
func TestMemoryQueueMerge(t *testing.T) {
	release := make(chan struct{})
	runner := &fakeRunner{started: make(chan review.Target, 10), fn: gate(release)}
	q := NewMemoryQueue(MemoryQueueConfig{Runner: runner, Workers: 1})
	busy := review.Target{DeliveryID: "busy", Owner: "o", Repo: "r", Number: 99, HeadSHA: "z"}
	if !q.Enqueue(busy) {
		t.Fatal("not accepted")
	}
	waitStarted(t, runner.started)

	run := review.Target{DeliveryID: "run", Event: "check_run.rerequested", Owner: "o", Repo: "r", Number: 1, HeadSHA: "a", CheckRunID: 7}
	push := review.Target{DeliveryID: "push", Event: "check_suite.requested", Owner: "o", Repo: "r", Number: 1, HeadSHA: "a"}
	q.Enqueue(run)
	q.Enqueue(push)
	// Keyed by commit when the PR is unknown: separate from PR 1.
	bySHA := review.Target{DeliveryID: "sha", Owner: "o", Repo: "r", HeadSHA: "a"}
	q.Enqueue(bySHA)
	close(release)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := q.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	merged := push
	merged.CheckRunID = 7
	want := []review.Target{busy, merged, bySHA}
	if got := runner.Calls(); !reflect.DeepEqual(got, want) {
		t.Fatalf("reviews\n%+v\nwant\n%+v", got, want)
	}
	if q.Enqueue(push) {
		t.Fatal("accepted after Shutdown")
	}
}

func TestDeliverySet(t *testing.T) {
	now := time.Unix(1000, 0)
	s := newDeliverySet(time.Minute, 3, func() time.Time { return now })
	if !s.add("a") || s.add("a") {
		t.Fatal("a: first add must be new, second a duplicate")
	}
	now = now.Add(59 * time.Second)
	if s.add("a") {
		t.Fatal("a forgotten before its TTL")
	}
	now = now.Add(time.Second)
	if !s.add("a") {
		t.Fatal("a remembered past its TTL")
	}
	s.add("b")
	s.add("c")
	s.add("d") // over the bound: the oldest (a) goes
	if s.len() != 3 {
		t.Fatalf("len %d, want 3", s.len())
	}
	if !s.add("a") {
		t.Fatal("the oldest entry was not evicted")
	}
	s.remove("c")
	if !s.add("c") {
		t.Fatal("removed id still remembered")
	}
}

// A push sends pull_request.synchronize and check_suite.requested for the
// same head: one review. A re-run request for that head still runs.
func TestOneReviewPerHeadCommit(t *testing.T) {
	s := newTestServer(t, 29310, nil, nil) // the app id in GitHub's check_suite examples
	sha := "ec26c3e57ca3a959ca5aad62de7213c562f8c821"
	prs := obj(decode(t, readPayload(t, "check_suite.rerequested.json")), "check_suite")["pull_requests"]
	if w := post(s, "pull_request", "d1", prPayload(t, "synchronize", 2, sha)); w.Code != http.StatusAccepted {
		t.Fatalf("synchronize: %d", w.Code)
	}
	suite := edit(t, readPayload(t, "check_suite.requested.json"), func(m map[string]any) {
		obj(m, "check_suite")["head_sha"] = sha
		obj(m, "check_suite")["pull_requests"] = prs // PR #2 of the same repository
	})
	if w := post(s, "check_suite", "d2", suite); w.Code != http.StatusOK {
		t.Fatalf("check_suite.requested for a queued head: %d, want 200", w.Code)
	}
	rerun := edit(t, readPayload(t, "check_suite.rerequested.json"), func(m map[string]any) {
		obj(m, "check_suite")["head_sha"] = sha
	})
	// Once that review has run, a re-run request reviews the head again.
	for deadline := time.Now().Add(2 * time.Second); len(s.runner.Calls()) == 0 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(10 * time.Millisecond)
	if w := post(s, "check_suite", "d3", rerun); w.Code != http.StatusAccepted {
		t.Fatalf("check_suite.rerequested: %d, want 202", w.Code)
	}
	s.drain(t)
	if n := len(s.runner.Calls()); n != 2 {
		t.Fatalf("%d reviews, want 2 (the push and the re-run)", n)
	}
}

func decode(t *testing.T, body []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatal(err)
	}
	return m
}
