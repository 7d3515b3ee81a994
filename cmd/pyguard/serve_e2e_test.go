package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/pyguard/pyguard/internal/fakegithub"
)

// End-to-end: the pyguard binary runs `serve` against the fake GitHub, and
// the test drives it only through signed webhooks, as GitHub would.

const (
	e2eAppID   = 42
	e2eInst    = 7
	e2eSecret  = "e2e-webhook-secret"
	e2eTimeout = 30 * time.Second
)

// trainPy has one AIML171 finding (medium, safe fix) on line 11:
// fit_transform on the test split of a scaler already fitted on the
// training split; the suggestion replaces fit_transform with transform.
const trainPy = `import numpy as np
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split

X = np.random.rand(100, 4)
y = np.random.randint(0, 2, 100)

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=1)
scaler = StandardScaler()
X_train_s = scaler.fit_transform(X_train)
X_test_s = scaler.fit_transform(X_test)
`

// e2eMinOneClick is how many of the examples' review comments must carry
// a one-click suggestion (docs/review.md records the measured share).
const e2eMinOneClick = 5

const wantSuggestion = "```suggestion\nX_test_s = scaler.transform(X_test)\n```"

// e2eServer is a running `pyguard serve`.
type e2eServer struct {
	t   *testing.T
	cmd *exec.Cmd
	url string // http://127.0.0.1:PORT
	// exited is closed when the process has exited, with waitErr.
	exited  chan struct{}
	waitErr error

	mu  sync.Mutex
	log bytes.Buffer
}

func startServe(t *testing.T, fake *fakegithub.Server, extraEnv ...string) *e2eServer {
	t.Helper()
	env := cleanEnv(
		"PYGUARD_APP_ID="+fmt.Sprint(e2eAppID),
		"PYGUARD_PRIVATE_KEY="+string(fake.PrivateKeyPEM()),
		"PYGUARD_WEBHOOK_SECRET="+e2eSecret,
		"PYGUARD_GITHUB_URL="+fake.URL(),
		"PYGUARD_ADDR=127.0.0.1:0",
		"PYGUARD_LOG_LEVEL=debug",
		"PYGUARD_SHUTDOWN_TIMEOUT=20s",
		"PYGUARD_DATABASE_URL=sqlite://"+filepath.Join(t.TempDir(), "queue.db"),
		"PYGUARD_METRICS_ADDR=127.0.0.1:0",
	)
	cmd := exec.Command(pyguardBin, "serve")
	cmd.Env = append(env, extraEnv...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &e2eServer{t: t, cmd: cmd, exited: make(chan struct{})}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			s.mu.Lock()
			s.log.WriteString(line + "\n")
			s.mu.Unlock()
			var l struct {
				Message, Addr string
			}
			if json.Unmarshal([]byte(line), &l) == nil && l.Message == "pyguard serve listening" {
				addr <- l.Addr
			}
		}
		s.waitErr = cmd.Wait()
		close(s.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-s.exited:
		default:
			cmd.Process.Kill()
			<-s.exited
		}
		if t.Failed() {
			t.Logf("pyguard serve log:\n%s", s.logs())
		}
	})
	select {
	case a := <-addr:
		s.url = "http://" + a
	case <-s.exited:
		t.Fatalf("pyguard serve exited at startup: %v\n%s", s.waitErr, s.logs())
	case <-time.After(e2eTimeout):
		t.Fatalf("pyguard serve did not start\n%s", s.logs())
	}
	return s
}

func (s *e2eServer) logs() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.log.String()
}

// send posts a webhook signed with secret ("" = unsigned).
func (s *e2eServer) send(event, delivery string, payload any, secret string) (int, string) {
	s.t.Helper()
	body, err := json.Marshal(payload)
	if err != nil {
		s.t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, s.url+"/webhook", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-GitHub-Event", event)
	req.Header.Set("X-GitHub-Delivery", delivery)
	req.Header.Set("User-Agent", "GitHub-Hookshot/e2e")
	if secret != "" {
		mac := hmac.New(sha256.New, []byte(secret))
		mac.Write(body)
		req.Header.Set("X-Hub-Signature-256", "sha256="+hex.EncodeToString(mac.Sum(nil)))
	}
	start := time.Now()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatalf("POST /webhook: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if d := time.Since(start); d > 2*time.Second {
		s.t.Errorf("webhook answered after %v", d)
	}
	return resp.StatusCode, string(b)
}

func newDelivery() string {
	var b [16]byte
	rand.Read(b[:])
	h := hex.EncodeToString(b[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

func repoPayload(r *fakegithub.Repo, id int) map[string]any {
	return map[string]any{"id": id, "name": r.Name, "full_name": r.FullName(), "private": true,
		"owner": map[string]any{"login": r.Owner, "type": "Organization"}}
}

func prPayload(action string, r *fakegithub.Repo, repoID, number int, head, base string) map[string]any {
	repo := repoPayload(r, repoID)
	return map[string]any{
		"action": action, "number": number,
		"pull_request": map[string]any{
			"number": number, "state": "open", "draft": false,
			"head": map[string]any{"sha": head, "ref": fmt.Sprintf("feature-%d", number), "repo": repo},
			"base": map[string]any{"sha": base, "ref": "main", "repo": repo},
		},
		"repository":   repo,
		"installation": map[string]any{"id": e2eInst},
		"sender":       map[string]any{"login": "octocat"},
	}
}

func checkRunPayload(r *fakegithub.Repo, repoID, runID int64, number int, head string) map[string]any {
	repo := repoPayload(r, int(repoID))
	return map[string]any{
		"action": "rerequested",
		"check_run": map[string]any{
			"id": runID, "name": "PyGuard", "head_sha": head, "status": "completed",
			"app": map[string]any{"id": e2eAppID},
			"pull_requests": []any{map[string]any{"number": number,
				"head": map[string]any{"sha": head}, "base": map[string]any{"ref": "main", "repo": repo}}},
		},
		"repository":   repo,
		"installation": map[string]any{"id": e2eInst},
	}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(e2eTimeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// completedRuns are the completed PyGuard check runs on sha.
func completedRuns(fake *fakegithub.Server, owner, repo, sha string) []fakegithub.CheckRun {
	var out []fakegithub.CheckRun
	for _, r := range fake.CheckRuns(owner, repo, sha) {
		if r.Name == "PyGuard" && r.Status == "completed" {
			out = append(out, r)
		}
	}
	return out
}

func pyguardComments(fake *fakegithub.Server, owner, repo string, number int) []fakegithub.Comment {
	var out []fakegithub.Comment
	for _, c := range fake.Comments(owner, repo, number) {
		if c.User == fake.BotLogin() && c.InReplyTo == 0 {
			out = append(out, c)
		}
	}
	return out
}

// contentsFetched lists "path@ref" of the contents calls since the last
// ResetCalls.
func contentsFetched(fake *fakegithub.Server) []string {
	var out []string
	for _, c := range fake.Calls() {
		if c.Route == fakegithub.RouteContents && c.Status == 200 {
			p := c.Path[strings.Index(c.Path, "/contents/")+len("/contents/"):]
			ref := ""
			for _, kv := range strings.Split(c.Query, "&") {
				if v, ok := strings.CutPrefix(kv, "ref="); ok {
					ref = v
				}
			}
			out = append(out, p+"@"+ref)
		}
	}
	return out
}

func TestServeE2E(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	fake := fakegithub.New(t, fakegithub.Options{AppID: e2eAppID})
	fake.AddInstallation(e2eInst, "acme")

	// acme/ml: the base's .pyguard.yml lowers the gate to medium; the PR
	// tries to ignore the rule in its own .pyguard.yml, which must not
	// apply. It also touches a README and removes a Python file.
	ml := fake.AddRepo("acme", "ml")
	base := fakegithub.SHA("ml-base")
	ml.Commit(base, map[string]string{
		".pyguard.yml": "fail_on: medium\n",
		"README.md":    "# ml\n",
		"old.py":       "print('old')\n",
		"util.py":      "def f():\n    return 1\n",
	})
	ml.Branch("main", base)
	head1 := fakegithub.SHA("ml-head-1")
	ml.Derive(head1, base, map[string]string{
		".pyguard.yml": "fail_on: never\nignore: [AIML171]\n",
		"README.md":    "# ml\n\nTraining code.\n",
		"train.py":     trainPy,
	}, "old.py")
	ml.AddPR(fakegithub.PR{Number: 1, BaseSHA: base, HeadSHA: head1})

	srv := startServe(t, fake)

	t.Run("healthz", func(t *testing.T) {
		resp, err := http.Get(srv.url + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || strings.TrimSpace(string(b)) != "ok" {
			t.Errorf("healthz %d %q", resp.StatusCode, b)
		}
	})

	t.Run("forged signature", func(t *testing.T) {
		p := prPayload("opened", ml, 101, 1, head1, base)
		if code, _ := srv.send("pull_request", newDelivery(), p, "not-the-secret"); code != http.StatusUnauthorized {
			t.Errorf("wrong secret: %d, want 401", code)
		}
		if code, _ := srv.send("pull_request", newDelivery(), p, ""); code != http.StatusUnauthorized {
			t.Errorf("unsigned: %d, want 401", code)
		}
		if code, _ := srv.send("ping", newDelivery(), map[string]any{"zen": "Keep it logically awesome.", "hook_id": 1}, e2eSecret); code != http.StatusOK {
			t.Errorf("ping: %d, want 200", code)
		}
		if n := fake.CallCount(""); n != 0 {
			t.Errorf("GitHub was called %d times for refused or ignored deliveries", n)
		}
	})

	// The first review.
	delivery1 := newDelivery()
	if code, body := srv.send("pull_request", delivery1, prPayload("opened", ml, 101, 1, head1, base), e2eSecret); code != http.StatusAccepted {
		t.Fatalf("opened: %d %s, want 202", code, body)
	}
	waitFor(t, "the first check run to complete", func() bool { return len(completedRuns(fake, "acme", "ml", head1)) == 1 })

	t.Run("first review", func(t *testing.T) {
		run := completedRuns(fake, "acme", "ml", head1)[0]
		// fail_on: medium from the base applies (the head's `never` does not).
		if run.Conclusion != "failure" {
			t.Errorf("conclusion %q, want failure (base's fail_on: medium)", run.Conclusion)
		}
		if len(run.StatusHistory) == 0 || run.StatusHistory[0] != "in_progress" {
			t.Errorf("status history %v, want in_progress first", run.StatusHistory)
		}
		if len(run.Annotations) != 1 || run.Annotations[0].Path != "train.py" || run.Annotations[0].StartLine != 11 {
			t.Errorf("annotations %+v", run.Annotations)
		}
		if !strings.Contains(run.Summary, "AIML171") {
			t.Errorf("summary lacks the finding:\n%s", run.Summary)
		}
		cs := pyguardComments(fake, "acme", "ml", 1)
		if len(cs) != 1 {
			t.Fatalf("%d comments, want 1: %+v", len(cs), cs)
		}
		c := cs[0]
		if c.Path != "train.py" || c.Line != 11 || c.Side != "RIGHT" || c.CommitID != head1 {
			t.Errorf("comment at %s:%d %s on %s", c.Path, c.Line, c.Side, c.CommitID)
		}
		for _, want := range []string{"AIML171", "medium", wantSuggestion, "<!-- pyguard:AIML171:"} {
			if !strings.Contains(c.Body, want) {
				t.Errorf("comment lacks %q:\n%s", want, c.Body)
			}
		}
		if rv := fake.Reviews("acme", "ml", 1); len(rv) != 1 || rv[0].Event != "COMMENT" {
			t.Errorf("reviews %+v, want one COMMENT review", rv)
		}
		// Exactly the changed Python file at the head, and the config from
		// the base branch: not README.md, not the removed old.py, not the
		// head's .pyguard.yml.
		got := contentsFetched(fake)
		want := map[string]bool{"train.py@" + head1: true, ".pyguard.yml@main": true}
		for _, g := range got {
			if !want[g] {
				t.Errorf("fetched %s (all: %v)", g, got)
			}
		}
		for w := range want {
			if !strings.Contains(strings.Join(got, " "), w) {
				t.Errorf("did not fetch %s (all: %v)", w, got)
			}
		}
	})

	t.Run("redelivery", func(t *testing.T) {
		// The same delivery id again, and the same event under a new id (a
		// manual redelivery): both become jobs (a delivery counts as handled
		// only once its job has finished), and both find the head reviewed:
		// no second check run, nothing posted.
		if code, _ := srv.send("pull_request", delivery1, prPayload("opened", ml, 101, 1, head1, base), e2eSecret); code != http.StatusAccepted {
			t.Errorf("same delivery id: %d, want 202", code)
		}
		reopened := newDelivery()
		if code, _ := srv.send("pull_request", reopened, prPayload("reopened", ml, 101, 1, head1, base), e2eSecret); code != http.StatusAccepted {
			t.Fatalf("reopened: %d, want 202", code)
		}
		// Each is coalesced into the first job (still finishing) or runs
		// and finds the head reviewed.
		handled := func(delivery string) bool {
			for _, l := range strings.Split(srv.logs(), "\n") {
				if strings.Contains(l, delivery) && (strings.Contains(l, "coalesced") || strings.Contains(l, "already reviewed")) {
					return true
				}
			}
			return false
		}
		waitFor(t, "both redeliveries to be handled", func() bool {
			return strings.Count(srv.logs(), "already reviewed")+strings.Count(srv.logs(), "coalesced") >= 2 && handled(reopened)
		})
		if n := len(fake.CheckRuns("acme", "ml", head1)); n != 1 {
			t.Errorf("%d check runs after redeliveries, want 1", n)
		}
		if cs := pyguardComments(fake, "acme", "ml", 1); len(cs) != 1 {
			t.Errorf("%d comments after a redelivery, want 1", len(cs))
		}
		if rv := fake.Reviews("acme", "ml", 1); len(rv) != 1 {
			t.Errorf("%d reviews after a redelivery, want 1 (nothing new to say)", len(rv))
		}
	})

	// A push that shifts the finding down by three lines.
	head2 := fakegithub.SHA("ml-head-2")
	ml.Derive(head2, head1, map[string]string{"train.py": "# Training.\n# Uses the split below.\n\n" + trainPy})
	ml.Push(1, head2, nil)
	t.Run("synchronize", func(t *testing.T) {
		if code, _ := srv.send("pull_request", newDelivery(), prPayload("synchronize", ml, 101, 1, head2, base), e2eSecret); code != http.StatusAccepted {
			t.Fatalf("synchronize: %d, want 202", code)
		}
		waitFor(t, "the check run on the new head", func() bool { return len(completedRuns(fake, "acme", "ml", head2)) == 1 })
		run := completedRuns(fake, "acme", "ml", head2)[0]
		if len(run.Annotations) != 1 || run.Annotations[0].StartLine != 14 {
			t.Errorf("annotations %+v, want one on line 14", run.Annotations)
		}
		if cs := pyguardComments(fake, "acme", "ml", 1); len(cs) != 1 {
			t.Errorf("%d comments after a shifting push, want 1 (same fingerprint)", len(cs))
		}
	})

	t.Run("check_run rerequested", func(t *testing.T) {
		run := completedRuns(fake, "acme", "ml", head2)[0]
		before := run.Requests
		if code, _ := srv.send("check_run", newDelivery(), checkRunPayload(ml, 101, run.ID, 1, head2), e2eSecret); code != http.StatusAccepted {
			t.Fatalf("rerequested: %d, want 202", code)
		}
		// A new run on the head, GitHub's documented path: the old one is
		// left as it was, and no run carries an annotation twice.
		waitFor(t, "the re-run", func() bool { return len(completedRuns(fake, "acme", "ml", head2)) == 2 })
		for _, r := range fake.CheckRuns("acme", "ml", head2) {
			if r.ID == run.ID && r.Requests != before {
				t.Errorf("the re-requested run was updated again")
			}
			if r.ID != run.ID && (r.Conclusion != "failure" || len(r.Annotations) != len(run.Annotations)) {
				t.Errorf("re-run: %s with %d annotations, want failure with %d", r.Conclusion, len(r.Annotations), len(run.Annotations))
			}
		}
		if cs := pyguardComments(fake, "acme", "ml", 1); len(cs) != 1 {
			t.Errorf("%d comments after a re-run, want 1", len(cs))
		}
	})

	t.Run("config from base", func(t *testing.T) {
		// acme/svc: the base ignores AIML171; the PR adds the same file.
		svc := fake.AddRepo("acme", "svc")
		b := fakegithub.SHA("svc-base")
		svc.Commit(b, map[string]string{".pyguard.yml": "ignore: [AIML171]\n"})
		svc.Branch("main", b)
		h := fakegithub.SHA("svc-head")
		svc.Derive(h, b, map[string]string{"train.py": trainPy})
		svc.AddPR(fakegithub.PR{Number: 5, BaseSHA: b, HeadSHA: h})
		if code, _ := srv.send("pull_request", newDelivery(), prPayload("opened", svc, 202, 5, h, b), e2eSecret); code != http.StatusAccepted {
			t.Fatalf("opened: %d", code)
		}
		waitFor(t, "the svc check run", func() bool { return len(completedRuns(fake, "acme", "svc", h)) == 1 })
		run := completedRuns(fake, "acme", "svc", h)[0]
		if run.Conclusion != "success" || len(run.Annotations) != 0 {
			t.Errorf("conclusion %q with %d annotations, want success and none (ignored by the base config)", run.Conclusion, len(run.Annotations))
		}
		if cs := pyguardComments(fake, "acme", "svc", 5); len(cs) != 0 {
			t.Errorf("%d comments, want none", len(cs))
		}
	})

	t.Run("faults survived", func(t *testing.T) {
		h := fakegithub.SHA("ml-head-3")
		ml.Derive(h, base, map[string]string{"other.py": trainPy})
		ml.AddPR(fakegithub.PR{Number: 3, BaseSHA: base, HeadSHA: h})
		fake.Fail(fakegithub.RouteCreateCheckRun, 2, http.StatusBadGateway)
		fake.Fail(fakegithub.RoutePullFiles, 1, http.StatusServiceUnavailable)
		fake.SecondaryRateLimit(fakegithub.RouteCreateReview, 1, 1)
		fake.PrimaryRateLimit(fakegithub.RouteListReviewComments, 1, time.Now().Add(time.Second))
		fake.ResetCalls()
		if code, _ := srv.send("pull_request", newDelivery(), prPayload("opened", ml, 101, 3, h, base), e2eSecret); code != http.StatusAccepted {
			t.Fatalf("opened: %d", code)
		}
		waitFor(t, "the check run despite faults", func() bool { return len(completedRuns(fake, "acme", "ml", h)) == 1 })
		if n := fake.PendingFaults(); n != 0 {
			t.Errorf("%d injected faults not reached", n)
		}
		cs := pyguardComments(fake, "acme", "ml", 3)
		if len(cs) != 1 || !strings.Contains(cs[0].Body, wantSuggestion) {
			t.Errorf("comments %+v, want one with the suggestion", cs)
		}
		if rv := fake.Reviews("acme", "ml", 3); len(rv) != 1 {
			t.Errorf("%d reviews, want 1 (a rate-limited POST retried once)", len(rv))
		}
		if runs := fake.CheckRuns("acme", "ml", h); len(runs) != 1 {
			t.Errorf("%d check runs, want 1 (502s retried without duplicates)", len(runs))
		}
		logs := srv.logs()
		for _, want := range []string{`"reason":"secondary rate limit (Retry-After)"`, `"reason":"primary rate limit"`, `"reason":"server error 502"`, `"reason":"server error 503"`, "github: retrying after wait"} {
			if !strings.Contains(logs, want) {
				t.Errorf("log lacks %s", want)
			}
		}
	})

	// The examples as a pull request: the safe versions become the
	// vulnerable ones. Under the default configuration every comment whose
	// finding has a mechanical fix carries a one-click suggestion.
	t.Run("one-click fixes", func(t *testing.T) {
		read := func(name string) string {
			b, err := os.ReadFile(filepath.Join("..", "..", "examples", name))
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
		h := fakegithub.SHA("ml-head-examples")
		b := fakegithub.SHA("ml-base-examples")
		ml.Commit(b, map[string]string{"serving_api.py": read("safe/serving_api.py"), "train_pipeline.py": read("safe/train_pipeline.py")})
		ml.Derive(h, b, map[string]string{"serving_api.py": read("vulnerable/serving_api.py"), "train_pipeline.py": read("vulnerable/train_pipeline.py")})
		ml.AddPR(fakegithub.PR{Number: 5, BaseSHA: b, HeadSHA: h})
		if code, _ := srv.send("pull_request", newDelivery(), prPayload("opened", ml, 101, 5, h, b), e2eSecret); code != http.StatusAccepted {
			t.Fatalf("opened: %d", code)
		}
		waitFor(t, "the examples review", func() bool { return len(completedRuns(fake, "acme", "ml", h)) == 1 })
		cs := pyguardComments(fake, "acme", "ml", 5)
		suggested := 0
		for _, c := range cs {
			if strings.Contains(c.Body, "```suggestion\n") || strings.Contains(c.Body, "makes this change too") {
				suggested++
			}
		}
		t.Logf("one-click share: %d of %d comments carry a suggestion", suggested, len(cs))
		if len(cs) < 8 || suggested < e2eMinOneClick {
			t.Errorf("%d of %d comments carry a suggestion, want at least %d", suggested, len(cs), e2eMinOneClick)
			for _, c := range cs {
				t.Logf("%s:%d\n%s", c.Path, c.Line, c.Body)
			}
		}
		run := completedRuns(fake, "acme", "ml", h)[0]
		if !strings.Contains(run.Summary, fmt.Sprintf(", %d with a one-click fix", suggested)) {
			t.Errorf("summary does not count the one-click fixes:\n%s", run.Summary)
		}
	})

	t.Run("SIGTERM drains", func(t *testing.T) {
		h := fakegithub.SHA("ml-head-4")
		ml.Derive(h, base, map[string]string{"late.py": trainPy})
		ml.AddPR(fakegithub.PR{Number: 4, BaseSHA: base, HeadSHA: h})
		fake.SetLatency(150 * time.Millisecond) // the review takes a second or so
		if code, _ := srv.send("pull_request", newDelivery(), prPayload("opened", ml, 101, 4, h, base), e2eSecret); code != http.StatusAccepted {
			t.Fatalf("opened: %d", code)
		}
		waitFor(t, "the review to start", func() bool { return len(fake.CheckRuns("acme", "ml", h)) == 1 })
		if err := srv.cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		select {
		case <-srv.exited:
			if srv.waitErr != nil {
				t.Fatalf("exit: %v, want 0", srv.waitErr)
			}
		case <-time.After(e2eTimeout):
			t.Fatal("pyguard serve did not exit after SIGTERM")
		}
		if runs := completedRuns(fake, "acme", "ml", h); len(runs) != 1 {
			t.Errorf("the in-flight review did not finish before exit: %+v", fake.CheckRuns("acme", "ml", h))
		}
		if cs := pyguardComments(fake, "acme", "ml", 4); len(cs) != 1 {
			t.Errorf("%d comments from the drained review, want 1", len(cs))
		}
		if !strings.Contains(srv.logs(), "drained") {
			t.Errorf("no drain line in the log")
		}
		// No longer listening.
		if _, err := http.Get(srv.url + "/healthz"); err == nil {
			t.Error("still answering after exit")
		}
	})
}

// A GitHub Enterprise Server-style base (…/api/v3/) works as given too.
func TestServeE2EEnterpriseURL(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	fake := fakegithub.New(t, fakegithub.Options{AppID: e2eAppID, PathPrefix: "/api/v3"})
	if !strings.HasSuffix(fake.URL(), "/api/v3/") {
		t.Fatalf("fake URL %s", fake.URL())
	}
	fake.AddInstallation(e2eInst, "acme")
	r := fake.AddRepo("acme", "ml")
	b, h := fakegithub.SHA("b"), fakegithub.SHA("h")
	r.Commit(b, map[string]string{})
	r.Branch("main", b)
	r.Derive(h, b, map[string]string{"train.py": trainPy})
	r.AddPR(fakegithub.PR{Number: 9, BaseSHA: b, HeadSHA: h})
	// Without the trailing slash, as users write it.
	srv := startServe(t, fake, "PYGUARD_GITHUB_URL="+strings.TrimSuffix(fake.URL(), "/"))
	// The first installation token request fails: the request that needed
	// it is retried (it was never sent).
	fake.Fail(fakegithub.RouteAccessToken, 1, http.StatusBadGateway)
	if code, _ := srv.send("pull_request", newDelivery(), prPayload("opened", r, 1, 9, h, b), e2eSecret); code != http.StatusAccepted {
		t.Fatalf("opened: %d", code)
	}
	waitFor(t, "the check run", func() bool { return len(completedRuns(fake, "acme", "ml", h)) == 1 })
	if cs := pyguardComments(fake, "acme", "ml", 9); len(cs) != 1 || !strings.Contains(cs[0].Body, wantSuggestion) {
		t.Errorf("comments %+v", cs)
	}
	if n := fake.CallCount(fakegithub.RouteAccessToken); n != 2 {
		t.Errorf("%d token requests, want 2 (a 502, then the token)", n)
	}
	ctx, cancel := context.WithTimeout(context.Background(), e2eTimeout)
	defer cancel()
	srv.cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-srv.exited:
		if srv.waitErr != nil {
			t.Errorf("exit after SIGINT: %v", srv.waitErr)
		}
	case <-ctx.Done():
		t.Error("no exit after SIGINT")
	}
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
