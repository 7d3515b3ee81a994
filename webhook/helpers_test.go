package webhook

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/pyguard/pyguard/review"
)

const testSecret = "It's a Secret to Everybody"

func sign(body []byte, secret string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

func signSHA1(body []byte, secret string) string {
	m := hmac.New(sha1.New, []byte(secret))
	m.Write(body)
	return "sha1=" + hex.EncodeToString(m.Sum(nil))
}

func readPayload(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "payloads", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// edit decodes a payload, lets f change it and encodes it again.
func edit(t *testing.T, body []byte, f func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatal(err)
	}
	f(m)
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// obj walks m along keys (maps only).
func obj(m map[string]any, keys ...string) map[string]any {
	for _, k := range keys {
		m = m[k].(map[string]any)
	}
	return m
}

// prPayload is pull_request.<action> for PR number at head sha.
func prPayload(t *testing.T, action string, number int, sha string) []byte {
	return edit(t, readPayload(t, "pull_request.synchronize.json"), func(m map[string]any) {
		m["action"] = action
		m["number"] = number
		obj(m, "pull_request")["number"] = number
		obj(m, "pull_request", "head")["sha"] = sha
		m["after"] = sha
	})
}

func newRequest(event, delivery string, body []byte) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/webhook", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if event != "" {
		r.Header.Set("X-GitHub-Event", event)
	}
	if delivery != "" {
		r.Header.Set("X-GitHub-Delivery", delivery)
	}
	r.Header.Set("X-Hub-Signature-256", sign(body, testSecret))
	return r
}

func serve(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func post(h http.Handler, event, delivery string, body []byte) *httptest.ResponseRecorder {
	return serve(h, newRequest(event, delivery, body))
}

// fakeRunner records targets; fn, when set, is what each review does.
type fakeRunner struct {
	mu      sync.Mutex
	calls   []review.Target
	running int
	maxRun  int
	started chan review.Target // receives each target as it starts, if set
	fn      func(ctx context.Context, t review.Target) error
}

func (f *fakeRunner) Review(ctx context.Context, t review.Target) error {
	f.mu.Lock()
	f.calls = append(f.calls, t)
	f.running++
	if f.running > f.maxRun {
		f.maxRun = f.running
	}
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		f.running--
		f.mu.Unlock()
	}()
	if f.started != nil {
		f.started <- t
	}
	if f.fn != nil {
		return f.fn(ctx, t)
	}
	return nil
}

func (f *fakeRunner) Calls() []review.Target {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]review.Target(nil), f.calls...)
}

func (f *fakeRunner) MaxConcurrent() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.maxRun
}

// syncBuffer is a log sink safe for concurrent writers.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// lines decodes the JSON log lines.
func (b *syncBuffer) lines(t *testing.T) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, l := range bytes.Split([]byte(b.String()), []byte("\n")) {
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal(l, &m); err != nil {
			t.Fatalf("log line is not JSON: %s", l)
		}
		out = append(out, m)
	}
	return out
}

type testServer struct {
	*Server
	queue  *JobQueue
	runner *fakeRunner
	logs   *syncBuffer
}

// newTestServer builds a receiver in front of a real queue (SQLite in a
// temporary directory) with a fake runner and captured debug logs; mod may
// change the config.
func newTestServer(t *testing.T, appID int64, runner *fakeRunner, mod func(*Config)) *testServer {
	t.Helper()
	return newTestServerQ(t, appID, runner, mod, nil)
}

// newTestServerQ is newTestServer with a change to the queue's config too.
func newTestServerQ(t *testing.T, appID int64, runner *fakeRunner, mod func(*Config), qmod func(*QueueConfig)) *testServer {
	t.Helper()
	if runner == nil {
		runner = &fakeRunner{}
	}
	logs := &syncBuffer{}
	logger := zerolog.New(logs).Level(zerolog.DebugLevel).With().Timestamp().Logger()
	qc := testQueueConfig(t, runner, logger)
	if qmod != nil {
		qmod(&qc)
	}
	q := startQueue(t, qc)
	cfg := Config{
		Secret: testSecret,
		AppID:  appID,
		Queue:  q,
		Logger: logger,
	}
	if mod != nil {
		mod(&cfg)
	}
	s, err := NewHandler(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = s.Shutdown(ctx)
	})
	return &testServer{Server: s, queue: q, runner: runner, logs: logs}
}

// testQueueConfig is a queue on a fresh SQLite file with short delays.
func testQueueConfig(t *testing.T, runner Runner, logger zerolog.Logger) QueueConfig {
	return QueueConfig{
		DatabaseURL:  "sqlite://" + filepath.Join(t.TempDir(), "queue.db"),
		Runner:       runner,
		RetryDelays:  []time.Duration{20 * time.Millisecond, 40 * time.Millisecond},
		BusyDelay:    20 * time.Millisecond,
		LeaseTTL:     time.Second,
		PollInterval: 20 * time.Millisecond,
		Logger:       logger,
	}
}

// startQueue opens and starts a queue, shut down when the test ends.
func startQueue(t *testing.T, cfg QueueConfig) *JobQueue {
	t.Helper()
	q, err := OpenQueue(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = q.Shutdown(ctx)
	})
	return q
}

// drain waits until no job waits or runs, then shuts the server down; it
// fails when work was interrupted.
func (s *testServer) drain(t *testing.T) {
	t.Helper()
	waitIdle(t, s.queue)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown: %v\nlogs:\n%s", err, s.logs)
	}
}

// waitIdle waits until no job of q waits or runs.
func waitIdle(t *testing.T, q *JobQueue) {
	t.Helper()
	waitFor(t, "the queue to be idle", func() bool {
		counts, err := q.Stats(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return counts["available"]+counts["running"]+counts["retryable"]+counts["scheduled"]+counts["pending"] == 0
	})
}

// waitFor polls cond until it holds or fails after a timeout.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// waitStarted returns the next started target or fails after a timeout.
func waitStarted(t *testing.T, ch <-chan review.Target) review.Target {
	t.Helper()
	select {
	case tg := <-ch:
		return tg
	case <-time.After(5 * time.Second):
		t.Fatal("no review started")
		return review.Target{}
	}
}
