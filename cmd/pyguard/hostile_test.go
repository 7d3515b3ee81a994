package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestScanFileErrors(t *testing.T) {
	dir := project(t, map[string]string{
		"good.py":   srcAIML173,
		"latin1.py": "name = 'caf\xe9'\n",
		"binary.py": "\x7fELF\x00\x00\x01",
	})
	big, err := os.Create(filepath.Join(dir, "big.py"))
	if err != nil {
		t.Fatal(err)
	}
	big.Truncate(5<<20 + 1)
	big.Close()

	rep := scanJSON(t, dir, 1)
	if rep.FilesScanned != 1 || len(rep.Findings) != 1 || rep.Findings[0].Path != "good.py" {
		t.Errorf("scanned %d, findings %+v", rep.FilesScanned, rep.Findings)
	}
	want := map[string]string{
		"big.py":    "file too large",
		"binary.py": "binary file",
		"latin1.py": "not valid UTF-8",
	}
	if len(rep.Errors) != len(want) {
		t.Fatalf("errors %+v", rep.Errors)
	}
	for _, e := range rep.Errors {
		if !strings.Contains(e.Message, want[e.Path]) || want[e.Path] == "" {
			t.Errorf("error %+v", e)
		}
	}
	// File errors alone do not fail the gate.
	os.Remove(filepath.Join(dir, "good.py"))
	if rep := scanJSON(t, dir, 0); len(rep.Errors) != 3 {
		t.Errorf("errors %+v", rep.Errors)
	}
	// An explicitly named non-Python file is an error entry too.
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("hi"), 0o644)
	if rep := scanJSON(t, dir, 0, "notes.txt"); len(rep.Errors) != 1 || !strings.Contains(rep.Errors[0].Message, "not a Python file") {
		t.Errorf("errors %+v", rep.Errors)
	}
}

// Hostile inputs finish in bounded time with a report: findings or an
// error entry, never a crash or a hang.
func TestScanHostileInputs(t *testing.T) {
	cases := map[string]string{
		"nested_parens.py": "x = " + strings.Repeat("(", 100_000) + "1" + strings.Repeat(")", 100_000) + "\n",
		"million_lines.py": strings.Repeat("x = 1\n", 1_000_000),
		"unclosed.py":      "x = " + strings.Repeat("[", 100_000) + "\n",
		"deep_calls.py":    srcAIML173 + "y = " + strings.Repeat("f(", 30_000) + strings.Repeat(")", 30_000) + "\n",
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			dir := project(t, map[string]string{name: src})
			start := time.Now()
			r := pyguard(t, dir, "", "scan", "--format", "json", "--fix", "--unsafe-fixes")
			if took := time.Since(start); took > 20*time.Second {
				t.Errorf("took %v", took)
			}
			if r.code > 1 {
				t.Fatalf("exit %d\n%s", r.code, r.stderr)
			}
			rep := decode(t, r.stdout)
			if rep.FilesScanned+len(rep.Errors) == 0 {
				t.Errorf("neither scanned nor an error: %+v", rep)
			}
		})
	}
}

// A file that parses only in part (a notebook magic line, Python 2
// syntax) is scanned, and every format says so instead of staying silent.
func TestScanPartialParseIsNoted(t *testing.T) {
	dir := project(t, map[string]string{
		"magic.py": "%pip install scikit-learn\n" + srcAIML173,
		"py2.py":   "print \"training\"\n",
		"clean.py": "x = 1\n",
	})
	rep := scanJSON(t, dir, 1)
	if rep.FilesScanned != 3 || len(rep.Findings) != 1 || rep.Findings[0].Path != "magic.py" {
		t.Errorf("scanned %d, findings %+v: a partial parse must still be analysed", rep.FilesScanned, rep.Findings)
	}
	want := map[string]string{
		"magic.py": "analysed only in part: line 1 is a notebook magic or shell line (`%pip install scikit-learn`), not Python at line 1",
		"py2.py":   "analysed only in part: Python 2 syntax (`print` statement) at line 1",
	}
	if len(rep.Errors) != 2 {
		t.Fatalf("errors %+v", rep.Errors)
	}
	for _, e := range rep.Errors {
		if !strings.HasPrefix(e.Message, want[e.Path]) {
			t.Errorf("note %+v, want %q", e, want[e.Path])
		}
	}
	text := pyguard(t, dir, "", "scan")
	if !strings.Contains(text.stdout, "py2.py:1: note: analysed only in part: Python 2 syntax") ||
		!strings.Contains(text.stdout, "2 files analysed only in part (listed above).") {
		t.Errorf("text output:\n%s", text.stdout)
	}
	gh := pyguard(t, dir, "", "scan", "--format", "github")
	if !strings.Contains(gh.stdout, "::notice file=py2.py,line=1,title=pyguard analysed this file only in part::") {
		t.Errorf("github output:\n%s", gh.stdout)
	}
	sarif := pyguard(t, dir, "", "scan", "--format", "sarif")
	if !strings.Contains(sarif.stdout, `"level": "warning"`) || !strings.Contains(sarif.stdout, "analysed only in part: Python 2 syntax") {
		t.Errorf("sarif output lacks the notification:\n%s", sarif.stdout)
	}
}
