package webhook

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-github/v62/github"
	"github.com/palantir/go-githubapp/githubapp"
	"github.com/rs/zerolog"

	"github.com/pyguard/pyguard/internal/fakegithub"
	"github.com/pyguard/pyguard/internal/ghretry"
	"github.com/pyguard/pyguard/review"
)

// A finding: AIML171 (fit_transform on the test split) on line 6.
const faultPy = `from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split
X_train, X_test = train_test_split([[1.0], [2.0], [3.0], [4.0]])
scaler = StandardScaler()
a = scaler.fit_transform(X_train)
b = scaler.fit_transform(X_test)
`

// faultEnv is the whole review path as `pyguard serve` wires it — the
// durable queue, go-githubapp clients with ghinstallation tokens, ghretry
// and per-attempt deadlines — against the fake GitHub.
type faultEnv struct {
	t     *testing.T
	fake  *fakegithub.Server
	repo  *fakegithub.Repo
	queue *JobQueue
	logs  *syncBuffer
	base  string
}

const faultInst = 9

func newFaultEnv(t *testing.T, retryDelays ...time.Duration) *faultEnv {
	t.Helper()
	fake := fakegithub.New(t, fakegithub.Options{AppID: 42})
	fake.AddInstallation(faultInst, "o")
	repo := fake.AddRepo("o", "r")
	base := fakegithub.SHA(t.Name() + "base")
	repo.Commit(base, map[string]string{"util.py": "x = 1\n"})
	repo.Branch("main", base)

	cc := githubapp.NewClientCreator(fake.URL(), fake.URL()+"graphql", 42, fake.PrivateKeyPEM(),
		githubapp.WithClientMiddleware(
			ghretry.Middleware(ghretry.Options{BaseDelay: 5 * time.Millisecond, MaxDelay: 20 * time.Millisecond, MaxWait: 100 * time.Millisecond}),
			ghretry.AttemptTimeout(10*time.Second),
		))
	var mu sync.Mutex
	clients := map[int64]*github.Client{}
	logs := &syncBuffer{}
	logger := zerolog.New(logs).Level(zerolog.DebugLevel)
	rv := &review.Reviewer{
		Clients: func(_ context.Context, id int64) (*github.Client, error) {
			mu.Lock()
			defer mu.Unlock()
			if c := clients[id]; c != nil {
				return c, nil
			}
			c, err := cc.NewInstallationClient(id)
			clients[id] = c
			return c, err
		},
		Refresh: func(id int64) { mu.Lock(); delete(clients, id); mu.Unlock() },
		Logger:  logger,
	}
	cfg := testQueueConfig(t, rv, logger)
	if len(retryDelays) > 0 {
		cfg.RetryDelays = retryDelays
	}
	return &faultEnv{t: t, fake: fake, repo: repo, queue: startQueue(t, cfg), logs: logs, base: base}
}

// pr adds pull request n with one finding and queues its review.
func (e *faultEnv) pr(n int) string {
	e.t.Helper()
	head := fakegithub.SHA(e.t.Name() + "head" + string(rune('a'+n)))
	e.repo.Derive(head, e.base, map[string]string{"train.py": faultPy})
	e.repo.AddPR(fakegithub.PR{Number: n, BaseSHA: e.base, HeadSHA: head})
	if _, err := e.queue.Enqueue(context.Background(), review.Target{DeliveryID: "d" + head[:6], Event: "pull_request.opened",
		InstallationID: faultInst, Owner: "o", Repo: "r", Number: n, HeadSHA: head}); err != nil {
		e.t.Fatal(err)
	}
	return head
}

// waitReviewed waits for PR n's check run to complete and checks that it
// holds its one comment, once.
func (e *faultEnv) waitReviewed(n int, head string, within time.Duration) fakegithub.CheckRun {
	e.t.Helper()
	deadline := time.Now().Add(within)
	for {
		runs := e.fake.CheckRuns("o", "r", head)
		if len(runs) == 1 && runs[0].Status == "completed" {
			if cs := e.fake.Comments("o", "r", n); len(cs) != 1 {
				e.t.Errorf("%d comments, want 1", len(cs))
			}
			if rv := e.fake.Reviews("o", "r", n); len(rv) != 1 {
				e.t.Errorf("%d reviews, want 1", len(rv))
			}
			return runs[0]
		}
		if len(runs) > 1 {
			e.t.Fatalf("%d check runs on the head, want 1", len(runs))
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("not reviewed within %v; runs %+v\nlogs:\n%s", within, runs, e.logs)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func hasSummary(run fakegithub.CheckRun, sub string) bool {
	for _, s := range run.SummaryHistory {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// Faults delay reviews, never end them.
func TestFaultsDelayReviews(t *testing.T) {
	t.Run("502s for 2 seconds", func(t *testing.T) {
		e := newFaultEnv(t, 100*time.Millisecond, 300*time.Millisecond, time.Second, 2*time.Second)
		e.fake.Outage(fakegithub.AnyRoute, 2*time.Second, http.StatusBadGateway)
		head := e.pr(1)
		run := e.waitReviewed(1, head, 15*time.Second)
		if run.Conclusion != "success" {
			t.Errorf("conclusion %q, want success (medium finding under the high gate)", run.Conclusion)
		}
	})

	t.Run("file list fails until the outage ends; the run says when it retries", func(t *testing.T) {
		e := newFaultEnv(t, 200*time.Millisecond, 400*time.Millisecond, time.Second, 2*time.Second)
		e.fake.Outage(fakegithub.RoutePullFiles, 1500*time.Millisecond, http.StatusServiceUnavailable)
		head := e.pr(1)
		run := e.waitReviewed(1, head, 15*time.Second)
		if !hasSummary(run, "GitHub's API is failing") || !hasSummary(run, "tries again at") {
			t.Errorf("the check run never said it was retrying: %q", run.SummaryHistory)
		}
	})

	t.Run("Retry-After reschedules the job", func(t *testing.T) {
		e := newFaultEnv(t, 10*time.Millisecond) // one retry only: a rate limit must not use it up
		e.fake.SecondaryRateLimit(fakegithub.RoutePullFiles, 3, 1)
		start := time.Now()
		head := e.pr(1)
		run := e.waitReviewed(1, head, 20*time.Second)
		if took := time.Since(start); took < 3*time.Second {
			t.Errorf("reviewed after %v, want ≥ 3 s (three Retry-After: 1)", took)
		}
		if !hasSummary(run, "Waiting for GitHub's rate limit until") {
			t.Errorf("the check run never said it waits for the rate limit: %q", run.SummaryHistory)
		}
	})

	t.Run("primary rate limit waits for the reset", func(t *testing.T) {
		e := newFaultEnv(t, 10*time.Millisecond)
		reset := time.Now().Add(2 * time.Second).Truncate(time.Second).Add(time.Second)
		e.fake.PrimaryRateLimit(fakegithub.RoutePullFiles, 1, reset)
		head := e.pr(1)
		e.waitReviewed(1, head, 20*time.Second)
		for _, c := range e.fake.Calls() {
			if c.Route == fakegithub.RoutePullFiles && c.Status == 200 && c.Time.Before(reset) {
				t.Errorf("the file list was fetched at %v, before the reset at %v", c.Time, reset)
			}
		}
	})

	t.Run("a revoked token is refreshed once", func(t *testing.T) {
		e := newFaultEnv(t)
		e.waitReviewed(1, e.pr(1), 10*time.Second)
		issued := e.fake.TokensIssued()
		e.fake.ExpireTokens()
		e.waitReviewed(2, e.pr(2), 10*time.Second)
		if got := e.fake.TokensIssued() - issued; got != 1 {
			t.Errorf("%d new tokens, want 1", got)
		}
	})

	t.Run("create review reset after GitHub acted: not posted twice", func(t *testing.T) {
		e := newFaultEnv(t, 50*time.Millisecond)
		e.fake.Inject(fakegithub.RouteCreateReview, fakegithub.Fault{ActThenDrop: true})
		head := e.pr(1)
		e.waitReviewed(1, head, 10*time.Second) // checks one review, one comment
		if !strings.Contains(e.logs.String(), "review failed; retrying") {
			t.Error("the dropped connection did not fail the first attempt: the test proves nothing")
		}
	})

	t.Run("an outage past every retry fails the run with a clear message", func(t *testing.T) {
		e := newFaultEnv(t, 20*time.Millisecond, 20*time.Millisecond)
		e.fake.Outage(fakegithub.RoutePullFiles, time.Hour, http.StatusBadGateway)
		head := e.pr(1)
		deadline := time.Now().Add(10 * time.Second)
		for {
			runs := e.fake.CheckRuns("o", "r", head)
			if len(runs) == 1 && runs[0].Status == "completed" {
				if runs[0].Conclusion != "failure" || !strings.Contains(runs[0].Summary, "The review failed") || !strings.Contains(runs[0].Summary, "502") {
					t.Errorf("conclusion %q summary %q", runs[0].Conclusion, runs[0].Summary)
				}
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the run was not completed after the last attempt: %+v", runs)
			}
			time.Sleep(20 * time.Millisecond)
		}
		if n := e.fake.CallCount(fakegithub.RouteCreateCheckRun); n != 1 {
			t.Errorf("%d check runs created over 3 attempts, want 1 (each attempt resumes it)", n)
		}
	})
}
