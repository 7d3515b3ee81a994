package main

import (
	"context"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pyguard/pyguard/internal/fakegithub"
)

// durableRepo is acme/ml with n pull requests, each adding one file with
// one AIML171 finding.
func durableRepo(fake *fakegithub.Server, n int) (*fakegithub.Repo, string, []string) {
	fake.AddInstallation(e2eInst, "acme")
	ml := fake.AddRepo("acme", "ml")
	base := fakegithub.SHA("durable-base")
	ml.Commit(base, map[string]string{"util.py": "def f():\n    return 1\n"})
	ml.Branch("main", base)
	heads := make([]string, n+1)
	for i := 1; i <= n; i++ {
		heads[i] = fakegithub.SHA(fmt.Sprintf("durable-head-%d", i))
		ml.Derive(heads[i], base, map[string]string{fmt.Sprintf("train_%d.py", i): trainPy})
		ml.AddPR(fakegithub.PR{Number: i, BaseSHA: base, HeadSHA: heads[i]})
	}
	return ml, base, heads
}

// checkReviewedOnce asserts that every PR got its one comment once, one
// check run, completed, and that no run anywhere is left in progress.
func checkReviewedOnce(t *testing.T, fake *fakegithub.Server, heads []string) {
	t.Helper()
	for i := 1; i < len(heads); i++ {
		runs := fake.CheckRuns("acme", "ml", heads[i])
		if len(runs) != 1 || runs[0].Status != "completed" {
			var st []string
			for _, r := range runs {
				st = append(st, r.Status)
			}
			t.Errorf("PR %d: check runs %v, want one completed", i, st)
		}
		if cs := pyguardComments(fake, "acme", "ml", i); len(cs) != 1 {
			t.Errorf("PR %d: %d comments, want 1", i, len(cs))
		}
	}
}

// kill -9 while reviews are queued and in flight, then start again on the
// same SQLite file: every review completes exactly once, no comment is
// duplicated and no check run stays in progress.
func TestServeCrashResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	const prs = 20
	fake := fakegithub.New(t, fakegithub.Options{AppID: e2eAppID})
	ml, base, heads := durableRepo(fake, prs)
	db := "PYGUARD_DATABASE_URL=sqlite://" + filepath.Join(t.TempDir(), "queue.db")
	fake.SetLatency(40 * time.Millisecond) // a review takes about half a second

	srv := startServe(t, fake, db, "PYGUARD_WORKERS=2")
	for i := 1; i <= prs; i++ {
		if code, body := srv.send("pull_request", newDelivery(), prPayload("opened", ml, 101, i, heads[i], base), e2eSecret); code != http.StatusAccepted {
			t.Fatalf("PR %d: %d %s", i, code, body)
		}
	}
	// Some reviews have started, most wait.
	waitFor(t, "reviews in flight", func() bool { return fake.CallCount(fakegithub.RouteCreateCheckRun) >= 3 })
	if err := srv.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-srv.exited
	inFlight := 0
	for i := 1; i <= prs; i++ {
		for _, r := range fake.CheckRuns("acme", "ml", heads[i]) {
			if r.Status == "in_progress" {
				inFlight++
			}
		}
	}
	t.Logf("killed with %d check runs in progress and %d of %d reviews posted", inFlight,
		fake.CallCount(fakegithub.RouteCreateReview), prs)
	if inFlight == 0 {
		t.Fatal("no review was in flight at the kill: the test proves nothing")
	}

	fake.SetLatency(0)
	srv2 := startServe(t, fake, db, "PYGUARD_WORKERS=2")
	waitFor(t, "every review", func() bool {
		for i := 1; i <= prs; i++ {
			if len(completedRuns(fake, "acme", "ml", heads[i])) == 0 || len(pyguardComments(fake, "acme", "ml", i)) == 0 {
				return false
			}
		}
		return true
	})
	checkReviewedOnce(t, fake, heads)
	_ = srv2
}

// SIGTERM with reviews queued behind a short grace period: what did not
// finish waits in the database, and the next start reviews it.
func TestServeSIGTERMKeepsQueuedJobs(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	const prs = 10
	fake := fakegithub.New(t, fakegithub.Options{AppID: e2eAppID})
	ml, base, heads := durableRepo(fake, prs)
	db := "PYGUARD_DATABASE_URL=sqlite://" + filepath.Join(t.TempDir(), "queue.db")
	fake.SetLatency(40 * time.Millisecond)

	srv := startServe(t, fake, db, "PYGUARD_WORKERS=1", "PYGUARD_SHUTDOWN_TIMEOUT=200ms")
	for i := 1; i <= prs; i++ {
		if code, _ := srv.send("pull_request", newDelivery(), prPayload("opened", ml, 101, i, heads[i], base), e2eSecret); code != http.StatusAccepted {
			t.Fatalf("PR %d: %d", i, code)
		}
	}
	waitFor(t, "a review in flight", func() bool { return fake.CallCount(fakegithub.RouteCreateCheckRun) >= 1 })
	if err := srv.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	<-srv.exited
	if srv.waitErr != nil {
		t.Fatalf("exit: %v", srv.waitErr)
	}
	done := fake.CallCount(fakegithub.RouteCreateReview)
	if done >= prs {
		t.Fatalf("all %d reviews finished before the grace period ended: the test proves nothing", prs)
	}
	fake.SetLatency(0)
	startServe(t, fake, db)
	waitFor(t, "every review", func() bool {
		for i := 1; i <= prs; i++ {
			if len(completedRuns(fake, "acme", "ml", heads[i])) == 0 || len(pyguardComments(fake, "acme", "ml", i)) == 0 {
				return false
			}
		}
		return true
	})
	checkReviewedOnce(t, fake, heads)
}

// checkSuitePayload is check_suite.requested as a fork PR's push sends it:
// no pull requests listed, so the job finds the PR by head SHA.
func checkSuitePayload(r *fakegithub.Repo, repoID int, head string) map[string]any {
	return map[string]any{
		"action": "requested",
		"check_suite": map[string]any{"id": 1, "head_sha": head, "status": "queued",
			"app": map[string]any{"id": e2eAppID}, "pull_requests": []any{}},
		"repository":   repoPayload(r, repoID),
		"installation": map[string]any{"id": e2eInst},
	}
}

// testPostgresURL is a fresh database on the PostgreSQL server .ci/run
// starts (PYGUARD_TEST_DATABASE_URL), dropped after the test.
func testPostgresURL(t *testing.T) string {
	t.Helper()
	base := os.Getenv("PYGUARD_TEST_DATABASE_URL")
	if base == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("PYGUARD_TEST_DATABASE_URL is not set: .ci/run starts PostgreSQL for these tests")
		}
		t.Skip("no PostgreSQL: run eval \"$(.ci/postgres)\" first")
	}
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("PostgreSQL: %v", err)
	}
	defer admin.Close(ctx)
	name := fmt.Sprintf("pyguard_e2e_%d", mrand.Int64())
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if c, err := pgx.Connect(context.Background(), base); err == nil {
			_, _ = c.Exec(context.Background(), "DROP DATABASE "+name+" WITH (FORCE)")
			c.Close(context.Background())
		}
	})
	u, _ := url.Parse(base)
	u.Path = "/" + name
	return u.String()
}

// Two replicas on one PostgreSQL and one GitHub: 200 pull requests sent to
// either at random, each reviewed exactly once.
func TestServeTwoReplicas(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	const prs = 200
	db := "PYGUARD_DATABASE_URL=" + testPostgresURL(t)
	fake := fakegithub.New(t, fakegithub.Options{AppID: e2eAppID})
	ml, base, heads := durableRepo(fake, prs)
	replicas := []*e2eServer{startServe(t, fake, db, "PYGUARD_LOG_LEVEL=info"), startServe(t, fake, db, "PYGUARD_LOG_LEVEL=info")}

	var wg sync.WaitGroup
	errs := make(chan string, prs)
	for i := 1; i <= prs; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			srv := replicas[mrand.IntN(2)]
			if code, body := srv.send("pull_request", newDelivery(), prPayload("opened", ml, 101, i, heads[i], base), e2eSecret); code != http.StatusAccepted {
				errs <- fmt.Sprintf("PR %d: %d %s", i, code, body)
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	waitFor(t, "every review", func() bool { return fake.CallCount(fakegithub.RouteCreateReview) >= prs })
	waitFor(t, "every check run to complete", func() bool {
		for i := 1; i <= prs; i++ {
			if len(completedRuns(fake, "acme", "ml", heads[i])) == 0 {
				return false
			}
		}
		return true
	})
	checkReviewedOnce(t, fake, heads)
	if n := fake.CallCount(fakegithub.RouteCreateReview); n != prs {
		t.Errorf("%d reviews posted, want %d", n, prs)
	}
	for i, r := range replicas {
		t.Logf("replica %d finished %d reviews", i+1, strings.Count(r.logs(), `"review finished"`))
	}
}

// The event mix that used to post comments twice: pull_request.opened to
// one replica, the fork-style check_suite.requested (no PR number) and a
// redelivery of the pull_request event to the other, all at once. Every
// comment is posted once, and each head has one check run.
func TestServeEventMixTwoReplicas(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	const prs = 10
	db := "PYGUARD_DATABASE_URL=" + testPostgresURL(t)
	fake := fakegithub.New(t, fakegithub.Options{AppID: e2eAppID})
	ml, base, heads := durableRepo(fake, prs)
	fake.SetLatency(10 * time.Millisecond)
	a := startServe(t, fake, db, "PYGUARD_LOG_LEVEL=info")
	b := startServe(t, fake, db, "PYGUARD_LOG_LEVEL=info")

	var wg sync.WaitGroup
	send := func(srv *e2eServer, event, delivery string, p map[string]any) {
		defer wg.Done()
		if code, body := srv.send(event, delivery, p, e2eSecret); code != http.StatusAccepted {
			t.Errorf("%s: %d %s", event, code, body)
		}
	}
	for i := 1; i <= prs; i++ {
		d := newDelivery()
		wg.Add(3)
		go send(a, "pull_request", d, prPayload("opened", ml, 101, i, heads[i], base))
		go send(b, "check_suite", newDelivery(), checkSuitePayload(ml, 101, heads[i]))
		go send(b, "pull_request", d, prPayload("opened", ml, 101, i, heads[i], base))
	}
	wg.Wait()
	waitFor(t, "every review", func() bool {
		for i := 1; i <= prs; i++ {
			if len(completedRuns(fake, "acme", "ml", heads[i])) == 0 || len(pyguardComments(fake, "acme", "ml", i)) == 0 {
				return false
			}
		}
		return true
	})
	// Let the coalesced and waiting jobs run out.
	time.Sleep(3 * time.Second)
	checkReviewedOnce(t, fake, heads)
}

// metricsAddr is the metrics address the server logged at startup.
func (s *e2eServer) metricsAddr(t *testing.T) string {
	t.Helper()
	for _, l := range strings.Split(s.logs(), "\n") {
		if i := strings.Index(l, `"metrics_addr":"`); i >= 0 {
			rest := l[i+len(`"metrics_addr":"`):]
			return rest[:strings.IndexByte(rest, '"')]
		}
	}
	t.Fatal("no metrics_addr in the startup log")
	return ""
}

// GET /metrics on its own (loopback) address counts deliveries, jobs,
// reviews and GitHub calls.
func TestServeMetrics(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	fake := fakegithub.New(t, fakegithub.Options{AppID: e2eAppID})
	ml, base, heads := durableRepo(fake, 1)
	srv := startServe(t, fake)
	if code, _ := srv.send("pull_request", newDelivery(), prPayload("opened", ml, 101, 1, heads[1], base), e2eSecret); code != http.StatusAccepted {
		t.Fatalf("status %d", code)
	}
	srv.send("pull_request", newDelivery(), prPayload("opened", ml, 101, 1, heads[1], base), "forged")
	waitFor(t, "the review", func() bool { return len(completedRuns(fake, "acme", "ml", heads[1])) == 1 })
	addr := srv.metricsAddr(t)
	if !strings.HasPrefix(addr, "127.0.0.1:") {
		t.Errorf("metrics on %s, want loopback", addr)
	}
	var text string
	waitFor(t, "the review in the metrics", func() bool {
		resp, err := http.Get("http://" + addr + "/metrics")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		text = string(b)
		return strings.Contains(text, `pyguard_review_duration_seconds_count{result="success"} 1`)
	})
	for _, want := range []string{
		`pyguard_webhook_deliveries_total{event="pull_request",result="queued"} 1`,
		`pyguard_webhook_deliveries_total{event="pull_request",result="unauthorized"} 1`,
		`pyguard_jobs{state="completed"}`,
		`pyguard_queue_depth`,
		`pyguard_github_api_calls_total{`,
		`pyguard_github_rate_limit_remaining{`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	// Not on the webhook port.
	if resp, err := http.Get(srv.url + "/metrics"); err == nil {
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			t.Error("/metrics is served on the webhook address")
		}
	}
}
