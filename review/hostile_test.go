package review

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pyguard/pyguard/internal/fakegithub"
)

// Hostile pull requests: whatever a pull request holds, the review
// returns in bounded time, completes its check run (never left
// in_progress) with a conclusion and summary that say what happened, names
// every file it could not analyse with the reason, still reports the
// findings of the other files, and comments only on lines of the diff.

// hostileLimit bounds one hostile review.
const hostileLimit = 20 * time.Second

// hostileTimes records how long each case's review took, for the table
// TestHostilePullRequests logs (go test -v -run HostilePullRequests).
var hostileTimes = struct {
	sync.Mutex
	rows map[string]time.Duration
}{rows: map[string]time.Duration{}}

// hostileReview runs one review of pr n at head, failing the test when it
// panics, errors or takes longer than hostileLimit, and returns the
// completed check run.
func (e *env) hostileReview(n int, head string) fakegithub.CheckRun {
	e.t.Helper()
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Errorf("panic: %v", p)
			}
		}()
		done <- e.rv.Review(context.Background(), e.target(n, head))
	}()
	select {
	case err := <-done:
		if err != nil {
			e.t.Fatalf("Review: %v\nlogs:\n%s", err, e.logs.String())
		}
	case <-time.After(hostileLimit):
		e.t.Fatalf("the review did not return within %v", hostileLimit)
	}
	took := time.Since(start)
	hostileTimes.Lock()
	hostileTimes.rows[e.t.Name()] = took
	hostileTimes.Unlock()
	e.t.Logf("review took %v", took.Round(time.Millisecond))

	runs := e.fake.CheckRuns(owner, repoNm, head)
	if len(runs) != 1 {
		e.t.Fatalf("%d check runs on the head, want 1", len(runs))
	}
	run := runs[0]
	if run.Status != "completed" {
		e.t.Fatalf("check run left %s (history %v)", run.Status, run.StatusHistory)
	}
	for i, b := range run.AnnotationBatches {
		if b > fakegithub.MaxAnnotationsPerRequest {
			e.t.Errorf("request %d sent %d annotations, GitHub takes at most %d", i, b, fakegithub.MaxAnnotationsPerRequest)
		}
	}
	if strings.Contains(e.logs.String(), "GitHub refused a review comment") {
		e.t.Errorf("a comment was refused (off the diff?):\n%s", e.logs.String())
	}
	return run
}

// onDiff checks that every comment of the bot is on an added line of its
// file's patch (patches: path -> patch as GitHub lists it), and its body
// within GitHub's limit.
func (e *env) onDiff(n int, patches map[string]string) {
	e.t.Helper()
	for _, c := range e.comments(n) {
		p, ok := patches[c.Path]
		if !ok {
			e.t.Errorf("comment on %q, a file without a patch", c.Path)
			continue
		}
		added := addedLines(p)
		lo := c.Line
		if c.StartLine > 0 {
			lo = c.StartLine
		}
		for l := lo; l <= c.Line; l++ {
			if !added[l] {
				e.t.Errorf("comment on %s:%d (start %d): line %d is not an added line", c.Path, c.Line, c.StartLine, l)
			}
		}
		if len([]rune(c.Body)) > 65536 {
			e.t.Errorf("comment on %s:%d is %d characters, over GitHub's limit", c.Path, c.Line, len([]rune(c.Body)))
		}
	}
}

var hunkRE = regexp.MustCompile(`^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@`)

// addedLines are the RIGHT-side line numbers of the patch's added lines.
func addedLines(patch string) map[int]bool {
	out := map[int]bool{}
	line := 0
	for _, l := range strings.Split(patch, "\n") {
		if m := hunkRE.FindStringSubmatch(l); m != nil {
			line, _ = strconv.Atoi(m[1])
			continue
		}
		switch {
		case strings.HasPrefix(l, "+"):
			out[line] = true
			line++
		case strings.HasPrefix(l, " "):
			line++
		}
	}
	return out
}

// patchesOf computes the patches of files added (base "") or changed.
func patchesOf(base, head map[string]string) map[string]string {
	out := map[string]string{}
	for p, c := range head {
		if base[p] != c {
			out[p] = fakegithub.Patch(base[p], c)
		}
	}
	return out
}

// TestHostilePullRequests runs each hostile case and logs how long each
// review took.
func TestHostilePullRequests(t *testing.T) {
	cases := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"3000 files", hostile3000Files},
		{"300 python files", hostile300Files},
		{"deep nesting", hostileDeepNesting},
		{"5000 findings on a line", hostileManyFindings},
		{"10 MB line", hostileLongLine},
		{"NUL bytes", hostileNUL},
		{"invalid UTF-8", hostileInvalidUTF8},
		{"BOM and CRLF", hostileBOMCRLF},
		{"non-ASCII paths", hostilePaths},
		{"binary .py", hostileBinary},
	}
	for _, c := range cases {
		t.Run(c.name, c.run)
	}
	hostileTimes.Lock()
	defer hostileTimes.Unlock()
	var names []string
	for n := range hostileTimes.rows {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "| %s | %v |\n", strings.TrimPrefix(n, t.Name()+"/"), hostileTimes.rows[n].Round(time.Millisecond))
	}
	t.Logf("review times:\n%s", b.String())
}

// GitHub lists up to 3,000 files in pages of 100: a pull request of
// exactly 3,000 is listed whole (30 pages) and reviewed normally; one more
// file and the list is capped, which fails the check even though every
// listed file is clean, while the findings of listed files are still
// reported.
func hostile3000Files(t *testing.T) {
	for _, total := range []int{3000, 3001} {
		t.Run(strconv.Itoa(total), func(t *testing.T) {
			e := newEnv(t)
			head := map[string]string{}
			for i := range total - 10 {
				head[fmt.Sprintf("data/%04d.csv", i)] = fmt.Sprintf("%d\n", i)
			}
			for i := range 10 {
				head[fmt.Sprintf("a/%02d.py", i)] = fmt.Sprintf("x = %d\n", i)
			}
			head["a/05.py"] = "x = danger(5)\n"
			_, sha := e.pr(1, map[string]string{"README.md": "hi\n"}, head)
			run := e.hostileReview(1, sha)
			if n := e.fake.CallCount(fakegithub.RoutePullFiles); n != 30 {
				t.Errorf("%d listing calls, want 30 pages of 100", n)
			}
			e.onDiff(1, patchesOf(nil, head))
			if where(e.comments(1)) != "a/05.py:1" {
				t.Errorf("comments at %q, want a/05.py:1", where(e.comments(1)))
			}
			if run.Conclusion != "failure" {
				t.Errorf("conclusion %s", run.Conclusion)
			}
			capNote := "GitHub lists at most 3,000 files of a pull request and this one changes 3001"
			if total == 3000 {
				wantSummary(t, run, "- 10 of 10 changed Python files analysed")
				if run.Title != "1 finding (1 high)" || strings.Contains(run.Summary, "3,000") {
					t.Errorf("a complete listing reported as capped: %q\n%s", run.Title, run.Summary)
				}
			} else {
				wantSummary(t, run, capNote, "the files past GitHub's 3,000-file listing cap were not reviewed")
				if !strings.Contains(run.Title, "1 finding (1 high)") || !strings.Contains(run.Title, "listing cap") {
					t.Errorf("title %q", run.Title)
				}
			}
		})
	}
}

// 300 changed Python files, each with a finding: every finding is an
// annotation of the check run (sent 50 per request), the inline comments
// stop at max_comments (posted as reviews of at most 30) and the summary
// says how many were left out.
func hostile300Files(t *testing.T) {
	for cfg, limit := range map[string]int{"": 50, "max_comments: 7\n": 7} {
		t.Run(fmt.Sprint("max_comments ", limit), func(t *testing.T) {
			e := newEnv(t)
			head := map[string]string{}
			for i := range 300 {
				head[fmt.Sprintf("pkg/m%03d.py", i)] = fmt.Sprintf("import os\nv = danger(%d)\n", i)
			}
			_, sha := e.pr(1, map[string]string{".pyguard.yml": cfg, "a.py": "x = 1\n"}, head)
			run := e.hostileReview(1, sha)
			e.onDiff(1, patchesOf(nil, head))
			if run.Conclusion != "failure" || run.Title != "300 findings (300 high)" {
				t.Errorf("run %s %q", run.Conclusion, run.Title)
			}
			paths := map[string]bool{}
			for _, a := range run.Annotations {
				paths[a.Path] = a.StartLine == 2
			}
			sent := 0
			for _, b := range run.AnnotationBatches {
				sent += b
			}
			if len(run.Annotations) != 300 || len(paths) != 300 || sent != 300 {
				t.Errorf("%d annotations on %d files (%d sent in %v), want 300 on 300", len(run.Annotations), len(paths), sent, run.AnnotationBatches)
			}
			if cs := e.comments(1); len(cs) != limit {
				t.Errorf("%d comments, want max_comments = %d", len(cs), limit)
			}
			for _, rv := range e.fake.Reviews(owner, repoNm, 1) {
				if len(rv.Comments) > maxCommentsPerReview {
					t.Errorf("a review of %d comments", len(rv.Comments))
				}
			}
			wantSummary(t, run, "- 300 of 300 changed Python files analysed",
				fmt.Sprintf("- %d not posted: over the limit of %d new comments per push (`max_comments`)", 300-limit, limit),
				"_The table shows the first 100 of 300 findings (highest severity first); every finding is an annotation of this check run._")
			if len(run.Summary) > fakegithub.MaxOutputText {
				t.Errorf("summary of %d bytes", len(run.Summary))
			}
		})
	}
}

// Deep nesting: 5,000 nested parentheses, brackets and calls, an
// unclosed bracket 5,000 deep, and 3,000 nested if-blocks (5,000 would be 12.5 MB
// of indentation, past the size limit; CPython refuses more than 100
// levels, and the parser gives up past a few hundred, so that file is
// analysed only in part and says so).
func hostileDeepNesting(t *testing.T) {
	var ifs strings.Builder
	for i := range 3000 {
		ifs.WriteString(strings.Repeat(" ", i) + "if a:\n")
	}
	ifs.WriteString(strings.Repeat(" ", 3000) + "danger(1)\n")
	head := map[string]string{
		"parens.py":   "x = " + strings.Repeat("(", 5000) + "1" + strings.Repeat(")", 5000) + "\ny = danger(1)\n",
		"brackets.py": "x = " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\ny = danger(1)\n",
		"calls.py":    "x = " + strings.Repeat("f(", 5000) + "danger(1)" + strings.Repeat(")", 5000) + "\n",
		"ifs.py":      ifs.String(),
		"unclosed.py": "x = " + strings.Repeat("[", 5000) + "\ny = danger(1)\n",
	}
	e := newEnv(t)
	_, sha := e.pr(1, map[string]string{"a.py": "x = 1\n"}, head)
	run := e.hostileReview(1, sha)
	e.onDiff(1, patchesOf(nil, head))
	if run.Conclusion != "failure" || run.Title != "5 findings (5 high); 2 files not analysed" {
		t.Errorf("run %s %q", run.Conclusion, run.Title)
	}
	wantSummary(t, run, "- 5 of 5 changed Python files analysed",
		"- `ifs.py` — analysed only in part: syntax error", "- `unclosed.py` — analysed only in part: syntax error")
	var found []string
	for _, a := range run.Annotations {
		found = append(found, fmt.Sprintf("%s:%d", a.Path, a.StartLine))
	}
	if got := strings.Join(found, " "); got != "brackets.py:2 calls.py:1 ifs.py:3001 parens.py:2 unclosed.py:2" {
		t.Errorf("annotations at %s", got)
	}
	if w := where(e.comments(1)); w != "brackets.py:2 calls.py:1 ifs.py:3001 parens.py:2 unclosed.py:2" {
		t.Errorf("comments at %s", w)
	}
}

// 5,000 nested danger() calls: 5,000 findings on one line. The check
// run carries the first 1,000 as annotations (20 requests of 50) and says
// so; 50 comments are posted, none twice on one suggestion.
func hostileManyFindings(t *testing.T) {
	head := map[string]string{
		"dangers.py": "x = " + strings.Repeat("danger(", 5000) + "1" + strings.Repeat(")", 5000) + "\n",
		"ok.py":      "y = danger(2)\n",
	}
	e := newEnv(t)
	_, sha := e.pr(1, map[string]string{"a.py": "x = 1\n"}, head)
	run := e.hostileReview(1, sha)
	e.onDiff(1, patchesOf(nil, head))
	if run.Conclusion != "failure" || run.Title != "5001 findings (5001 high)" {
		t.Errorf("run %s %q", run.Conclusion, run.Title)
	}
	wantSummary(t, run, "_The table shows the first 100 of 5001 findings (highest severity first); the first 1000 are annotations of this check run._",
		"- 4951 not posted: over the limit of 50 new comments per push (`max_comments`)")
	if len(run.Annotations) != maxAnnotations {
		t.Errorf("%d annotations, want the cap of %d", len(run.Annotations), maxAnnotations)
	}
	cs := e.comments(1)
	if len(cs) != 50 {
		t.Errorf("%d comments, want max_comments = 50", len(cs))
	}
	suggestions := 0
	for _, c := range cs {
		suggestions += strings.Count(c.Body, "```suggestion")
	}
	if suggestions != 1 {
		t.Errorf("%d suggestion blocks on one line, want 1 (GitHub cannot apply overlapping ones)", suggestions)
	}
}

// A single 10 MB line is too large to analyse: skipped with its size,
// never downloaded. A 3 MB line with a finding at its end is analysed: in
// a file GitHub sends no patch for, the finding is an annotation; with a
// patch, a comment whose suggestion would be too long for GitHub offers
// guidance instead, and the summary does not count it as a one-click fix.
func hostileLongLine(t *testing.T) {
	e := newEnv(t)
	huge := "x = '" + strings.Repeat("a", 10<<20) + "'\n"
	long := "x = '" + strings.Repeat("b", 3<<20) + "'; danger(1)\n"
	head := map[string]string{"huge.py": huge, "long.py": long, "long_patch.py": long, "ok.py": "y = danger(2)\n"}
	base, sha := fakegithub.SHA("b"), fakegithub.SHA("h")
	e.repo.Commit(base, map[string]string{})
	e.repo.Branch("main", base)
	e.repo.Commit(sha, head)
	e.repo.AddPR(fakegithub.PR{Number: 1, BaseSHA: base, HeadSHA: sha, NoPatch: []string{"huge.py", "long.py"}})
	run := e.hostileReview(1, sha)
	e.onDiff(1, map[string]string{"ok.py": fakegithub.Patch("", head["ok.py"]), "long_patch.py": fakegithub.Patch("", long)})
	if run.Conclusion != "failure" || run.Title != "3 findings (3 high); 1 file not analysed" {
		t.Errorf("run %s %q", run.Conclusion, run.Title)
	}
	wantSummary(t, run, "- 3 of 4 changed Python files analysed",
		"- `huge.py` — too large to analyse (10485767 bytes; the limit is 5 MiB)",
		"- `long.py` — GitHub sent no diff for it (too large); analysed without inline comments",
		"- 2 posted with this push, 1 with a one-click fix")
	for _, c := range e.fake.Calls() {
		if strings.Contains(c.Path, fakegithub.BlobSHA(huge)) {
			t.Errorf("the 10 MB file was downloaded: %s", c.Path)
		}
	}
	if c := at(e.comments(1), "long_patch.py", 1); c == nil || strings.Contains(c.Body, "```suggestion") || !strings.Contains(c.Body, "**How to fix:** Call safe_call() instead.") {
		t.Errorf("long line's comment: %+v", c)
	}
	if c := at(e.comments(1), "ok.py", 1); c == nil || !strings.Contains(c.Body, "```suggestion\ny = safe_call(2)\n```") {
		t.Errorf("ok.py comment: %+v", c)
	}
	for _, a := range run.Annotations {
		if len(a.RawDetails) > 65535 || len(a.Message) > 65535 {
			t.Errorf("annotation on %s: raw details %d, message %d bytes", a.Path, len(a.RawDetails), len(a.Message))
		}
	}
	if len(run.Annotations) != 3 {
		t.Errorf("%d annotations, want 3", len(run.Annotations))
	}
}

// NUL bytes in a .py file: skipped as binary; the other file's finding is
// reported as usual.
func hostileNUL(t *testing.T) {
	e := newEnv(t)
	head := map[string]string{"nul.py": "x = danger(1)\x00\ny = 2\n", "ok.py": "y = danger(2)\n"}
	_, sha := e.pr(1, map[string]string{"a.py": "x = 1\n"}, head)
	run := e.hostileReview(1, sha)
	e.onDiff(1, patchesOf(nil, head))
	if run.Conclusion != "failure" || run.Title != "1 finding (1 high); 1 file not analysed" {
		t.Errorf("run %s %q", run.Conclusion, run.Title)
	}
	wantSummary(t, run, "- `nul.py` — binary file (contains NUL bytes)", "**Also failing:** 1 changed Python file was not analysed")
	if where(e.comments(1)) != "ok.py:1" {
		t.Errorf("comments at %q, want ok.py:1", where(e.comments(1)))
	}
}

// Text that is not UTF-8 and declares no encoding is skipped with the
// first bad byte's place.
func hostileInvalidUTF8(t *testing.T) {
	e := newEnv(t)
	head := map[string]string{
		"latin1.py": "name = 'caf\xe9'\nx = danger(name)\n",
		"cut.py":    "s = '\xe2\x82'\nx = danger(s)\n", // a truncated sequence
		"ok.py":     "y = danger(2)\n",
	}
	_, sha := e.pr(1, map[string]string{"a.py": "x = 1\n"}, head)
	run := e.hostileReview(1, sha)
	e.onDiff(1, patchesOf(nil, head))
	if run.Conclusion != "failure" || run.Title != "1 finding (1 high); 2 files not analysed" {
		t.Errorf("run %s %q", run.Conclusion, run.Title)
	}
	wantSummary(t, run, "- `latin1.py` — not valid UTF-8: invalid byte 0xe9 at line 1, column 12",
		"- `cut.py` — not valid UTF-8: invalid byte 0xe2 at line 1, column 6")
	if where(e.comments(1)) != "ok.py:1" {
		t.Errorf("comments at %q, want ok.py:1", where(e.comments(1)))
	}
}

// A UTF-8 byte-order mark and CRLF line endings: findings on the right
// lines (the BOM does not shift line 1), suggestions on the right lines
// that keep the BOM and the CRLF endings, so committing one changes
// nothing else in the file.
func hostileBOMCRLF(t *testing.T) {
	e := newEnv(t)
	base := map[string]string{"a.py": "x = 1\n", "old.py": "\ufeffimport os\r\nz = 1\r\n"}
	head := map[string]string{
		"crlf.py": "\ufeffdanger(0)\r\nimport os\r\n\r\nx = danger(1)\r\ny = multi(\r\n    2)\r\n",
		"old.py":  "\ufeffimport os\r\nz = danger(3)\r\n",
	}
	_, sha := e.pr(1, base, head)
	run := e.hostileReview(1, sha)
	e.onDiff(1, patchesOf(base, head))
	if run.Conclusion != "failure" || run.Title != "4 findings (1 critical, 3 high)" {
		t.Errorf("run %s %q", run.Conclusion, run.Title)
	}
	wantSummary(t, run, "- 2 of 2 changed Python files analysed", "- 4 posted with this push, 4 with a one-click fix")
	cs := e.comments(1)
	if w := where(cs); w != "crlf.py:5-6 crlf.py:1 crlf.py:4 old.py:2" {
		t.Errorf("comments at %q", w)
	}
	want := map[string]string{
		"crlf.py:1": "```suggestion\n\ufeffsafe_call(0)\r\n```",
		"crlf.py:4": "```suggestion\nx = safe_call(1)\r\n```",
		"crlf.py:6": "```suggestion\ny = single()\r\n```",
		"old.py:2":  "```suggestion\nz = safe_call(3)\r\n```",
	}
	for _, c := range cs {
		if w := want[fmt.Sprintf("%s:%d", c.Path, c.Line)]; !strings.Contains(c.Body, w) {
			t.Errorf("comment on %s:%d lacks %q:\n%q", c.Path, c.Line, w, c.Body)
		}
	}
	var lines []string
	for _, a := range run.Annotations {
		lines = append(lines, fmt.Sprintf("%s:%d-%d", a.Path, a.StartLine, a.EndLine))
	}
	if got := strings.Join(lines, " "); got != "crlf.py:1-1 crlf.py:4-4 crlf.py:5-6 old.py:2-2" {
		t.Errorf("annotations at %s", got)
	}
}

// Paths with spaces, non-ASCII letters, URL metacharacters, a newline and
// Markdown: each file is fetched, analysed and commented by its exact
// path, and a path cannot break out of its code span in the summary.
func hostilePaths(t *testing.T) {
	e := newEnv(t)
	evil := "`x`](https://evil.example) `.py"
	head := map[string]string{
		"données/модель train.py": "x = danger(1)\n",
		"dir with space/a b.py":   "x = danger(2)\n",
		"odd/100% #1?&x=y.py":     "x = danger(3)\n",
		"odd/tick`name.py":        "x = danger(4)\n",
		"日本/学習.py":                "x = danger(5)\n",
		"new\nline.py":            "x = danger(6)\n",
		evil:                      "\xff",
	}
	_, sha := e.pr(1, map[string]string{"a.py": "x = 1\n"}, head)
	run := e.hostileReview(1, sha)
	e.onDiff(1, patchesOf(nil, head))
	if run.Conclusion != "failure" || run.Title != "6 findings (6 high); 1 file not analysed" {
		t.Errorf("run %s %q", run.Conclusion, run.Title)
	}
	annotated := map[string]bool{}
	for _, a := range run.Annotations {
		annotated[a.Path] = true
	}
	for p := range head {
		if p == evil {
			continue
		}
		if at(e.comments(1), p, 1) == nil || !annotated[p] {
			t.Errorf("%q: comment %v, annotation %v", p, at(e.comments(1), p, 1) != nil, annotated[p])
		}
	}
	wantSummary(t, run, "| `données/модель train.py:1` |", "| `dir with space/a b.py:1` |", "| `odd/100% #1?&x=y.py:1` |",
		"| `` odd/tick`name.py:1 `` |", "| `new line.py:1` |",
		"- `` "+evil+" `` — not valid UTF-8: invalid byte 0xff at line 1, column 1")
}

// Binary content named .py (GitHub lists binary files without a patch):
// skipped as binary or as not UTF-8; the check fails on them alone, the
// rest of the pull request being clean.
func hostileBinary(t *testing.T) {
	e := newEnv(t)
	head := map[string]string{
		"logo.py": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
		"blob.py": "\x7fELF\x02\x01\x01\xff\xfe\xfd danger(1)\n", // no NUL byte
		"ok.py":   "y = 2\n",
	}
	base, sha := fakegithub.SHA("b"), fakegithub.SHA("h")
	e.repo.Commit(base, map[string]string{})
	e.repo.Branch("main", base)
	e.repo.Commit(sha, head)
	e.repo.AddPR(fakegithub.PR{Number: 1, BaseSHA: base, HeadSHA: sha, NoPatch: []string{"logo.py", "blob.py"}})
	run := e.hostileReview(1, sha)
	if run.Conclusion != "failure" || run.Title != "2 files not analysed" {
		t.Errorf("run %s %q", run.Conclusion, run.Title)
	}
	wantSummary(t, run, "- 1 of 3 changed Python files analysed", "- `logo.py` — binary file (contains NUL bytes)",
		"- `blob.py` — not valid UTF-8: invalid byte 0xff at line 1, column 8",
		"**Result:** failing — 2 changed Python files were not analysed")
	if n := len(e.comments(1)); n != 0 {
		t.Errorf("%d comments, want none", n)
	}
}
