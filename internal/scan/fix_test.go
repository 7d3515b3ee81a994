package scan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyguard/pyguard/analyzer"
)

func TestFixUnsafeNeedsOptIn(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	write(t, dir, map[string]string{"a.py": silenced})
	os.Chmod("a.py", 0o751)

	res := mustRun(t, nil, Options{Fix: true})
	if res.FixesApplied != 0 || len(res.Findings) != 1 {
		t.Fatalf("safe-only fix changed something: %+v", res)
	}
	if b, _ := os.ReadFile("a.py"); string(b) != silenced {
		t.Fatal("file rewritten without --unsafe-fixes")
	}

	res = mustRun(t, nil, Options{Fix: true, UnsafeFixes: true})
	if res.FixesApplied != 1 || res.FilesFixed != 1 || len(res.Findings) != 0 || len(res.Errors) != 0 {
		t.Fatalf("unsafe fix: %+v", res)
	}
	b, _ := os.ReadFile("a.py")
	if want := strings.Replace(silenced, `"ignore"`, `"error"`, 1); string(b) != want {
		t.Errorf("fixed file:\n%s", b)
	}
	if fi, _ := os.Stat("a.py"); fi.Mode().Perm() != 0o751 {
		t.Errorf("mode %v not kept", fi.Mode())
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*pyguard*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}

	res = mustRun(t, nil, Options{Fix: true, UnsafeFixes: true})
	if res.FixesApplied != 0 {
		t.Errorf("second run applied %d fixes", res.FixesApplied)
	}
}

// Overlapping fixes (a call inside a call) need several rounds; the loop
// runs them until nothing is left.
func TestFixLoopsOverConflicts(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	write(t, dir, map[string]string{"a.py": "f(g(h()))\n"})
	res := mustRun(t, nil, Options{Rules: []*analyzer.Rule{callRule("TEST1", "1")}, Fix: true})
	if b, _ := os.ReadFile("a.py"); string(b) != "1\n" || len(res.Findings) != 0 {
		t.Errorf("fixed to %q, findings %v", b, ids(res.Findings))
	}
}

// A fix that replaces the last use of an imported name takes the import
// with it; imports it did not touch stay.
func TestFixRemovesImportItMadeUnused(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	swap := &analyzer.Rule{ID: "TEST2", Title: "test", Severity: analyzer.Medium, Fix: analyzer.Safe, Message: "pickle",
		Kinds: []analyzer.Kind{analyzer.KCall}}
	swap.Check = func(p *analyzer.Pass, n *analyzer.Node) {
		if c, _ := p.AsCall(n); c.Is("pickle.load") {
			b := p.NewFix(analyzer.Safe, "Load with joblib.", n)
			b.Add(analyzer.ReplaceNode(c.Func, b.Attr("joblib", "load")))
			p.ReportCall(c, b.Build(nil))
		}
	}
	src := "import os\nimport pickle\nimport plugins\n\nx = pickle.load(open(os.sep))\n"
	write(t, dir, map[string]string{"a.py": src})
	res := mustRun(t, nil, Options{Rules: []*analyzer.Rule{swap}, Fix: true})
	want := "import os\nimport plugins\nimport joblib\n\nx = joblib.load(open(os.sep))\n"
	if b, _ := os.ReadFile("a.py"); string(b) != want || res.FixesApplied != 1 {
		t.Errorf("fixed to %q (%d fixes), want %q", b, res.FixesApplied, want)
	}
}

func TestFixNeverBreaksSyntax(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	write(t, dir, map[string]string{"a.py": "f()\n"})
	res := mustRun(t, nil, Options{Rules: []*analyzer.Rule{callRule("TEST1", "f(")}, Fix: true})
	if b, _ := os.ReadFile("a.py"); string(b) != "f()\n" {
		t.Errorf("file changed to %q", b)
	}
	if res.FixesApplied != 0 || len(res.Findings) != 1 || len(res.Errors) != 1 ||
		res.Errors[0].Message != "some fixes were not applied: the fixed file would not parse" {
		t.Errorf("%+v", res)
	}
}

func TestFixWritesThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	write(t, dir, map[string]string{"real/a.py": "f()\n"})
	os.Symlink("real/a.py", "link.py")
	mustRun(t, []string{"link.py"}, Options{Rules: []*analyzer.Rule{callRule("TEST1", "g")}, Fix: true})
	if fi, err := os.Lstat("link.py"); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the symlink was replaced")
	}
	if b, _ := os.ReadFile("real/a.py"); string(b) != "g\n" {
		t.Errorf("target is %q", b)
	}
}

// A PEP 263 file is fixed in its own encoding: é stays one latin-1 byte.
func TestFixKeepsDeclaredEncoding(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	src := "# -*- coding: latin-1 -*-\n# caf\xe9\n" + silenced
	write(t, dir, map[string]string{"a.py": src})
	res := mustRun(t, nil, Options{Fix: true, UnsafeFixes: true})
	if res.FixesApplied != 1 || len(res.Errors) != 0 {
		t.Fatalf("fix: %+v", res)
	}
	b, _ := os.ReadFile("a.py")
	want := "# -*- coding: latin-1 -*-\n# caf\xe9\n" + strings.Replace(silenced, `"ignore"`, `"error"`, 1)
	if string(b) != want {
		t.Errorf("fixed file %q, want %q", b, want)
	}
}
