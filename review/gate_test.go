package review

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/pyguard/pyguard/internal/fakegithub"
)

// The gate cannot be dodged: a changed Python file that was not analysed
// fails the check run, by name and with the reason, unless the base
// branch says `skipped_files: warn`.

// padded is a vulnerable file padded past the 5 MiB analysis limit.
var padded = "x = danger(1)\n" + strings.Repeat("# padding padding padding padding padding padding padding\n", (5<<20)/58+10)

func wantSummary(t *testing.T, run fakegithub.CheckRun, parts ...string) {
	t.Helper()
	for _, s := range parts {
		if !strings.Contains(run.Summary, s) {
			t.Errorf("summary lacks %q:\n%s", s, run.Summary)
		}
	}
}

func TestOversizedFileFailsTheCheck(t *testing.T) {
	e := newEnv(t)
	_, head := e.pr(1, map[string]string{"a.py": "x = 1\n"}, map[string]string{"a.py": "x = 2\n", "big.py": padded})
	e.review(e.target(1, head))
	run := e.run(head)
	if run.Conclusion != "failure" || run.Title != "1 file not analysed" {
		t.Errorf("run %s %q, want failure naming the file", run.Conclusion, run.Title)
	}
	wantSummary(t, run, "- `big.py` — too large to analyse (5243", "the limit is 5 MiB)",
		"**Result:** failing — 1 changed Python file was not analysed, or only in part.", "`skipped_files: fail`", "- 1 of 2 changed Python files analysed")
	// The size from the contents API is enough: the blob is never fetched.
	if n := e.fake.CallCount(fakegithub.RouteBlob); n != 0 {
		t.Errorf("%d blob calls for a file known to be too large", n)
	}
}

func TestSkippedFilesWarnPasses(t *testing.T) {
	e := newEnv(t)
	_, head := e.pr(1, map[string]string{".pyguard.yml": "skipped_files: warn\n", "a.py": "x = 1\n"},
		map[string]string{"a.py": "x = 2\n", "big.py": padded, "bin.py": "x = 1\x00\n"})
	e.review(e.target(1, head))
	run := e.run(head)
	if run.Conclusion != "success" || run.Title != "2 files not analysed" {
		t.Errorf("run %s %q, want success with the list", run.Conclusion, run.Title)
	}
	wantSummary(t, run, "**Result:** passing — no finding at or above `high`.",
		"**Not analysed:** 2 changed Python files were not analysed, or only in part; `skipped_files: warn`",
		"- `big.py` — too large to analyse", "- `bin.py` — binary file (contains NUL bytes)", "`skipped_files: warn`.")
}

// paths.exclude is the user's choice, not a file PyGuard failed to read.
func TestExcludedFileIsNotSkipped(t *testing.T) {
	e := newEnv(t)
	_, head := e.pr(1, map[string]string{".pyguard.yml": "paths:\n  exclude: [\"gen/**\"]\n", "a.py": "x = 1\n"},
		map[string]string{"a.py": "x = 2\n", "gen/big.py": padded})
	e.review(e.target(1, head))
	if run := e.run(head); run.Conclusion != "success" || strings.Contains(run.Summary, "not analysed,") {
		t.Errorf("run %s %q\n%s", run.Conclusion, run.Title, run.Summary)
	}
}

// A PEP 263 declaration is honoured: the file is decoded and analysed,
// and its finding reported at the right line. Its fix is not a one-click
// suggestion, which would commit UTF-8 into a latin-1 file.
func TestLatin1FileIsAnalysed(t *testing.T) {
	e := newEnv(t)
	latin1 := "# -*- coding: latin-1 -*-\nname = 'caf\xe9'\nx = danger(name)\n"
	ascii := "# -*- coding: latin-1 -*-\nname = 'cafe'\ny = danger(name)\n"
	_, head := e.pr(1, map[string]string{"a.py": "x = 1\n"}, map[string]string{"l1.py": latin1, "ascii.py": ascii})
	e.review(e.target(1, head))
	run := e.run(head)
	if run.Conclusion != "failure" || run.Title != "2 findings (2 high)" {
		t.Errorf("run %s %q\n%s", run.Conclusion, run.Title, run.Summary)
	}
	wantSummary(t, run, "- 2 of 2 changed Python files analysed")
	if strings.Contains(run.Summary, "not valid UTF-8") {
		t.Errorf("latin-1 file skipped:\n%s", run.Summary)
	}
	cs := e.comments(1)
	if where(cs) != "ascii.py:3 l1.py:3" {
		t.Fatalf("comments at %s", where(cs))
	}
	c := at(cs, "l1.py", 3)
	if strings.Contains(c.Body, "```suggestion") || !strings.Contains(c.Body, "Not offered as a one-click suggestion: the file is in iso8859-1") ||
		!strings.Contains(c.Body, "-x = danger(name)\n+x = safe_call(name)\n") {
		t.Errorf("latin-1 comment:\n%s", c.Body)
	}
	// Decoding changed nothing in an ASCII file: its suggestion stands.
	if c := at(cs, "ascii.py", 3); !strings.Contains(c.Body, "```suggestion\ny = safe_call(name)\n```") {
		t.Errorf("ASCII comment:\n%s", c.Body)
	}
}

func TestUnknownCodingFailsTheCheck(t *testing.T) {
	e := newEnv(t)
	_, head := e.pr(1, map[string]string{"a.py": "x = 1\n"}, map[string]string{"k.py": "# coding: klingon\nx = danger(1)\n"})
	e.review(e.target(1, head))
	run := e.run(head)
	if run.Conclusion != "failure" {
		t.Errorf("conclusion %s", run.Conclusion)
	}
	wantSummary(t, run, "- `k.py` — unknown encoding \"klingon\" in the coding declaration on line 1")
}

// GitHub lists at most 3,000 files: the files past the cap were never
// seen, so the check fails even when those listed are clean, and even when
// no listed file is Python.
func TestListingCapFailsTheCheck(t *testing.T) {
	for _, pyFirst := range []bool{true, false} {
		t.Run(fmt.Sprint("python listed ", pyFirst), func(t *testing.T) {
			e := newEnv(t)
			base, head := fakegithub.SHA("b"), fakegithub.SHA("h")
			e.repo.Commit(base, map[string]string{})
			e.repo.Commit(head, map[string]string{"a.py": "x = 1\n"})
			var files []fakegithub.File
			for i := range 3499 {
				files = append(files, fakegithub.File{Filename: fmt.Sprintf("data/%04d.csv", i), Status: "added", Patch: "@@ -0,0 +1 @@\n+1"})
			}
			py := fakegithub.File{Filename: "a.py", Status: "added", Patch: "@@ -0,0 +1 @@\n+x = 1"}
			if pyFirst {
				files = append([]fakegithub.File{py}, files...)
			} else {
				files = append(files, py) // past the cap
			}
			e.repo.AddPR(fakegithub.PR{Number: 1, BaseSHA: base, HeadSHA: head, Files: files})
			e.review(e.target(1, head))
			run := e.run(head)
			if run.Conclusion != "failure" {
				t.Errorf("run %s %q\n%s", run.Conclusion, run.Title, run.Summary)
			}
			wantSummary(t, run, "GitHub lists at most 3,000 files of a pull request and this one changes 3500",
				"the files past GitHub's 3,000-file listing cap were not reviewed")
		})
	}
}

// A blob that vanished (404) skips that file with the reason; the rest of
// the pull request is reviewed and commented as usual.
func TestMissingBlobSkipsOnlyThatFile(t *testing.T) {
	e := newEnv(t)
	big := strings.Repeat("x = 1\n", 180_000) + "danger(1)\n" // over 1 MB: through the blobs API
	_, head := e.pr(1, map[string]string{"a.py": "x = 1\n"}, map[string]string{"a.py": "x = danger(2)\n", "big.py": big})
	e.repo.DeleteBlob(fakegithub.BlobSHA(big))
	e.review(e.target(1, head))
	if where(e.comments(1)) != "a.py:1" {
		t.Errorf("comments at %s, want a.py reviewed", where(e.comments(1)))
	}
	run := e.run(head)
	if run.Conclusion != "failure" || run.Title != "1 finding (1 high); 1 file not analysed" {
		t.Errorf("run %s %q", run.Conclusion, run.Title)
	}
	wantSummary(t, run, "- `big.py` — GitHub could not give its blob "+fakegithub.BlobSHA(big)[:7]+" (404 Not Found)",
		"**Also failing:** 1 changed Python file was not analysed")
}

// A file listed as changed that the head does not have, with no blob to
// fall back on (404 from the contents API), is skipped the same way.
func TestMissingContentsSkipsOnlyThatFile(t *testing.T) {
	e := newEnv(t)
	base, head := fakegithub.SHA("b"), fakegithub.SHA("h")
	e.repo.Commit(base, map[string]string{})
	e.repo.Commit(head, map[string]string{"a.py": "danger(1)\n"})
	e.repo.AddPR(fakegithub.PR{Number: 1, BaseSHA: base, HeadSHA: head, Files: []fakegithub.File{
		{Filename: "a.py", Status: "added", Patch: "@@ -0,0 +1 @@\n+danger(1)"},
		{Filename: "gone.py", Status: "added", Patch: "@@ -0,0 +1 @@\n+danger(2)"},
	}})
	e.review(e.target(1, head))
	if where(e.comments(1)) != "a.py:1" {
		t.Errorf("comments at %s", where(e.comments(1)))
	}
	wantSummary(t, e.run(head), "- `gone.py` — GitHub could not give its contents (404 Not Found)")
}

// A server error is not a missing file: the review fails, so the job is
// retried, rather than passing a file it never saw.
func TestServerErrorOnBlobFailsTheReview(t *testing.T) {
	e := newEnv(t)
	big := strings.Repeat("x = 1\n", 180_000) + "danger(1)\n"
	_, head := e.pr(1, map[string]string{"a.py": "x = 1\n"}, map[string]string{"big.py": big})
	e.fake.Fail(fakegithub.RouteBlob, 1, 502)
	err := e.rv.Review(context.Background(), e.target(1, head))
	if err == nil || !strings.Contains(err.Error(), "502") {
		t.Fatalf("Review = %v, want the 502", err)
	}
	for _, r := range e.fake.CheckRuns(owner, repoNm, head) {
		if r.Conclusion == "success" {
			t.Errorf("check run passed on a file it never saw:\n%s", r.Summary)
		}
	}
}

// A syntax error leaves part of the file unanalysed: that fails the check
// (the part may hold anything), and is listed with the line.
func TestPartialParseFailsTheCheck(t *testing.T) {
	for cfg, want := range map[string]string{"": "failure", "skipped_files: warn\n": "success"} {
		e := newEnv(t)
		_, head := e.pr(1, map[string]string{".pyguard.yml": cfg, "a.py": "x = 1\n"}, map[string]string{"a.py": "x = 1\ndef f(:\n    pass\n"})
		e.review(e.target(1, head))
		run := e.run(head)
		if run.Conclusion != want {
			t.Errorf("%q: conclusion %s, want %s\n%s", cfg, run.Conclusion, want, run.Summary)
		}
		wantSummary(t, run, "- `a.py` — analysed only in part: ", "at line 2")
	}
}

// A modified file without a patch: findings at or above the gate cannot be
// told new or old, so they fail the check; lower ones do not.
func TestNoPatchFindingsAtTheGateFail(t *testing.T) {
	for src, want := range map[string]string{"y = 1\ndanger(2)\n": "failure", "y = 1\nmeh()\n": "success"} {
		e := newEnv(t)
		base, head := fakegithub.SHA("b"), fakegithub.SHA("h")
		e.repo.Commit(base, map[string]string{"huge.py": "y = 1\n"})
		e.repo.Derive(head, base, map[string]string{"huge.py": src})
		e.repo.AddPR(fakegithub.PR{Number: 1, BaseSHA: base, HeadSHA: head, NoPatch: []string{"huge.py"}})
		e.review(e.target(1, head))
		run := e.run(head)
		if run.Conclusion != want {
			t.Errorf("%q: conclusion %s, want %s\n%s", src, run.Conclusion, want, run.Summary)
		}
		wantSummary(t, run, "- `huge.py` — GitHub sent no diff for it (too large); analysed, but its findings cannot be placed on changed lines")
	}
}

// Files whose analysis would not fit the analysis memory are refused
// before they are parsed.
func TestHugeFilesAreRefusedBeforeParsing(t *testing.T) {
	huge := strings.Repeat("x=1\n", 1_000_000)
	if _, why := analysisCost([]byte(huge)); !strings.Contains(why, "too big to analyse in a review: an estimated 3.0 million tokens") {
		t.Fatalf("reason %q", why)
	}
	if cost, why := analysisCost([]byte(strings.Repeat("x = f(a, b)\n", 10_000))); why != "" || cost > 64<<20 {
		t.Errorf("an ordinary file: cost %d, %q", cost, why)
	}
}

// memoryEnv makes TestReviewMemory's child process run the review.
const memoryEnv = "PYGUARD_REVIEW_MEMORY_CHILD"

// A pull request of four 1M-line files, and two files just inside the
// analysis memory, is reviewed within 512 MiB of RSS (the fake GitHub in
// the same process included). The review runs in a child process so that
// its peak RSS is its own.
func TestReviewMemory(t *testing.T) {
	if os.Getenv(memoryEnv) != "" {
		reviewForMemory(t)
		return
	}
	if testing.Short() {
		t.Skip("parses two large files")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestReviewMemory$", "-test.v")
	cmd.Env = append(os.Environ(), memoryEnv+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	var peak int
	for _, l := range strings.Split(string(out), "\n") {
		if _, v, ok := strings.Cut(l, "peak RSS MiB: "); ok {
			peak, _ = strconv.Atoi(strings.TrimSpace(v))
		}
	}
	t.Logf("peak RSS of the review: %d MiB", peak)
	if peak == 0 || peak >= 512 {
		t.Errorf("peak RSS %d MiB, want under 512\n%s", peak, out)
	}
}

func reviewForMemory(t *testing.T) {
	e := newEnv(t)
	head := map[string]string{}
	var huge []string
	for i := range 4 {
		p := fmt.Sprintf("huge%d.py", i)
		head[p] = strings.Repeat(fmt.Sprintf("x%d=1\n", i), 1_000_000)
		huge = append(huge, p)
	}
	// 540,000 estimated tokens each: one at a time fits the bound.
	for i := range 2 {
		head[fmt.Sprintf("big%d.py", i)] = "danger(1)\n" + strings.Repeat(fmt.Sprintf("y%d=1\n", i), 180_000)
	}
	base, sha := fakegithub.SHA("base"), fakegithub.SHA("head")
	e.repo.Commit(base, map[string]string{"a.py": "x = 1\n"})
	e.repo.Branch("main", base)
	e.repo.Derive(sha, base, head)
	// GitHub sends no patch for diffs this large.
	e.repo.AddPR(fakegithub.PR{Number: 1, BaseSHA: base, HeadSHA: sha, NoPatch: huge})
	// What the fake needed to compute the patches is not the review's.
	debug.FreeOSMemory()
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		t.Skipf("cannot reset the peak RSS: %v", err)
	}
	fmt.Printf("baseline RSS MiB: %d\n", peakRSS(t)>>20)
	e.review(e.target(1, sha))
	run := e.run(sha)
	if run.Conclusion != "failure" || !strings.Contains(run.Title, "4 files not analysed") || len(run.Annotations) != 2 {
		t.Errorf("run %s %q, %d annotations\n%s", run.Conclusion, run.Title, len(run.Annotations), run.Summary)
	}
	fmt.Printf("peak RSS MiB: %d\n", peakRSS(t)>>20)
}

// peakRSS is the process's peak resident set (VmHWM), in bytes.
func peakRSS(t *testing.T) int {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status")
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return kb << 10
		}
	}
	t.Skip("no VmHWM")
	return 0
}

// Large analyses share one OS thread, whose malloc arena each reuses.
func TestLargeAnalysesShareOneThread(t *testing.T) {
	tids := map[int]bool{}
	for range 3 {
		var tid int
		if err := largeAnalyses.run(context.Background(), func() { tid = syscall.Gettid() }); err != nil {
			t.Fatal(err)
		}
		tids[tid] = true
	}
	if len(tids) != 1 {
		t.Errorf("ran on threads %v, want one", tids)
	}
	// While the thread is busy, a job whose context ends gives up unrun.
	busy, free := make(chan bool), make(chan bool)
	go largeAnalyses.run(context.Background(), func() { busy <- true; <-free })
	<-busy
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := largeAnalyses.run(ctx, func() { t.Error("ran after its context ended") }); err == nil {
		t.Error("no error for an ended context")
	}
	close(free)
}
