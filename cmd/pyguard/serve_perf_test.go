package main

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/pyguard/pyguard/internal/fakegithub"
)

// TestServeWallTime50Files measures, through the real binary, the time from
// a signed pull_request.opened webhook to the completed check run for a PR
// changing 50 Python files (one AIML171 finding each) with 50 ms added to
// every GitHub API call. The number is recorded in docs/performance.md.
func TestServeWallTime50Files(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	fake := fakegithub.New(t, fakegithub.Options{AppID: e2eAppID})
	fake.AddInstallation(e2eInst, "acme")
	repo := fake.AddRepo("acme", "big")
	base, head := fakegithub.SHA("big-base"), fakegithub.SHA("big-head")
	files := map[string]string{}
	for i := 0; i < 50; i++ {
		files[fmt.Sprintf("pkg/train_%02d.py", i)] = trainPy
	}
	repo.Commit(base, map[string]string{"README.md": "# big\n"})
	repo.Branch("main", base)
	repo.Derive(head, base, files)
	repo.AddPR(fakegithub.PR{Number: 1, BaseSHA: base, HeadSHA: head})

	srv := startServe(t, fake, "PYGUARD_LOG_LEVEL=info")
	fake.SetLatency(50 * time.Millisecond)
	fake.ResetCalls()

	start := time.Now()
	if code, _ := srv.send("pull_request", newDelivery(), prPayload("opened", repo, 301, 1, head, base), e2eSecret); code != http.StatusAccepted {
		t.Fatalf("webhook: %d", code)
	}
	answered := time.Since(start)
	waitFor(t, "completed check run", func() bool { return len(completedRuns(fake, "acme", "big", head)) == 1 })
	total := time.Since(start)
	calls := 0
	for _, n := range fake.CallCounts() {
		calls += n
	}
	if n := len(pyguardComments(fake, "acme", "big", 1)); n != 50 {
		t.Errorf("%d comments, want 50", n)
	}
	// Calls run concurrently where they can: the review must take far less
	// than the calls one after another would.
	if serial := time.Duration(calls) * 50 * time.Millisecond; total >= serial {
		t.Errorf("webhook to check run %v, not below the serial %v", total, serial)
	}
	t.Logf("50-file PR, 50 ms per API call: webhook answered in %v; completed check run after %v; %d API calls (incl. token)", answered, total, calls)
}
