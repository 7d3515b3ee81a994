package review

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/pyguard/pyguard/analyzer"
	"github.com/pyguard/pyguard/internal/config"
	"github.com/pyguard/pyguard/internal/fakegithub"
)

func analyse(t *testing.T, path, src string) []*finding {
	t.Helper()
	a, err := analyseSource(context.Background(), analyzer.NewEngine(testRules), path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return a.findings
}

func one(t *testing.T, fs []*finding, rule string) *finding {
	t.Helper()
	var got *finding
	for _, f := range fs {
		if f.rule.ID == rule {
			if got != nil {
				t.Fatalf("two %s findings", rule)
			}
			got = f
		}
	}
	if got == nil {
		t.Fatalf("no %s finding", rule)
	}
	return got
}

// diffOf is the file diff of old -> new as GitHub would send it.
func diffOf(t *testing.T, old, new string) *fileDiff {
	t.Helper()
	d, err := parseFileDiff(fakegithub.Patch(old, new))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestParseFileDiff(t *testing.T) {
	patch := "@@ -1,3 +1,4 @@\n a\n-b\n+B\n+C\n c\n@@ -10,2 +11,0 @@\n-x\n-y\n@@ -20 +20,2 @@\n z\n+w"
	d, err := parseFileDiff(patch)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(d.hunks) != "[{1 4} {20 21}]" {
		t.Errorf("hunks %v", d.hunks)
	}
	var added []int
	for l := 1; l <= 25; l++ {
		if d.Added(l) {
			added = append(added, l)
		}
	}
	if fmt.Sprint(added) != "[2 3 21]" {
		t.Errorf("added %v", added)
	}
	for _, c := range []struct {
		lo, hi int
		want   bool
	}{{1, 4, true}, {2, 3, true}, {4, 20, false}, {20, 21, true}, {11, 11, false}, {5, 5, false}} {
		if got := d.SameHunk(c.lo, c.hi); got != c.want {
			t.Errorf("SameHunk(%d,%d) = %v", c.lo, c.hi, got)
		}
	}
	if _, err := parseFileDiff("not a patch @@"); err == nil {
		t.Log("go-diff accepts a patch without hunks; it has no added lines")
	}
}

func TestSuggestionOneLine(t *testing.T) {
	old := "import os\n\nx = 1\n"
	new := "import os\n\nx = 1\ny = danger(x)\n"
	f := one(t, analyse(t, "a.py", new), "TEST001")
	p := planFix(f, diffOf(t, old, new), config.SuggestSafe)
	if p.kind != fixSuggestion || p.startLine != 4 || p.endLine != 4 || p.replacement != "y = safe_call(x)" || p.replacementLines != 1 {
		t.Fatalf("plan %+v", p)
	}
	body := commentBody(f, p, docsURL)
	want := "```suggestion\ny = safe_call(x)\n```\n"
	if !strings.Contains(body, want) {
		t.Errorf("body lacks %q:\n%s", want, body)
	}
	for _, s := range []string{"**TEST001**", "high", "danger() is dangerous.", "**Why:** Calling danger() lets an attacker run code.",
		"(" + docsURL + "TEST001.md)", "**Suggested fix:** Call safe_call() instead."} {
		if !strings.Contains(body, s) {
			t.Errorf("body lacks %q:\n%s", s, body)
		}
	}
	if !strings.HasSuffix(body, "<!-- pyguard:TEST001:"+f.fingerprint+" -->") || markerKey(body) != f.key() {
		t.Errorf("marker: %q", body[strings.LastIndex(body, "\n"):])
	}
	if strings.Contains(body, "Unsafe") {
		t.Error("safe fix labelled unsafe")
	}
}

func TestSuggestionMultiLine(t *testing.T) {
	old := "a = 1\n"
	new := "a = 1\nb = multi(\n    1,\n    2,\n)\nc = 3\n"
	f := one(t, analyse(t, "a.py", new), "TEST004")
	if f.line != 2 {
		t.Fatalf("line %d", f.line)
	}
	p := planFix(f, diffOf(t, old, new), config.SuggestSafe)
	if p.kind != fixSuggestion || p.startLine != 2 || p.endLine != 5 || p.replacement != "b = single()" {
		t.Fatalf("plan %+v", p)
	}
	c := placeComment(f, planFix(f, diffOf(t, old, new), config.SuggestSafe), docsURL)
	if c.startLine != 2 || c.line != 5 {
		t.Errorf("comment range %d-%d", c.startLine, c.line)
	}
	d := c.draft()
	if d.GetStartSide() != "RIGHT" || d.GetSide() != "RIGHT" || d.GetStartLine() != 2 || d.GetLine() != 5 {
		t.Errorf("draft %+v", d)
	}
}

func TestSuggestionImportIsLocal(t *testing.T) {
	// risky() on line 12 needs `import math`, whose top-level place (after
	// line 1) is far outside the one hunk: the suggestion imports it on
	// its own line before the statement and spans only that statement.
	var lines []string
	lines = append(lines, "import os")
	for i := 2; i <= 20; i++ {
		lines = append(lines, fmt.Sprintf("v%d = %d", i, i))
	}
	old := strings.Join(lines, "\n") + "\n"
	lines[11] = "v12 = risky(12)"
	new := strings.Join(lines, "\n") + "\n"
	f := one(t, analyse(t, "a.py", new), "TEST002")
	d := diffOf(t, old, new)
	p := planFix(f, d, config.SuggestAll)
	if p.kind != fixSuggestion || p.startLine != 12 || p.endLine != 12 || p.replacement != "import math\nv12 = math.floor(12)" || p.replacementLines != 2 {
		t.Fatalf("plan %+v", p)
	}
	body := commentBody(f, p, docsURL)
	want := "**Suggested fix:** Use math.floor() instead of risky().\n⚠️ **Unsafe — review before applying:** results are rounded down.\n\n```suggestion\nimport math\nv12 = math.floor(12)\n```\n"
	if !strings.Contains(body, want) {
		t.Errorf("body lacks %q:\n%s", want, body)
	}
	if p := planFix(f, d, config.SuggestSafe); p.kind != fixProse || !strings.Contains(p.reason, "suggestions: safe") {
		t.Errorf("unsafe fix with suggestions: safe: %+v", p)
	}
	if p := planFix(f, d, config.SuggestNone); p.kind != fixProse || !strings.Contains(p.reason, "suggestions: none") {
		t.Errorf("suggestions: none: %+v", p)
	}
	if p := planFix(f, d, "unsafe"); p.kind != fixSuggestion {
		t.Errorf("suggestions: unsafe (a synonym of all): %+v", p)
	}
}

func TestOverlappingSuggestionsMerge(t *testing.T) {
	// danger() and risky() on one line: one block fixes both, the other
	// comment points to it, and no two blocks share a line.
	old := "import os\n\nx = 1\n"
	new := "import os\n\nx = 1\ny = danger(risky(x))\nz = danger(x)\n"
	fs := analyse(t, "a.py", new)
	sortBySeverity(fs)
	d := diffOf(t, old, new)
	cs := planComments(fs, map[string]*fileDiff{"a.py": d}, config.SuggestAll, docsURL)
	if len(cs) != 3 {
		t.Fatalf("%d comments", len(cs))
	}
	first, second, risky := cs[0], cs[1], cs[2] // TEST001 line 4, line 5, TEST002 line 4
	if first.f.line != 4 || risky.f.rule.ID != "TEST002" {
		t.Fatalf("order: %s:%d %s:%d %s:%d", first.f.rule.ID, first.f.line, second.f.rule.ID, second.f.line, risky.f.rule.ID, risky.f.line)
	}
	want := "```suggestion\nimport math\ny = safe_call(math.floor(x))\n```"
	if !strings.Contains(first.body, want) || !strings.Contains(first.body, "This suggestion also fixes TEST002 (line 4).") {
		t.Errorf("merged suggestion lacks %q:\n%s", want, first.body)
	}
	if strings.Contains(risky.body, "```suggestion") || !strings.Contains(risky.body, "The suggestion on the TEST001 (line 4) comment makes this change too") {
		t.Errorf("covered comment:\n%s", risky.body)
	}
	if !strings.Contains(second.body, "```suggestion\nz = safe_call(x)\n```") {
		t.Errorf("line 5 keeps its own suggestion:\n%s", second.body)
	}
	// Edits that conflict (both replace the same call) cannot merge: the
	// later one is prose.
	a, b := fs[0], fs[0]
	pa, pb := planFix(a, d, config.SuggestAll), planFix(b, d, config.SuggestAll)
	pb.edits = []analyzer.Edit{{Start: pa.edits[0].Start, End: pa.edits[0].End, NewText: "other"}}
	plans := []fixPlan{pa, pb}
	resolveOverlaps([]*finding{a, b}, plans, map[string]*fileDiff{"a.py": d})
	if plans[0].kind != fixSuggestion || plans[1].kind != fixProse || !strings.Contains(plans[1].reason, "overlap the suggestion on the TEST001 comment (line 4)") {
		t.Errorf("conflicting plans: %+v / %+v", plans[0], plans[1])
	}
}

func TestSuggestionOutsideHunkIsProse(t *testing.T) {
	// On `else: v12 = risky(12)` no line can be inserted before the
	// statement, so the import stays at the top, outside the diff: prose.
	var lines []string
	lines = append(lines, "import os")
	for i := 2; i <= 20; i++ {
		lines = append(lines, fmt.Sprintf("v%d = %d", i, i))
	}
	lines[10] = "if v2:\n    pass"
	old := strings.Join(lines, "\n") + "\n"
	lines[11] = "else: v12 = risky(12)"
	new := strings.Join(lines, "\n") + "\n"
	f := one(t, analyse(t, "a.py", new), "TEST002")
	p := planFix(f, diffOf(t, old, new), config.SuggestAll)
	if p.kind != fixProse || !strings.Contains(p.reason, "line 1, outside this pull request's diff") {
		t.Fatalf("plan %+v", p)
	}
	body := commentBody(f, p, docsURL)
	if strings.Contains(body, "```suggestion") {
		t.Errorf("suggestion for an out-of-diff fix:\n%s", body)
	}
	for _, s := range []string{"⚠️ **Unsafe — review before applying:** results are rounded down.",
		"```diff\n@@ line 1 @@\n-import os\n+import os\n+import math\n@@ line 13 @@\n-else: v12 = risky(12)\n+else: v12 = math.floor(12)\n```"} {
		if !strings.Contains(body, s) {
			t.Errorf("body lacks %q:\n%s", s, body)
		}
	}
}

func TestSuggestionDeletesLine(t *testing.T) {
	old := "a = 1\n"
	new := "a = 1\nwipe(a)\nb = 2\n"
	f := one(t, analyse(t, "a.py", new), "TEST005")
	p := planFix(f, diffOf(t, old, new), config.SuggestAll)
	if p.kind != fixSuggestion || p.startLine != 2 || p.endLine != 2 || p.replacementLines != 0 {
		t.Fatalf("plan %+v", p)
	}
	if body := commentBody(f, p, docsURL); !strings.Contains(body, "```suggestion\n```\n") {
		t.Errorf("deleting suggestion:\n%s", body)
	}
}

func TestGuidanceComment(t *testing.T) {
	f := one(t, analyse(t, "a.py", "meh()\n"), "TEST003")
	p := planFix(f, diffOf(t, "", "meh()\n"), config.SuggestAll)
	body := commentBody(f, p, docsURL)
	if p.kind != fixGuidance || !strings.Contains(body, "**How to fix:** Think about it.") || strings.Contains(body, "```") {
		t.Errorf("guidance: %+v\n%s", p, body)
	}
}

func TestFenceAvoidsBackticks(t *testing.T) {
	if f := fence("x = '```'\n"); f != "````" {
		t.Errorf("fence %q", f)
	}
	if f := fence("plain"); f != "```" {
		t.Errorf("fence %q", f)
	}
}

func TestFingerprintsStableUnderShifts(t *testing.T) {
	src := "import os\n\ny = danger(1)\nz = meh()\n"
	shifted := "import os\nimport sys\n\n\n# a comment\ny  =  danger(1)\nz = meh()\n"
	keys := func(fs []*finding) string {
		var out []string
		for _, f := range fs {
			out = append(out, f.key())
		}
		return strings.Join(out, " ")
	}
	a, b := analyse(t, "a.py", src), analyse(t, "a.py", shifted)
	if keys(a) != keys(b) || len(a) != 2 {
		t.Errorf("keys changed under a shift:\n%s\n%s", keys(a), keys(b))
	}
	if c := analyse(t, "b.py", src); keys(c) == keys(a) {
		t.Error("path not in the fingerprint")
	}
	if d := analyse(t, "a.py", "y = danger(2)\nz = meh()\n"); strings.Split(keys(d), " ")[0] == strings.Split(keys(a), " ")[0] {
		t.Error("flagged code not in the fingerprint")
	}
	// Identical flagged lines are told apart.
	twice := analyse(t, "a.py", "danger(1)\ndanger(1)\n")
	if twice[0].key() == twice[1].key() {
		t.Error("identical lines share a key")
	}
}

func TestMarkerKey(t *testing.T) {
	body := "text <!-- pyguard:AIML171:0123456789abcdef -->"
	if k := markerKey(body); k != "AIML171:0123456789abcdef" {
		t.Errorf("key %q", k)
	}
	for _, b := range []string{"", "<!-- pyguard: -->", "<!-- pyguard:aiml:x:0 -->"} {
		if k := markerKey(b); k != "" {
			t.Errorf("markerKey(%q) = %q", b, k)
		}
	}
}

func TestShortWhy(t *testing.T) {
	doc := "A request value is used as the path or URL of a pandas reader. pandas `read_*` functions accept http URLs. More text."
	if got := shortWhy(doc); got != "A request value is used as the path or URL of a pandas reader." {
		t.Errorf("shortWhy = %q", got)
	}
	long := strings.Repeat("word ", 200)
	if got := shortWhy(long); len(got) > 310 || !strings.HasSuffix(got, "…") {
		t.Errorf("long: %d %q", len(got), got[len(got)-10:])
	}
}

func TestSeverityOrder(t *testing.T) {
	fs := analyse(t, "a.py", "meh()\nrisky(1)\ndanger(1)\nmulti()\nwipe()\n")
	sortBySeverity(fs)
	var got []string
	for _, f := range fs {
		got = append(got, f.rule.ID)
	}
	if s := strings.Join(got, " "); s != "TEST004 TEST001 TEST002 TEST005 TEST003" {
		t.Errorf("order %s", s)
	}
}

func TestSummaryFitsGitHubLimit(t *testing.T) {
	var src strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&src, "x%d = danger(%d)\n", i, i)
	}
	fs := analyse(t, "pkg/"+strings.Repeat("long_directory_name/", 10)+"a.py", src.String())
	for _, f := range fs {
		f.message = strings.Repeat("a very | long message ", 20)
	}
	res := &result{cfg: config.Default(), files: &fileList{}, python: 1, analysed: 1, kept: fs, overflow: fs[50:]}
	for i := range 200 {
		res.skipped = append(res.skipped, skipped{fmt.Sprintf("s%d.py", i), "binary file"})
	}
	counts := map[analyzer.Severity]int{analyzer.High: len(fs)}
	s := summary(res, counts, len(fs), docsURL, "abcdef0123")
	if len(s) > 65535 {
		t.Fatalf("summary is %d bytes", len(s))
	}
	for _, want := range []string{"| 🟠 high | 3000 |", "**Result:** failing — 3000 findings at or above `high`.",
		"_The table shows the first 100 of 3000 findings", "the first 1000 are annotations", "2950 not posted: over the limit of 50",
		"… and 150 more", `a very \| long message`} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	if got := len(annotations(fs)); got != maxAnnotations {
		t.Errorf("annotations %d", got)
	}
}

func TestCapNote(t *testing.T) {
	res := &result{cfg: config.Default(), python: 1, analysed: 1, files: &fileList{capped: true, changedFiles: 3412, files: make([]prFile, 3000)}}
	s := fileLines(res)
	if !strings.Contains(s, "GitHub lists at most 3,000 files of a pull request and this one changes 3412: files past the cap were not reviewed.") {
		t.Errorf("cap note missing:\n%s", s)
	}
}

func TestInvalidConfigSummary(t *testing.T) {
	_, err := config.Parse([]byte("fail_on: sometimes\n"))
	if err == nil {
		t.Fatal("config accepted")
	}
	s := invalidConfigSummary(err, "main", "0123456789")
	if !strings.Contains(s, "`.pyguard.yml` on the base branch `main` (commit `0123456`) is invalid") || !strings.Contains(s, "line 1: fail_on") {
		t.Errorf("summary:\n%s", s)
	}
}

func TestErrorText(t *testing.T) {
	if got := errorText(errors.New("plain")); got != "plain" {
		t.Errorf("errorText = %q", got)
	}
}
