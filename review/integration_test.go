package review

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/pyguard/pyguard/internal/fakegithub"
)

const baseA = `import os


def load(path):
    return open(path).read()
`

// headA adds three findings to a.py: danger (high, safe fix) on line 6,
// meh (low, guidance) on line 7, risky (medium, unsafe fix with an import
// outside the hunk) on line 8.
const headA = `import os


def load(path):
    return open(path).read()
x = danger(load("a"))
meh()
y = risky(2)
`

func contentsPaths(fake *fakegithub.Server) []string {
	var out []string
	for _, c := range fake.Calls() {
		if c.Route == fakegithub.RouteContents {
			out = append(out, strings.TrimPrefix(c.Path, "/repos/octo/ml/contents/")+"?"+c.Query)
		}
	}
	sort.Strings(out)
	return out
}

func TestReviewPostsCommentsAndCompletesCheck(t *testing.T) {
	e := newEnv(t)
	_, head := e.pr(1,
		map[string]string{"a.py": baseA, "old.py": "danger()\n", "notes.txt": "n\n", "docs/x.md": "x\n"},
		map[string]string{"a.py": headA, "b.py": "import os\nz = danger(1)\n", "notes.txt": "danger()\n", "c.pyi": "danger()\n"},
		"old.py")
	e.review(e.target(1, head))

	// Exactly the changed, non-removed .py files were fetched, at the
	// head; .pyguard.yml from the base branch.
	want := []string{".pyguard.yml?ref=main", "a.py?ref=" + head, "b.py?ref=" + head}
	if got := contentsPaths(e.fake); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("contents fetched:\n%v\nwant\n%v", got, want)
	}
	cs := e.comments(1)
	if got := where(cs); got != "a.py:6 b.py:2 a.py:8 a.py:7" {
		t.Errorf("comments at %s (in posting order: severity first)", got)
	}
	c := at(cs, "a.py", 6)
	if c == nil || !strings.Contains(c.Body, "```suggestion\nx = safe_call(load(\"a\"))\n```") || c.Side != "RIGHT" || c.CommitID != head {
		t.Errorf("a.py:6 comment: %+v", c)
	}
	// Unsafe, under the default suggestions: all: a labelled suggestion
	// whose import is local to the statement.
	if c := at(cs, "a.py", 8); c == nil || !strings.Contains(c.Body, "⚠️ **Unsafe — review before applying:** results are rounded down.\n\n```suggestion\nimport math\ny = math.floor(2)\n```") {
		t.Errorf("a.py:8 (unsafe) comment: %+v", c)
	}
	if c := at(cs, "a.py", 7); c == nil || !strings.Contains(c.Body, "**How to fix:** Think about it.") {
		t.Errorf("a.py:7 guidance comment: %+v", c)
	}
	for _, c := range cs {
		if markerKey(c.Body) == "" {
			t.Errorf("comment without marker: %s", c.Body)
		}
	}
	reviews := e.fake.Reviews(owner, repoNm, 1)
	if len(reviews) != 1 || reviews[0].Event != "COMMENT" || reviews[0].CommitID != head || len(reviews[0].Comments) != 4 {
		t.Fatalf("reviews: %+v", reviews)
	}
	if !strings.Contains(reviews[0].Body, "found 4 new issues on the changed lines of this push; 3 of them come with a one-click fix") {
		t.Errorf("review body: %s", reviews[0].Body)
	}
	run := e.run(head)
	if run.Name != "PyGuard" || run.Status != "completed" || run.Conclusion != "failure" {
		t.Errorf("check run: %s %s %s", run.Name, run.Status, run.Conclusion)
	}
	if run.StatusHistory[0] != "in_progress" {
		t.Errorf("status history %v", run.StatusHistory)
	}
	if len(run.Annotations) != 4 {
		t.Errorf("annotations %d", len(run.Annotations))
	}
	levels := map[string]string{}
	for _, a := range run.Annotations {
		levels[fmt.Sprintf("%s:%d", a.Path, a.StartLine)] = a.AnnotationLevel
		if a.RawDetails == "" || a.Title == "" || a.Message == "" {
			t.Errorf("annotation %+v", a)
		}
	}
	if fmt.Sprint(levels) != "map[a.py:6:failure a.py:7:notice a.py:8:warning b.py:2:failure]" {
		t.Errorf("levels %v", levels)
	}
	for _, s := range []string{"| 🟠 high | 2 |", "| 🔵 low | 1 |", "- 4 posted with this push, 3 with a one-click fix\n", "[TEST001](" + docsURL + "TEST001.md) | high | `a.py:6`",
		"- 2 of 2 changed Python files analysed"} {
		if !strings.Contains(run.Summary, s) {
			t.Errorf("summary lacks %q:\n%s", s, run.Summary)
		}
	}
	if run.Title != "4 findings (2 high, 1 medium, 1 low)" {
		t.Errorf("title %q", run.Title)
	}
	// Every log line of the job carries the job's identity.
	for _, l := range strings.Split(strings.TrimSpace(e.logs.String()), "\n") {
		for _, k := range []string{`"github_delivery_id":"delivery-1"`, `"github_installation_id":7`, `"github_repository_owner":"octo"`,
			`"github_repository_name":"ml"`, `"github_pr_num":1`, `"github_head_sha":"` + head} {
			if !strings.Contains(l, k) {
				t.Errorf("log line lacks %s: %s", k, l)
			}
		}
	}
}

func TestReviewIsIdempotent(t *testing.T) {
	e := newEnv(t)
	_, head := e.pr(1, map[string]string{"a.py": baseA}, map[string]string{"a.py": headA})
	e.review(e.target(1, head))
	first := where(e.comments(1))
	// Redelivery of the same event, and a re-run.
	e.review(e.target(1, head))
	tg := e.target(1, head)
	tg.DeliveryID, tg.Event = "delivery-2", "check_suite.rerequested"
	e.review(tg)
	if got := where(e.comments(1)); got != first {
		t.Errorf("comments after redelivery: %s, want %s", got, first)
	}
	if n := e.fake.CallCount(fakegithub.RouteCreateReview); n != 1 {
		t.Errorf("%d reviews posted, want 1", n)
	}
	runs := e.fake.CheckRuns(owner, repoNm, head)
	if len(runs) != 3 || !strings.Contains(runs[2].Summary, "- 0 posted with this push\n- 3 already on the pull request") || runs[2].Conclusion != "failure" {
		t.Errorf("third run: %d runs, %s\n%s", len(runs), runs[len(runs)-1].Conclusion, runs[len(runs)-1].Summary)
	}
}

func TestSynchronizeShiftsLinesDeletesStale(t *testing.T) {
	e := newEnv(t)
	base, head := e.pr(1, map[string]string{"a.py": baseA}, map[string]string{"a.py": headA})
	e.review(e.target(1, head))
	if got := where(e.comments(1)); got != "a.py:6 a.py:8 a.py:7" {
		t.Fatalf("first push: %s", got)
	}
	// Someone replies to the risky() comment.
	risky := at(e.comments(1), "a.py", 8)
	e.repo.Reply(risky.ID, "alice", "This is intended.")

	// The next push adds lines above (shifting every finding), removes meh()
	// and risky(), and adds a new finding.
	head2 := fakegithub.SHA("head2")
	shifted := "import os\nimport sys\n\n\ndef load(path):\n    return open(path).read()\nx = danger(load(\"a\"))\nmulti()\n"
	e.repo.Derive(head2, base, map[string]string{"a.py": shifted})
	e.repo.Push(1, head2, nil)
	e.review(e.target(1, head2))

	cs := e.comments(1)
	// danger() keeps its comment (on its old line), meh()'s is deleted,
	// risky()'s stays because of the reply, multi() is new.
	if got := where(cs); got != "a.py:6 a.py:8 a.py:8" {
		t.Errorf("after synchronize: %s", got)
	}
	var newOnes []fakegithub.Comment
	for _, c := range cs {
		if c.CommitID == head2 && c.InReplyTo == 0 {
			newOnes = append(newOnes, c)
		}
	}
	if len(newOnes) != 1 || !strings.Contains(newOnes[0].Body, "TEST004") || newOnes[0].Line != 8 {
		t.Errorf("new comments: %+v", newOnes)
	}
	if n := e.fake.CallCount(fakegithub.RouteDeleteReviewComment); n != 1 {
		t.Errorf("deletions %d, want 1", n)
	}
	run := e.run(head2)
	for _, s := range []string{"- 1 posted with this push", "- 1 already on the pull request", "- 1 earlier comment deleted",
		"- 1 earlier comment kept although the findings are gone, because someone replied"} {
		if !strings.Contains(run.Summary, s) {
			t.Errorf("summary lacks %q:\n%s", s, run.Summary)
		}
	}
}

func TestMaxCommentsAndAnnotationBatches(t *testing.T) {
	e := newEnv(t)
	var b strings.Builder
	for i := range 110 {
		fmt.Fprintf(&b, "meh(%d)\n", i)
	}
	b.WriteString("danger(1)\nrisky(1)\n")
	_, head := e.pr(1, map[string]string{"a.py": "import os\n"}, map[string]string{"a.py": "import os\n" + b.String()})
	e.review(e.target(1, head))
	cs := e.comments(1)
	if len(cs) != 50 {
		t.Fatalf("%d comments, want max_comments 50", len(cs))
	}
	// Highest severity first: danger and risky are among the 50.
	if at(cs, "a.py", 112) == nil || at(cs, "a.py", 113) == nil {
		t.Error("high/medium findings not commented first")
	}
	reviews := e.fake.Reviews(owner, repoNm, 1)
	if len(reviews) != 2 || len(reviews[0].Comments) != 30 || len(reviews[1].Comments) != 20 {
		t.Errorf("reviews: %d", len(reviews))
	}
	run := e.run(head)
	if len(run.Annotations) != 112 || fmt.Sprint(run.AnnotationBatches) != "[0 50 50 12]" {
		t.Errorf("annotations %d in batches %v", len(run.Annotations), run.AnnotationBatches)
	}
	if !strings.Contains(run.Summary, "- 62 not posted: over the limit of 50 new comments per push (`max_comments`)") {
		t.Errorf("summary:\n%s", run.Summary)
	}
	// The next run posts the next 50.
	e.review(e.target(1, head))
	if n := len(e.comments(1)); n != 100 {
		t.Errorf("after the second run: %d comments", n)
	}
}

func TestRefusedCommentIsBisectedOut(t *testing.T) {
	e := newEnv(t)
	var b strings.Builder
	for i := range 20 {
		fmt.Fprintf(&b, "meh(%d)\n", i)
	}
	_, head := e.pr(1, map[string]string{"a.py": "import os\n"}, map[string]string{"a.py": "import os\n" + b.String()})
	e.repo.RefuseCommentsOn("a.py", 13)
	e.review(e.target(1, head))
	cs := e.comments(1)
	if len(cs) != 19 || at(cs, "a.py", 13) != nil {
		t.Errorf("%d comments; refused line present: %v", len(cs), at(cs, "a.py", 13) != nil)
	}
	if !strings.Contains(e.logs.String(), `"message":"GitHub refused a review comment; dropped it"`) || !strings.Contains(e.logs.String(), `"line":13`) {
		t.Errorf("drop not logged:\n%s", e.logs.String())
	}
	run := e.run(head)
	if !strings.Contains(run.Summary, "- 1 not posted: GitHub refused it (`a.py:13` TEST003)") || len(run.Annotations) != 20 {
		t.Errorf("summary:\n%s", run.Summary)
	}
	// log2(20) rounds of halving: far fewer calls than one per comment.
	if n := e.fake.CallCount(fakegithub.RouteCreateReview); n > 12 {
		t.Errorf("%d review calls", n)
	}
}

func TestNoPythonChangesIsNeutral(t *testing.T) {
	e := newEnv(t)
	_, head := e.pr(1, map[string]string{"README.md": "a\n", "gone.py": "x = 1\n"}, map[string]string{"README.md": "b\n"}, "gone.py")
	e.review(e.target(1, head))
	run := e.run(head)
	if run.Conclusion != "neutral" || run.Title != "No Python changes" || !strings.Contains(run.Summary, "changes no Python") {
		t.Errorf("run %s %q %q", run.Conclusion, run.Title, run.Summary)
	}
	if n := e.fake.CallCount(fakegithub.RouteContents); n != 1 { // .pyguard.yml only
		t.Errorf("contents calls %d", n)
	}
	if n := e.fake.CallCount(fakegithub.RouteCreateReview); n != 0 {
		t.Errorf("reviews %d", n)
	}
}

func TestConfigFromBase(t *testing.T) {
	e := newEnv(t)
	// The base ignores TEST003 and excludes tests/; the PR tries to ignore
	// TEST001 too and to lower the gate: its own .pyguard.yml is not used.
	_, head := e.pr(1,
		map[string]string{".pyguard.yml": "ignore: [TEST003]\npaths:\n  exclude: [\"tests/**\"]\nfail_on: critical\nsuggestions: none\n"},
		map[string]string{".pyguard.yml": "ignore: [TEST001, TEST003]\nfail_on: never\n",
			"a.py": "danger(1)\nmeh()\n", "tests/test_a.py": "danger(2)\n"})
	e.review(e.target(1, head))
	cs := e.comments(1)
	if where(cs) != "a.py:1" {
		t.Fatalf("comments %s", where(cs))
	}
	if strings.Contains(cs[0].Body, "```suggestion") || !strings.Contains(cs[0].Body, "suggestions: none") {
		t.Errorf("suggestions: none not applied:\n%s", cs[0].Body)
	}
	run := e.run(head)
	if run.Conclusion != "success" { // high < fail_on critical
		t.Errorf("conclusion %s", run.Conclusion)
	}
	if !strings.Contains(run.Summary, "`tests/test_a.py` — excluded by `paths.exclude`") {
		t.Errorf("summary:\n%s", run.Summary)
	}
	for _, c := range e.fake.Calls() {
		if c.Route == fakegithub.RouteContents && strings.Contains(c.Path, "tests/") {
			t.Error("excluded file fetched")
		}
	}
}

func TestInvalidConfigFailsCheck(t *testing.T) {
	e := newEnv(t)
	_, head := e.pr(1, map[string]string{".pyguard.yml": "fail_on: sometimes\n"}, map[string]string{"a.py": "danger(1)\n"})
	e.review(e.target(1, head))
	run := e.run(head)
	if run.Conclusion != "failure" || run.Title != "Invalid .pyguard.yml" || !strings.Contains(run.Summary, `line 1: fail_on: "sometimes" is not one of`) {
		t.Errorf("run %s %q\n%s", run.Conclusion, run.Title, run.Summary)
	}
	if n := e.fake.CallCount(fakegithub.RouteCreateReview); n != 0 {
		t.Errorf("a review was posted")
	}
	if n := len(e.fake.Reviews(owner, repoNm, 1)); n != 0 {
		t.Errorf("reviews %d", n)
	}
}

func TestLargeFileThroughBlobs(t *testing.T) {
	e := newEnv(t)
	big := strings.Repeat("x = 1\n", 180_000) + "danger(1)\n" // 1.08 MB
	_, head := e.pr(1, map[string]string{"a.py": "import os\n"}, map[string]string{"big.py": big})
	e.review(e.target(1, head))
	if n := e.fake.CallCount(fakegithub.RouteBlob); n != 1 {
		t.Errorf("blob calls %d", n)
	}
	if where(e.comments(1)) != "big.py:180001" {
		t.Errorf("comments %s", where(e.comments(1)))
	}
}

func TestFileWithoutPatch(t *testing.T) {
	e := newEnv(t)
	base, head := fakegithub.SHA("b"), fakegithub.SHA("h")
	e.repo.Commit(base, map[string]string{"a.py": "x = 1\n", "huge.py": "y = 1\n"})
	e.repo.Derive(head, base, map[string]string{"a.py": "x = 1\ndanger(1)\n", "huge.py": "y = 1\ndanger(2)\n", "new.py": "danger(3)\n"})
	e.repo.AddPR(fakegithub.PR{Number: 1, BaseSHA: base, HeadSHA: head, NoPatch: []string{"huge.py", "new.py"}})
	e.review(e.target(1, head))
	if where(e.comments(1)) != "a.py:2" {
		t.Errorf("comments %s", where(e.comments(1)))
	}
	run := e.run(head)
	for _, s := range []string{"`huge.py` — GitHub sent no diff for it (too large); analysed, but its findings cannot be placed",
		"`new.py` — GitHub sent no diff for it (too large); analysed without inline comments",
		"- 1 in files GitHub sent no diff for", "- 1 finding in modified files without a diff from GitHub are not counted"} {
		if !strings.Contains(run.Summary, s) {
			t.Errorf("summary lacks %q:\n%s", s, run.Summary)
		}
	}
	// new.py's finding counts (every line of a new file is added).
	if len(run.Annotations) != 2 {
		t.Errorf("annotations %d", len(run.Annotations))
	}
}

func TestFileListCapNoted(t *testing.T) {
	e := newEnv(t)
	base, head := fakegithub.SHA("b"), fakegithub.SHA("h")
	e.repo.Commit(base, map[string]string{})
	e.repo.Commit(head, map[string]string{"a.py": "danger(1)\n"})
	files := []fakegithub.File{{Filename: "a.py", Status: "added", Patch: "@@ -0,0 +1 @@\n+danger(1)"}}
	for i := range 3100 {
		files = append(files, fakegithub.File{Filename: fmt.Sprintf("data/%04d.csv", i), Status: "added", Patch: "@@ -0,0 +1 @@\n+1"})
	}
	e.repo.AddPR(fakegithub.PR{Number: 1, BaseSHA: base, HeadSHA: head, Files: files})
	e.review(e.target(1, head))
	if n := e.fake.CallCount(fakegithub.RoutePullFiles); n != 30 {
		t.Errorf("file list pages %d, want 30", n)
	}
	run := e.run(head)
	if !strings.Contains(run.Summary, "GitHub lists at most 3,000 files of a pull request and this one changes 3101") {
		t.Errorf("summary:\n%s", run.Summary)
	}
}

func TestInternalErrorFailsCheck(t *testing.T) {
	e := newEnv(t)
	_, head := e.pr(1, map[string]string{"a.py": "x = 1\n"}, map[string]string{"a.py": "danger(1)\n"})
	e.fake.Fail(fakegithub.RouteContents, 5, 500)
	err := e.rv.Review(context.Background(), e.target(1, head))
	if err == nil {
		t.Fatal("Review succeeded")
	}
	run := e.run(head)
	if run.Status != "completed" || run.Conclusion != "failure" || !strings.Contains(run.Summary, "The review failed:") || !strings.Contains(run.Summary, "500") {
		t.Errorf("run %s %s\n%s", run.Status, run.Conclusion, run.Summary)
	}
}

func TestPanicFailsCheck(t *testing.T) {
	e := newEnv(t)
	_, head := e.pr(1, map[string]string{"a.py": "x = 1\n"}, map[string]string{"a.py": "danger(1)\n"})
	e.rv.testHook = func(stage string) {
		if stage == "analysed" {
			panic("boom")
		}
	}
	err := e.rv.Review(context.Background(), e.target(1, head))
	if err == nil || !strings.Contains(err.Error(), "internal error: boom") {
		t.Fatalf("err %v", err)
	}
	run := e.run(head)
	if run.Status != "completed" || run.Conclusion != "failure" || !strings.Contains(run.Summary, "internal error: boom") {
		t.Errorf("run %s %s\n%s", run.Status, run.Conclusion, run.Summary)
	}
	// A panic in a fetch worker too.
	e2 := newEnv(t)
	_, head2 := e2.pr(2, map[string]string{"a.py": "x = 1\n"}, map[string]string{"a.py": "danger(1)\n", "b.py": "danger(2)\n"})
	e2.rv.testHook = func(stage string) {
		if stage == "fetch:b.py" {
			panic("worker boom")
		}
	}
	if err := e2.rv.Review(context.Background(), e2.target(2, head2)); err == nil {
		t.Fatal("Review succeeded")
	}
	if run := e2.run(head2); run.Conclusion != "failure" || !strings.Contains(run.Summary, "worker boom") {
		t.Errorf("run %s\n%s", run.Conclusion, run.Summary)
	}
}

func TestCancelledReviewCompletesCheck(t *testing.T) {
	e := newEnv(t)
	_, head := e.pr(1, map[string]string{"a.py": "x = 1\n"}, map[string]string{"a.py": "danger(1)\n"})
	ctx, cancel := context.WithCancel(context.Background())
	e.rv.testHook = func(stage string) {
		if stage == "started" {
			cancel()
		}
	}
	if err := e.rv.Review(ctx, e.target(1, head)); err == nil {
		t.Fatal("Review succeeded")
	}
	if run := e.run(head); run.Status != "completed" || run.Conclusion != "cancelled" {
		t.Errorf("run %s %s", run.Status, run.Conclusion)
	}
}

func TestForkPRFoundByHeadSHA(t *testing.T) {
	e := newEnv(t)
	base, head := fakegithub.SHA("b"), fakegithub.SHA("h")
	e.repo.Commit(base, map[string]string{"a.py": "x = 1\n"})
	e.repo.Derive(head, base, map[string]string{"a.py": "x = 1\ndanger(1)\n"})
	e.repo.AddPR(fakegithub.PR{Number: 9, BaseSHA: base, HeadSHA: head, Fork: true, User: "outsider"})
	tg := e.target(0, head)
	tg.Event = "check_suite.requested"
	e.review(tg)
	if where(e.comments(9)) != "a.py:2" {
		t.Errorf("comments %s", where(e.comments(9)))
	}
	if run := e.run(head); run.Conclusion != "failure" {
		t.Errorf("conclusion %s", run.Conclusion)
	}
	if !strings.Contains(e.logs.String(), `"github_pr_num":9`) {
		t.Error("logs do not name the resolved PR")
	}
}

// A push that is no pull request's head (each commit to main) gets no
// PyGuard check from check_suite.requested; a re-run a person asks for
// gets a neutral one that says why.
func TestNoPullRequestNoCheckRun(t *testing.T) {
	e := newEnv(t)
	sha := fakegithub.SHA("lonely")
	e.repo.Commit(sha, map[string]string{"a.py": "danger(1)\n"})
	tg := e.target(0, sha)
	tg.Event = "check_suite.requested"
	e.review(tg)
	if runs := e.fake.CheckRuns(owner, repoNm, sha); len(runs) != 0 {
		t.Fatalf("%d check runs on a commit with no pull request, want none", len(runs))
	}
	tg.Event = "check_suite.rerequested"
	e.review(tg)
	run := e.run(sha)
	if run.Conclusion != "neutral" || run.Title != "No pull request to review" {
		t.Errorf("run %s %q", run.Conclusion, run.Title)
	}
}

func TestSupersededHeadIsSkipped(t *testing.T) {
	e := newEnv(t)
	base, head := e.pr(1, map[string]string{"a.py": "x = 1\n"}, map[string]string{"a.py": "danger(1)\n"})
	head2 := fakegithub.SHA("newer")
	e.repo.Derive(head2, base, map[string]string{"a.py": "danger(2)\n"})
	e.repo.Push(1, head2, nil)
	e.review(e.target(1, head))
	if n := len(e.fake.CheckRuns(owner, repoNm, "")); n != 0 {
		t.Errorf("%d check runs for a superseded head", n)
	}
	if n := e.fake.CallCount(""); n != 1 {
		t.Errorf("%d calls, want only the PR lookup", n)
	}
}

// A re-run gets a new check run on the head, GitHub's documented path:
// GitHub appends annotations on every update, so restarting the old run
// would carry each annotation twice.
func TestRerequestedCheckRunGetsANewRun(t *testing.T) {
	e := newEnv(t)
	_, head := e.pr(1, map[string]string{"a.py": "x = 1\n"}, map[string]string{"a.py": "x = 1\ndanger(1)\n"})
	e.review(e.target(1, head))
	first := e.run(head)
	tg := e.target(1, head)
	tg.Event, tg.CheckRunID = "check_run.rerequested", first.ID
	e.review(tg)
	runs := e.fake.CheckRuns(owner, repoNm, head)
	if len(runs) != 2 {
		t.Fatalf("%d check runs, want the first and a new one", len(runs))
	}
	for _, r := range runs {
		if r.Status != "completed" || len(r.Annotations) != len(first.Annotations) || len(r.Annotations) == 0 {
			t.Errorf("run %d: %s with %d annotations, want completed with %d", r.ID, r.Status, len(r.Annotations), len(first.Annotations))
		}
		if r.ID == first.ID && r.Requests != first.Requests {
			t.Errorf("the re-requested run was updated again (%d requests, was %d)", r.Requests, first.Requests)
		}
	}
}

func TestHumanCommentWithMarkerIsNotDeleted(t *testing.T) {
	e := newEnv(t)
	_, head := e.pr(1, map[string]string{"a.py": "x = 1\n"}, map[string]string{"a.py": "x = 1\n"})
	e.repo.AddComment(fakegithub.Comment{PR: 1, Path: "a.py", Line: 1, User: "alice", Body: "quoting <!-- pyguard:TEST001:0123456789abcdef -->"})
	e.repo.AddComment(fakegithub.Comment{PR: 1, Path: "a.py", Line: 1, User: e.fake.BotLogin(), Body: "old <!-- pyguard:TEST001:0123456789abcdee -->"})
	e.review(e.target(1, head))
	cs := e.comments(1)
	if len(cs) != 1 || cs[0].User != "alice" {
		t.Errorf("comments %+v", cs)
	}
}

func TestForkPRFallbackToOpenPulls(t *testing.T) {
	// GitHub may list no pull request for a fork's head commit: the open
	// pull requests are searched by head SHA.
	e := newEnv(t)
	base, head := fakegithub.SHA("b"), fakegithub.SHA("h")
	e.repo.Commit(base, map[string]string{"a.py": "x = 1\n"})
	e.repo.Derive(head, base, map[string]string{"a.py": "x = 1\ndanger(1)\n"})
	e.repo.Commit(fakegithub.SHA("other"), map[string]string{})
	e.repo.AddPR(fakegithub.PR{Number: 4, BaseSHA: base, HeadSHA: fakegithub.SHA("other")})
	e.repo.AddPR(fakegithub.PR{Number: 9, BaseSHA: base, HeadSHA: head, Fork: true, User: "outsider"})
	e.fake.Inject(fakegithub.RouteCommitPulls, fakegithub.Fault{Status: 200, Body: "[]"})
	e.review(e.target(0, head))
	if where(e.comments(9)) != "a.py:2" || e.fake.CallCount(fakegithub.RouteListPulls) != 1 {
		t.Errorf("comments %s", where(e.comments(9)))
	}
}

func TestReviewPostFailureStillCompletesCheck(t *testing.T) {
	e := newEnv(t)
	_, head := e.pr(1, map[string]string{"a.py": "x = 1\n"}, map[string]string{"a.py": "x = 1\ndanger(1)\n"})
	e.fake.Fail(fakegithub.RouteCreateReview, 1, 502)
	err := e.rv.Review(context.Background(), e.target(1, head))
	if err == nil || !strings.Contains(err.Error(), "not posted") {
		t.Fatalf("err %v", err)
	}
	run := e.run(head)
	if run.Conclusion != "failure" || !strings.Contains(run.Summary, "posting stopped early") || len(run.Annotations) != 1 {
		t.Errorf("run %s\n%s", run.Conclusion, run.Summary)
	}
}

func TestRealRulesSuggestion(t *testing.T) {
	e := newEnv(t)
	e.rv.Rules = nil // rules.All()
	base := "import numpy as np\nfrom sklearn.preprocessing import StandardScaler\nfrom sklearn.model_selection import train_test_split\n\n" +
		"X = np.random.rand(100, 4)\ny = np.random.randint(0, 2, 100)\n\n" +
		"X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=1)\nscaler = StandardScaler()\n" +
		"X_train_s = scaler.fit_transform(X_train)\n"
	_, head := e.pr(1, map[string]string{"train.py": base}, map[string]string{"train.py": base + "X_test_s = scaler.fit_transform(X_test)\n"})
	e.review(e.target(1, head))
	cs := e.comments(1)
	if where(cs) != "train.py:11" {
		t.Fatalf("comments %s", where(cs))
	}
	for _, s := range []string{"**AIML171** · medium", "```suggestion\nX_test_s = scaler.transform(X_test)\n```",
		"(https://docs.example/rules/AIML171.md)", "<!-- pyguard:AIML171:"} {
		if !strings.Contains(cs[0].Body, s) {
			t.Errorf("comment lacks %q:\n%s", s, cs[0].Body)
		}
	}
	if run := e.run(head); run.Conclusion != "success" { // medium < high
		t.Errorf("conclusion %s", run.Conclusion)
	}
}

func TestLoggerFromContextWhenUnset(t *testing.T) {
	e := newEnv(t)
	_, head := e.pr(1, map[string]string{"a.py": "x = 1\n"}, map[string]string{"a.py": "x = 1\nmeh()\n"})
	e.rv.Logger = zerolog.Logger{}
	var buf syncBuffer
	ctx := zerolog.New(&buf).WithContext(context.Background())
	if err := e.rv.Review(ctx, e.target(1, head)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"github_pr_num":1`) || !strings.Contains(buf.String(), "check run completed") {
		t.Errorf("context logger not used:\n%s", buf.String())
	}
}

func TestReviewNotesPartialParse(t *testing.T) {
	e := newEnv(t)
	_, head := e.pr(1, map[string]string{"a.py": "x = 1\n"}, map[string]string{"nb.py": "%pip install torch\ny = danger(1)\n"})
	e.review(e.target(1, head))
	if cs := e.comments(1); len(cs) != 1 || cs[0].Line != 2 {
		t.Errorf("comments at %s, want the finding after the magic line", where(cs))
	}
	want := "- `nb.py` — analysed only in part: line 1 is a notebook magic or shell line (`%pip install torch`), not Python at line 1"
	if run := e.run(head); !strings.Contains(run.Summary, want) {
		t.Errorf("summary lacks %q:\n%s", want, run.Summary)
	}
}
