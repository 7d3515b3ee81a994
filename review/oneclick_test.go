package review

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyguard/pyguard/analyzer"
	"github.com/pyguard/pyguard/internal/config"
	"github.com/pyguard/pyguard/rules"
)

// noSuggestion lists the fixture findings with a mechanical fix that may
// not become a one-click suggestion in a pull request, with the reason.
// Keyed "ID/file:line".
var noSuggestion = map[string]string{}

// TestEveryFixIsOneClick is the product's promise, checked for every rule
// fixture with a mechanical fix: in a pull request that adds the
// finding's lines (3 lines of context, the imports outside the hunk), the
// comment planned under the default configuration carries a suggestion
// that, applied as GitHub applies it (the block replaces lines
// start_line..line of the head file), parses, binds every name it adds,
// clears that finding and brings no new one.
func TestEveryFixIsOneClick(t *testing.T) {
	engine := analyzer.NewEngine(rules.All())
	total, suggested := 0, 0
	seen := map[string]bool{}
	all, allSuggested := 0, 0 // every fixture finding, for the recorded share
	for _, r := range rules.All() {
		dir := filepath.Join("..", "rules", "testdata", r.ID)
		for _, name := range []string{"fix.py", "fires.py"} {
			src, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range analyseWith(t, engine, name, string(src)) {
				if f.rule != r {
					continue
				}
				all++
				if f.fix == nil || len(f.fix.Edits) == 0 || f.fix.Applicability == analyzer.Guidance {
					continue
				}
				key := fmt.Sprintf("%s/%s:%d", r.ID, name, f.line)
				seen[key] = true
				total++
				t.Run(key, func(t *testing.T) {
					if checkOneClick(t, engine, f, string(src), noSuggestion[key]) {
						suggested++
						allSuggested++
					}
				})
			}
		}
	}
	if total == 0 {
		t.Fatal("no mechanical fixes in the fixtures")
	}
	for key := range noSuggestion {
		if !seen[key] {
			t.Errorf("noSuggestion lists %s, which is not a fixture finding with a mechanical fix", key)
		}
	}
	t.Logf("%d of %d mechanical fixture fixes are one-click suggestions in a pull request; %d of all %d fixture findings",
		suggested, total, allSuggested, all)
}

// checkOneClick plans f's comment in a pull request adding f's lines and
// checks its suggestion; it reports whether there was one.
func checkOneClick(t *testing.T, engine *analyzer.Engine, f *finding, head, exempt string) bool {
	lines := strings.SplitAfter(head, "\n")
	base := strings.Join(lines[:f.line-1], "") + strings.Join(lines[f.endLine:], "")
	d := diffOf(t, base, head)
	p := planFix(f, d, config.DefaultSuggestions)
	if p.kind != fixSuggestion {
		if exempt == "" {
			t.Fatalf("no suggestion (%v: %s); its edits:\n%s", p.kind, p.reason, renderFix(p))
		}
		return false
	}
	if exempt != "" {
		t.Errorf("listed in noSuggestion (%s) but now suggested: remove it from the list", exempt)
	}
	if p.endLine-p.startLine > 6 {
		t.Errorf("suggestion spans lines %d-%d: more than the statement it fixes", p.startLine, p.endLine)
	}
	for l := p.startLine; l <= p.endLine; l++ {
		if d.hunkOf(l) < 0 {
			t.Fatalf("suggestion line %d outside the diff", l)
		}
	}
	// Apply as GitHub does: the block replaces lines start..end.
	var out strings.Builder
	for i, l := range lines {
		n := i + 1
		switch {
		case n == p.startLine:
			if p.replacementLines > 0 {
				out.WriteString(p.replacement + "\n")
			}
		case n > p.startLine && n <= p.endLine:
		default:
			out.WriteString(l)
		}
	}
	fixed := out.String()
	file, err := analyzer.NewFile(context.Background(), "fixed.py", []byte(fixed))
	if err != nil {
		t.Fatal(err)
	}
	if file.Tree.HasSyntaxErrors() {
		t.Fatalf("the applied suggestion does not parse:\n%s", fixed)
	}
	newLo, newHi := p.startLine, p.startLine+p.replacementLines-1
	checkNamesBound(t, file, newLo, newHi, strings.Join(lines[p.startLine-1:p.endLine], ""))

	before := countByRule(analyseWith(t, engine, "head.py", head))
	afterFs := analyseWith(t, engine, "fixed.py", fixed)
	after := countByRule(afterFs)
	if after[f.rule.ID] >= before[f.rule.ID] {
		t.Errorf("%s still reported %d times after the suggestion (was %d)", f.rule.ID, after[f.rule.ID], before[f.rule.ID])
	}
	for _, g := range afterFs {
		if g.rule == f.rule && g.line >= newLo && g.line <= max(newLo, newHi) {
			t.Errorf("%s still reported on line %d of the fixed code", g.rule.ID, g.line)
		}
	}
	for id, n := range after {
		if n > before[id] {
			t.Errorf("the suggestion brings a new %s finding (%d, was %d)", id, n, before[id])
		}
	}
	return true
}

// checkNamesBound: every name the suggestion reads that the replaced lines
// did not already read is bound where it stands (an import it needs is
// there).
func checkNamesBound(t *testing.T, file *analyzer.File, lo, hi int, replaced string) {
	t.Helper()
	if hi < lo {
		return
	}
	old := map[string]bool{}
	for _, w := range strings.FieldsFunc(replaced, func(r rune) bool {
		return !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) {
		old[w] = true
	}
	file.Tree.Root().Walk(func(n *analyzer.Node) bool {
		if n.Kind != analyzer.KIdentifier || n.Line() < lo || n.Line() > hi || old[n.Text()] || !analyzer.IsNameRead(n) {
			return true
		}
		if !file.Bound(n) {
			t.Errorf("the suggestion uses %s on line %d, which nothing binds", n.Text(), n.Line())
		}
		return true
	})
}

func analyseWith(t *testing.T, engine *analyzer.Engine, path, src string) []*finding {
	t.Helper()
	a, err := analyseSource(context.Background(), engine, path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return a.findings
}

func countByRule(fs []*finding) map[string]int {
	m := map[string]int{}
	for _, f := range fs {
		m[f.rule.ID]++
	}
	return m
}

// TestFixtureSuggestionsBatch: in a pull request that adds a whole fix.py,
// the planned suggestions of all rules never share a line, so GitHub's
// "add suggestion to batch" applies them in one commit; the result parses,
// binds the names it adds and reports no new finding.
func TestFixtureSuggestionsBatch(t *testing.T) {
	engine := analyzer.NewEngine(rules.All())
	for _, r := range rules.All() {
		if !r.Mechanical() {
			continue
		}
		t.Run(r.ID, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("..", "rules", "testdata", r.ID, "fix.py"))
			if err != nil {
				t.Fatal(err)
			}
			head := string(src)
			fs := analyseWith(t, engine, "fix.py", head)
			sortBySeverity(fs)
			d := diffOf(t, "", head)
			plans := make([]fixPlan, len(fs))
			for i, f := range fs {
				plans[i] = planFix(f, d, config.DefaultSuggestions)
			}
			resolveOverlaps(fs, plans, map[string]*fileDiff{"fix.py": d})
			type block struct {
				lo, hi int
				text   []string
			}
			var blocks []block
			for _, p := range plans {
				if p.kind != fixSuggestion {
					continue
				}
				for _, b := range blocks {
					if p.startLine <= b.hi && b.lo <= p.endLine {
						t.Fatalf("suggestions on lines %d-%d and %d-%d overlap", b.lo, b.hi, p.startLine, p.endLine)
					}
				}
				var text []string
				if p.replacementLines > 0 {
					text = strings.Split(p.replacement, "\n")
				}
				blocks = append(blocks, block{p.startLine, p.endLine, text})
			}
			if len(blocks) == 0 {
				t.Fatal("no suggestion in fix.py")
			}
			lines := strings.Split(strings.TrimSuffix(head, "\n"), "\n")
			var out []string
			for n := 1; n <= len(lines); n++ {
				replaced := false
				for _, b := range blocks {
					if n == b.lo {
						out = append(out, b.text...)
					}
					if n >= b.lo && n <= b.hi {
						replaced = true
					}
				}
				if !replaced {
					out = append(out, lines[n-1])
				}
			}
			fixed := strings.Join(out, "\n") + "\n"
			file, err := analyzer.NewFile(context.Background(), "fixed.py", []byte(fixed))
			if err != nil {
				t.Fatal(err)
			}
			if file.Tree.HasSyntaxErrors() {
				t.Fatalf("the batch does not parse:\n%s", fixed)
			}
			before, after := countByRule(fs), countByRule(analyseWith(t, engine, "fixed.py", fixed))
			if after[r.ID] >= before[r.ID] {
				t.Errorf("%s: %d findings after the batch, %d before", r.ID, after[r.ID], before[r.ID])
			}
			for id, n := range after {
				if n > before[id] {
					t.Errorf("the batch brings a new %s finding (%d, was %d)", id, n, before[id])
				}
			}
		})
	}
}
