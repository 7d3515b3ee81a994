package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pyguard/pyguard/analyzer"
	"github.com/pyguard/pyguard/analyzer/analyzertest"
)

// Each rule has testdata/<ID>/ with:
//
//	fires.py  — the spec's firing example and ≥5 variants, each `# want: ID`
//	silent.py — the spec's silent example and ≥5 look-alikes; no findings of ID
//	fix.py + fix.py.golden — fixes applied and re-parsed (guidance rules:
//	            golden equals input and every finding carries prose)
func TestRules(t *testing.T) {
	for _, r := range All() {
		r := r
		t.Run(r.ID, func(t *testing.T) {
			dir := filepath.Join("testdata", r.ID)
			for _, name := range []string{"fires.py", "silent.py", "fix.py", "fix.py.golden"} {
				if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
					t.Fatalf("missing fixture %s", name)
				}
			}
			results := analyzertest.Run(t, dir, All())
			for _, res := range results {
				own := 0
				for _, fd := range res.Findings {
					if fd.Rule == r {
						own++
						checkFix(t, r, fd)
						if n := len(fd.Message); n == 0 || n > 140 {
							t.Errorf("%s line %d: message of %d characters, want 1..140: %q", r.ID, fd.Line, n, fd.Message)
						}
					}
				}
				switch filepath.Base(res.Path) {
				case "fires.py":
					if own < 6 {
						t.Errorf("fires.py: %d findings of %s, want the spec example and at least 5 variants", own, r.ID)
					}
				case "silent.py":
					if own != 0 {
						t.Errorf("silent.py: %d findings of %s, want none", own, r.ID)
					}
					if wantRE.Match(res.Src) && strings.Contains(string(res.Src), "want: "+r.ID) {
						t.Errorf("silent.py must not expect %s", r.ID)
					}
				case "fix.py":
					if own == 0 {
						t.Errorf("fix.py: no findings of %s to fix", r.ID)
					}
				}
			}
		})
	}
}

var wantRE = regexp.MustCompile(`#\s*want:`)

// checkFix: a finding's fix matches the rule's declared applicability.
func checkFix(t *testing.T, r *analyzer.Rule, fd *analyzer.Finding) {
	t.Helper()
	if fd.Fix == nil {
		if r.Fix != analyzer.NoFix {
			t.Errorf("%s line %d: finding without a fix", r.ID, fd.Line)
		}
		return
	}
	if fd.Fix.Description == "" {
		t.Errorf("%s line %d: fix without a description", r.ID, fd.Line)
	}
	switch fd.Fix.Applicability {
	case analyzer.Guidance:
		if len(fd.Fix.Edits) != 0 {
			t.Errorf("%s line %d: guidance fix with edits", r.ID, fd.Line)
		}
	case analyzer.Safe, analyzer.Unsafe:
		if fd.Fix.Applicability != r.Fix && fd.Fix.Applicability != r.EditFix {
			t.Errorf("%s line %d: %s edits, but the rule's fix kind is %s", r.ID, fd.Line, fd.Fix.Applicability, r.Fix)
		}
		if len(fd.Fix.Edits) == 0 {
			t.Errorf("%s line %d: %s fix without edits", r.ID, fd.Line, fd.Fix.Applicability)
		}
		// The text speaks of this code, not of the spec's conditions.
		if fd.Fix.Description == r.FixDoc || fd.Fix.Description == r.EditFixDoc {
			t.Errorf("%s line %d: the fix's description is the rule's FixDoc; say what this edit does here", r.ID, fd.Line)
		}
		if fd.Fix.Applicability == analyzer.Unsafe && strings.TrimSpace(fd.Fix.Behavior) == "" {
			t.Errorf("%s line %d: unsafe fix without the behaviour it may change (Fix.Behavior)", r.ID, fd.Line)
		}
	default:
		t.Errorf("%s line %d: bad applicability %q", r.ID, fd.Line, fd.Fix.Applicability)
	}
}
