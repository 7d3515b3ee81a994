package scan

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pyguard/pyguard/analyzer"
	"github.com/pyguard/pyguard/internal/report"
)

func ids(fs []report.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Path+":"+f.RuleID)
	}
	return out
}

func TestRunOrderIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	files := map[string]string{"bad.py": "x = '\xff'\n"}
	for _, n := range []string{"z.py", "a.py", "m/k.py", "m/a.py", "b.py"} {
		files[n] = silenced + silenced
	}
	write(t, dir, files)
	first := mustRun(t, nil, Options{Workers: 1})
	if first.FilesScanned != 5 || len(first.Findings) != 10 || len(first.Errors) != 1 {
		t.Fatalf("scanned %d, %d findings, errors %v", first.FilesScanned, len(first.Findings), first.Errors)
	}
	want := []string{"a.py:AIML173", "a.py:AIML173", "b.py:AIML173", "b.py:AIML173", "m/a.py:AIML173", "m/a.py:AIML173",
		"m/k.py:AIML173", "m/k.py:AIML173", "z.py:AIML173", "z.py:AIML173"}
	if got := ids(first.Findings); !reflect.DeepEqual(got, want) {
		t.Errorf("order = %v", got)
	}
	if first.Findings[0].Line != 4 || first.Findings[1].Line != 8 {
		t.Errorf("lines %d, %d", first.Findings[0].Line, first.Findings[1].Line)
	}
	for range 3 {
		again := mustRun(t, []string{"."}, Options{Workers: 8})
		if !reflect.DeepEqual(ids(again.Findings), want) || again.Errors[0] != first.Errors[0] {
			t.Fatal("parallel run differs")
		}
	}
}

// scope keeps files by name and findings by line.
type scope struct {
	files map[string]bool
	lines map[int]bool
	panic bool
}

func (s scope) Has(p string) bool { return s.files[filepath.ToSlash(p)] }
func (s scope) Contains(p string, line int) bool {
	if s.panic && p == "boom.py" {
		panic("scope exploded")
	}
	return s.lines[line]
}

func TestRunScope(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	write(t, dir, map[string]string{"in.py": silenced + silenced, "out.py": silenced})
	res := mustRun(t, nil, Options{Scope: scope{files: map[string]bool{"in.py": true}, lines: map[int]bool{8: true}}})
	if res.FilesScanned != 1 || len(res.Findings) != 1 || res.Findings[0].Line != 8 {
		t.Errorf("scanned %d, findings %v", res.FilesScanned, ids(res.Findings))
	}
}

func TestPanicBecomesFileError(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	write(t, dir, map[string]string{"boom.py": silenced, "fine.py": silenced})
	all := map[string]bool{"boom.py": true, "fine.py": true}
	res := mustRun(t, nil, Options{Scope: scope{files: all, lines: map[int]bool{4: true}, panic: true}})
	if len(res.Findings) != 1 || res.Findings[0].Path != "fine.py" {
		t.Errorf("findings %v", ids(res.Findings))
	}
	if len(res.Errors) != 1 || res.Errors[0].Path != "boom.py" || res.Errors[0].Message != "internal error: scope exploded" {
		t.Errorf("errors %v", res.Errors)
	}
}

func TestRuleErrorKeepsFindings(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	write(t, dir, map[string]string{"a.py": "f()\ng()\n"})
	bad := &analyzer.Rule{ID: "TEST2", Kinds: []analyzer.Kind{analyzer.KCall},
		Check: func(*analyzer.Pass, *analyzer.Node) { panic("rule bug") }}
	res := mustRun(t, nil, Options{Rules: []*analyzer.Rule{bad, callRule("TEST1", "h()")}})
	if len(res.Findings) != 2 || res.FilesScanned != 1 {
		t.Errorf("findings %v", ids(res.Findings))
	}
	if len(res.Errors) != 2 || !strings.Contains(res.Errors[0].Message, "internal error in TEST2 at a.py:1: rule bug") ||
		strings.Contains(res.Errors[0].Message, "\n") {
		t.Errorf("errors %q", res.Errors)
	}
}

func TestRunMissingOperand(t *testing.T) {
	res := mustRun(t, []string{filepath.Join(t.TempDir(), "nope.py")}, Options{})
	if len(res.Missing) != 1 || len(res.Errors) != 1 {
		t.Errorf("missing %v errors %v", res.Missing, res.Errors)
	}
}

func TestExcludeAppliesToExplicitFiles(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	write(t, dir, map[string]string{"tests/t.py": silenced})
	res := mustRun(t, []string{"tests/t.py"}, Options{Exclude: func(p string) bool { return strings.HasPrefix(p, "tests") }})
	if res.FilesScanned != 0 || len(res.Errors) != 0 {
		t.Errorf("excluded file scanned: %+v", res)
	}
	if _, err := os.Stat("tests/t.py"); err != nil {
		t.Fatal(err)
	}
}

// Directories above the project root do not make a file a test file.
func TestTestStatusIsRelativeToRoot(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tests", "project")
	write(t, dir, map[string]string{"app.py": silenced, "tests/test_app.py": silenced})
	chdir(t, dir)
	abs := filepath.Join(dir, "app.py")
	if res := mustRun(t, []string{abs, "tests"}, Options{}); len(res.Findings) != 0 {
		t.Errorf("without Root, the ancestor tests/ silences: %v", ids(res.Findings))
	}
	res := mustRun(t, []string{abs, "tests"}, Options{Root: dir})
	if got := ids(res.Findings); !reflect.DeepEqual(got, []string{abs + ":AIML173"}) {
		t.Errorf("with Root: %v", got)
	}
}
