package review

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pyguard/pyguard/internal/fakegithub"
)

// prWithFiles seeds PR 1 changing n Python files, one finding each.
func prWithFiles(e *env, n int) string {
	base, head := map[string]string{}, map[string]string{}
	for i := range n {
		p := fmt.Sprintf("pkg/m%03d.py", i)
		base[p] = "import os\n\nx = 1\n"
		head[p] = fmt.Sprintf("import os\n\nx = 1\ny = danger(%d)\n", i)
	}
	_, h := e.pr(1, base, head)
	return h
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// TestAPICallsPerReview counts GitHub API calls of one review as a
// function of the files changed (each with one new finding) and checks
// them against the minimum: the PR, one check-run create, the config, one
// file-list page per 100 files, one fetch per file, two comment listings
// (the second right before posting, so an earlier attempt's comments are
// never posted twice), one review per 30 comments (max_comments 50), one check-run update per
// 50 annotations.
func TestAPICallsPerReview(t *testing.T) {
	var table []string
	for _, n := range []int{1, 10, 50, 150} {
		e := newEnv(t)
		head := prWithFiles(e, n)
		e.review(e.target(1, head))
		counts := e.fake.CallCounts()
		comments := min(n, 50)
		want := map[string]int{
			fakegithub.RoutePull:               1,
			fakegithub.RouteCreateCheckRun:     1,
			fakegithub.RouteContents:           1 + n,
			fakegithub.RoutePullFiles:          ceilDiv(n, 100),
			fakegithub.RouteListReviewComments: 2,
			fakegithub.RouteCreateReview:       ceilDiv(comments, 30),
			fakegithub.RouteUpdateCheckRun:     max(1, ceilDiv(n, 50)),
		}
		total, wantTotal := 0, 0
		for r, c := range counts {
			total += c
			if c != want[r] {
				t.Errorf("%d files: %s called %d times, want %d", n, r, c, want[r])
			}
		}
		for _, c := range want {
			wantTotal += c
		}
		if total != wantTotal {
			t.Errorf("%d files: %d calls, want %d", n, total, wantTotal)
		}
		var parts []string
		for r, c := range counts {
			parts = append(parts, fmt.Sprintf("%s=%d", strings.Replace(r, "/repos/{owner}/{repo}", "", 1), c))
		}
		sort.Strings(parts)
		table = append(table, fmt.Sprintf("| %d | %d | %d | %s |", n, total, len(e.comments(1)), strings.Join(parts, ", ")))
	}
	t.Logf("API calls per review (one new finding per changed file):\n| files | calls | comments | by route |\n| ---: | ---: | ---: | --- |\n%s", strings.Join(table, "\n"))
}

// TestWallTime50Files measures the time from Review start to the
// completed check run for a 50-file PR with 50 ms added to every call.
func TestWallTime50Files(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	e := newEnv(t)
	head := prWithFiles(e, 50)
	e.rv.Now = nil // real clock
	e.fake.SetLatency(50 * time.Millisecond)
	start := time.Now()
	e.review(e.target(1, head))
	elapsed := time.Since(start)
	var completed time.Time
	for _, c := range e.fake.Calls() {
		if c.Route == fakegithub.RouteUpdateCheckRun {
			completed = c.Time
		}
	}
	run := e.run(head)
	if run.Status != "completed" || len(e.comments(1)) != 50 {
		t.Fatalf("run %s, %d comments", run.Status, len(e.comments(1)))
	}
	calls := e.fake.CallCount("")
	t.Logf("50-file PR, 50 ms per API call: %d calls, review start -> check run completed %v (Review returned after %v); sequential minimum %v",
		calls, completed.Sub(start).Round(time.Millisecond), elapsed.Round(time.Millisecond), time.Duration(calls)*50*time.Millisecond)
	if elapsed > 10*time.Second {
		t.Errorf("review took %v", elapsed)
	}
}
