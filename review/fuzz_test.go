package review

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pyguard/pyguard/analyzer"
	"github.com/pyguard/pyguard/internal/config"
	"github.com/pyguard/pyguard/internal/fakegithub"
)

// FuzzDiffMap: on any patch, parseFileDiff never panics, every hunk is a
// non-empty range of real lines, and every added line (where findings are
// kept and comments go) is inside a hunk's new range. A patch whose hunks
// hold exactly the lines their headers count maps exactly as GitHub reads
// it.
func FuzzDiffMap(f *testing.F) {
	f.Add("@@ -1,3 +1,4 @@\n a\n-b\n+B\n+C\n c\n@@ -10,2 +11,0 @@\n-x\n-y\n@@ -20 +20,2 @@\n z\n+w")
	f.Add("@@ -0,0 +1,2 @@\n+import os\n+os.system(x)\n\\ No newline at end of file")
	f.Add("@@ -1,2 +1,2 @@\n-a\r\n+b\r\n c\r")
	f.Add("@@ -1 +1 @@ def f():\n-x\n+y")
	f.Add("@@ -1,1 +2147483647,2 @@\n+a\n+b")
	f.Add("@@ -1,0 +0,0 @@\n")
	f.Add("@@ -5,3 +5,3 @@\n a\n\n c")
	f.Add("@@ -1,2 +1,3 @@\n+\xff\xfe\x00\n a\n b\n+extra beyond the header\n+more")
	f.Add(fakegithub.Patch("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n", "a\nB\nc\nd\ne\nf\ng\nh\nI\nj\nk\n"))

	f.Fuzz(func(t *testing.T, patch string) {
		defer time.AfterFunc(2*time.Second, func() {
			panic(fmt.Sprintf("one patch took over 2s: %q", patch))
		}).Stop()
		d, err := parseFileDiff(patch)
		if err != nil {
			return
		}
		for _, h := range d.hunks {
			if h.start < 1 || h.end < h.start {
				t.Fatalf("hunk %+v is not a range of lines", h)
			}
		}
		for l := range d.added {
			if d.hunkOf(l) < 0 {
				t.Fatalf("line %d is added but in no hunk %v", l, d.hunks)
			}
			if !d.SameHunk(l, l) {
				t.Fatalf("line %d: SameHunk(l, l) false", l)
			}
		}
		if want, ok := readWellFormedPatch(patch); ok {
			got := fileDiff{hunks: d.hunks, added: d.added}
			if fmt.Sprint(got.hunks) != fmt.Sprint(want.hunks) || fmt.Sprint(sortedLines(got.added)) != fmt.Sprint(sortedLines(want.added)) {
				t.Fatalf("patch maps to hunks %v added %v, want hunks %v added %v",
					got.hunks, sortedLines(got.added), want.hunks, sortedLines(want.added))
			}
		}
	})
}

var hunkHeader = regexp.MustCompile(`^@@ -([0-9]+)(?:,([0-9]+))? \+([0-9]+)(?:,([0-9]+))? @@`)

// readWellFormedPatch maps a patch the way GitHub writes them, independently
// of go-diff; ok is false for anything else (a body line count that
// differs from its header, an unknown line, numbers out of range).
func readWellFormedPatch(patch string) (fileDiff, bool) {
	d := fileDiff{added: map[int]bool{}}
	lines := strings.Split(strings.TrimSuffix(patch, "\n"), "\n")
	oldLeft, newLeft, line := 0, 0, 0
	inHunk := false
	for _, l := range lines {
		if m := hunkHeader.FindStringSubmatch(l); m != nil {
			if inHunk && (oldLeft != 0 || newLeft != 0) {
				return d, false
			}
			count := func(s string) (int, bool) {
				if s == "" {
					return 1, true
				}
				n, err := strconv.Atoi(s)
				return n, err == nil && n < 1<<20
			}
			oldN, ok1 := count(m[2])
			newN, ok2 := count(m[4])
			start, err := strconv.Atoi(m[3])
			if !ok1 || !ok2 || err != nil || start > 1<<20 || (start == 0 && newN != 0) {
				return d, false
			}
			inHunk, oldLeft, newLeft, line = true, oldN, newN, start
			if newN > 0 {
				d.hunks = append(d.hunks, lineRange{start, start + newN - 1})
			}
			continue
		}
		if !inHunk || l == "" {
			return d, false
		}
		switch l[0] {
		case '+':
			if newLeft == 0 {
				return d, false
			}
			d.added[line] = true
			line++
			newLeft--
		case '-':
			if oldLeft == 0 {
				return d, false
			}
			oldLeft--
		case ' ':
			if oldLeft == 0 || newLeft == 0 {
				return d, false
			}
			line++
			oldLeft--
			newLeft--
		case '\\':
		default:
			return d, false
		}
	}
	return d, inHunk && oldLeft == 0 && newLeft == 0
}

func sortedLines(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for l := range m {
		out = append(out, l)
	}
	sort.Ints(out)
	return out
}

// fuzzRule stands for any rule with a mechanical fix.
var fuzzRule = &analyzer.Rule{ID: "AIML999", Title: "fuzzed finding", Severity: analyzer.High,
	Fix: analyzer.Safe, Doc: "A finding made up by FuzzSuggestion."}

// Flags of FuzzSuggestion.
const (
	fuzzSecondFinding = 1 << iota // a second finding with its own fix
	fuzzSharedEdit                // the second fix also makes the first's edit (an import both need)
	fuzzUnsafe                    // the fixes are unsafe
	fuzzSafeOnly                  // suggestions: safe
	fuzzNewFile                   // the whole file is added
)

// FuzzSuggestion plans the comments of one or two findings with arbitrary
// fixes on arbitrary source, in a pull request that adds some of its
// lines, as the review does, and checks each suggestion block as GitHub
// reads and applies it: its lines are inside one hunk of the diff, its
// fence is longer than any backtick run in it (the block ends where it
// should and the marker stays outside), and applying every block, as
// GitHub's batch does, gives the source with those fixes' edits applied.
func FuzzSuggestion(f *testing.F) {
	// Edits are (start, length, text). Lines in the arguments are 0-based:
	// the finding is on line1+1; the pull request adds lines
	// addLo+1..addHi+1.
	at := func(src, sub string) (start, length uint16) {
		return uint16(strings.Index(src, sub)), uint16(len(sub))
	}
	src := "import os\n\n\ndef f(x):\n    os.system(x)\n    return 1\n"
	s, l := at(src, "os.system")
	f.Add(src, s, l, "subprocess.run", s, uint16(0), "import subprocess\n    ", uint16(4), uint16(4), uint16(3), uint16(5), byte(fuzzSecondFinding))
	s, l = at(src, "return 1")
	f.Add(src, s, l, "return ```x```", uint16(0), uint16(0), "", uint16(5), uint16(0), uint16(5), uint16(5), byte(0))
	src = "x = '````'\ny = 1\n"
	s, l = at(src, "1")
	f.Add(src, s, l, "'`````'", uint16(0), uint16(0), "", uint16(1), uint16(0), uint16(0), uint16(1), byte(0))
	src = "a = 1\r\nb = 2\r\nc = 3\r\n"
	s, l = at(src, "2")
	f.Add(src, s, l, "4", uint16(7), uint16(7), "import m\r\n", uint16(1), uint16(1), uint16(0), uint16(2), byte(fuzzSecondFinding))
	f.Add("a\nb\nc\nd\n", uint16(2), uint16(2), "", uint16(0), uint16(0), "", uint16(1), uint16(0), uint16(0), uint16(0), byte(fuzzNewFile))
	f.Add("a\nb", uint16(2), uint16(1), "B\n```\n", uint16(0), uint16(1), "A", uint16(1), uint16(0), uint16(0), uint16(1), byte(fuzzSecondFinding|fuzzSharedEdit))
	f.Add("x = 1\x00\ny = \xff\n", uint16(0), uint16(5), "x = 2", uint16(7), uint16(5), "y = 3", uint16(0), uint16(1), uint16(0), uint16(1), byte(fuzzSecondFinding|fuzzUnsafe))
	src = "if a:\n    b()\n    c()\n"
	s, l = at(src, "b()")
	s2, l2 := at(src, "c()")
	f.Add(src, s, l, "d()\n    e()", s2, l2, "", uint16(1), uint16(2), uint16(1), uint16(2), byte(fuzzSecondFinding|fuzzSafeOnly))

	f.Fuzz(func(t *testing.T, head string, s1, l1 uint16, t1 string, s2, l2 uint16, t2 string,
		line1, line2, addLo, addHi uint16, flags byte) {
		defer time.AfterFunc(2*time.Second, func() {
			panic(fmt.Sprintf("one input took over 2s: head %q edits (%d,%d,%q) (%d,%d,%q) lines %d %d added %d-%d flags %d",
				head, s1, l1, t1, s2, l2, t2, line1, line2, addLo, addHi, flags))
		}).Stop()
		s := newSource("f.py", []byte(head))
		n := s.numLines()
		d := fuzzDiff(t, head, int(addLo), int(addHi), flags&fuzzNewFile != 0)

		applicability := analyzer.Safe
		if flags&fuzzUnsafe != 0 {
			applicability = analyzer.Unsafe
		}
		mode := config.DefaultSuggestions
		if flags&fuzzSafeOnly != 0 {
			mode = config.SuggestSafe
		}
		first := fuzzEdit(len(head), s1, l1, t1)
		newFinding := func(line uint16, edits ...analyzer.Edit) *finding {
			l := int(line)%n + 1
			return &finding{rule: fuzzRule, path: "f.py", line: l, endLine: l, message: "fuzzed",
				fingerprint: fmt.Sprintf("%x", len(edits)+l), src: s,
				fix: &analyzer.Fix{Applicability: applicability, Description: "fuzzed fix", Edits: edits}}
		}
		fs := []*finding{newFinding(line1, first)}
		if flags&fuzzSecondFinding != 0 {
			edits := []analyzer.Edit{fuzzEdit(len(head), s2, l2, t2)}
			if flags&fuzzSharedEdit != 0 {
				edits = append(edits, first)
			}
			fs = append(fs, newFinding(line2, edits...))
		}

		plans := make([]fixPlan, len(fs))
		for i, f := range fs {
			plans[i] = planFix(f, d, mode)
		}
		resolveOverlaps(fs, plans, map[string]*fileDiff{"f.py": d})

		var blocks []appliedBlock
		var edits []analyzer.Edit
		for i, f := range fs {
			c := placeComment(f, plans[i], "https://example.test/docs")
			content, found := checkCommentMarkdown(t, c.body, f.key())
			p := plans[i]
			if p.kind != fixSuggestion {
				if found {
					t.Fatalf("a %v plan rendered a suggestion block:\n%s", p.kind, c.body)
				}
				continue
			}
			if !found {
				if len(c.body) < maxCommentBody/2 {
					t.Fatalf("a suggestion plan rendered no suggestion block:\n%s", c.body)
				}
				continue // too long for a comment: shown as guidance
			}
			lo := c.startLine
			if lo == 0 {
				lo = c.line
			}
			if lo < 1 || c.line < lo || c.line > n {
				t.Fatalf("suggestion on lines %d-%d of a %d-line file", lo, c.line, n)
			}
			if !d.SameHunk(lo, c.line) {
				t.Fatalf("suggestion on lines %d-%d, not inside one hunk of %v", lo, c.line, d.hunks)
			}
			for _, b := range blocks {
				if lo <= b.hi && b.lo <= c.line {
					t.Fatalf("suggestions on lines %d-%d and %d-%d overlap", b.lo, b.hi, lo, c.line)
				}
			}
			blocks = append(blocks, appliedBlock{lo, c.line, content})
			edits = append(edits, p.edits...)
		}
		if len(blocks) == 0 {
			return
		}
		want, err := analyzer.ApplyEdits([]byte(head), edits)
		if err != nil {
			t.Fatalf("the suggested edits do not apply: %v", err)
		}
		if got := applyAsGitHub(head, blocks); got != string(want) {
			t.Fatalf("applying the suggestions gives\n%q\nwant (the edits applied)\n%q", got, want)
		}
	})
}

// fuzzEdit places an edit of about length bytes on a source of n bytes:
// its start anywhere in it or one past its end, its end at or after the
// start (out of range once in a while).
func fuzzEdit(n int, start, length uint16, text string) analyzer.Edit {
	s := int(start) % (n + 2)
	e := s + int(length)%(n+2-s)
	return analyzer.Edit{Start: uint32(s), End: uint32(e), NewText: text}
}

// fuzzDiff is the patch of a pull request that adds lines lo..hi (taken
// modulo the file's lines) of head, or all of it.
func fuzzDiff(t *testing.T, head string, lo, hi int, newFile bool) *fileDiff {
	lines := strings.SplitAfter(head, "\n")
	base := ""
	if !newFile {
		lo, hi = lo%len(lines), hi%len(lines)
		if lo > hi {
			lo, hi = hi, lo
		}
		base = strings.Join(lines[:lo], "") + strings.Join(lines[hi+1:], "")
	}
	d, err := parseFileDiff(fakegithub.Patch(base, head))
	if err != nil {
		t.Fatalf("the fake's patch does not parse: %v", err)
	}
	return d
}

// appliedBlock is a suggestion as GitHub applies it: lines lo..hi of the
// head file become content.
type appliedBlock struct {
	lo, hi  int
	content []string
}

// applyAsGitHub replaces each block's lines by its content lines; a file
// without a final newline keeps none.
func applyAsGitHub(head string, blocks []appliedBlock) string {
	lines := strings.SplitAfter(head, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	var out strings.Builder
	for i := 0; i < len(lines); i++ {
		n := i + 1
		b, ok := blockAt(blocks, n)
		if !ok {
			out.WriteString(lines[i])
			continue
		}
		last := lines[b.hi-1]
		for j, c := range b.content {
			out.WriteString(c)
			if j < len(b.content)-1 || strings.HasSuffix(last, "\n") {
				out.WriteString("\n")
			}
		}
		i = b.hi - 1
	}
	return out.String()
}

func blockAt(blocks []appliedBlock, line int) (appliedBlock, bool) {
	for _, b := range blocks {
		if b.lo == line {
			return b, true
		}
	}
	return appliedBlock{}, false
}

// checkCommentMarkdown reads body as CommonMark fenced code blocks are
// read: every block closes, the marker is outside them, and there is at
// most one suggestion block, whose content lines it returns.
func checkCommentMarkdown(t *testing.T, body, key string) (suggestion []string, found bool) {
	t.Helper()
	lines := strings.Split(body, "\n")
	open := -1
	fenceLen := 0
	info := ""
	for i, raw := range lines {
		l := strings.TrimSuffix(raw, "\r")
		indent := len(l) - len(strings.TrimLeft(l, " "))
		ticks := len(l) - indent - len(strings.TrimLeft(l[indent:], "`"))
		if open < 0 {
			if indent <= 3 && ticks >= 3 && !strings.Contains(l[indent+ticks:], "`") {
				open, fenceLen, info = i, ticks, strings.TrimSpace(l[indent+ticks:])
			}
			continue
		}
		if indent > 3 || ticks < fenceLen || strings.TrimRight(l[indent+ticks:], " \t") != "" {
			continue
		}
		content := lines[open+1 : i]
		if longestRun(strings.Join(content, "\n"), '`') >= fenceLen {
			t.Fatalf("a fence of %d backticks holds a longer run:\n%s", fenceLen, body)
		}
		if info == "suggestion" {
			if found {
				t.Fatalf("two suggestion blocks:\n%s", body)
			}
			suggestion, found = content, true
		}
		open = -1
	}
	if open >= 0 {
		t.Fatalf("the fence opened on line %d never closes:\n%s", open+1, body)
	}
	if !strings.HasSuffix(body, "\n"+marker(key)) {
		t.Fatalf("the marker is not the body's last line:\n%s", body)
	}
	return suggestion, found
}

func longestRun(s string, c byte) int {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}

// The reference FuzzDiffMap compares against must read GitHub's patches,
// or the comparison would never run.
func TestReadWellFormedPatch(t *testing.T) {
	for _, c := range []struct{ patch, hunks, added string }{
		{"@@ -1,3 +1,4 @@\n a\n-b\n+B\n+C\n c\n@@ -10,2 +11,0 @@\n-x\n-y\n@@ -20 +20,2 @@\n z\n+w", "[{1 4} {20 21}]", "[2 3 21]"},
		{"@@ -0,0 +1,2 @@\n+a\n+b\n\\ No newline at end of file", "[{1 2}]", "[1 2]"},
		{fakegithub.Patch("a\nb\nc\n", "a\nB\nc\nd\n"), "[{1 4}]", "[2 4]"},
	} {
		d, ok := readWellFormedPatch(c.patch)
		if !ok || fmt.Sprint(d.hunks) != c.hunks || fmt.Sprint(sortedLines(d.added)) != c.added {
			t.Errorf("%q: ok %v, hunks %v added %v; want %s %s", c.patch, ok, d.hunks, sortedLines(d.added), c.hunks, c.added)
		}
	}
	if _, ok := readWellFormedPatch("@@ -1,2 +1,2 @@\n a\n+b"); ok {
		t.Error("a hunk shorter than its header was read as well formed")
	}
}
