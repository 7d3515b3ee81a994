package main

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestScanJSONSchema(t *testing.T) {
	dir := project(t, map[string]string{"src/app.py": srcAIML161, "src/load.py": srcAIML173, "clean.py": srcClean})
	rep := scanJSON(t, dir, 1)
	if rep.Tool != "pyguard" || !regexp.MustCompile(`^\d+\.\d+\.\d+`).MatchString(rep.Version) || rep.FilesScanned != 3 {
		t.Errorf("header: %+v", rep)
	}
	if rep.Errors == nil || len(rep.Errors) != 0 {
		t.Errorf("errors = %#v, want []", rep.Errors)
	}
	if got := rep.ids(); !reflect.DeepEqual(got, []string{"AIML161", "AIML173"}) {
		t.Fatalf("findings %v", got)
	}
	f161, f173 := rep.Findings[0], rep.Findings[1]
	if f161.Path != filepath.Join("src", "app.py") || f161.Line != 8 || f161.Severity != "high" ||
		f161.Title != "Missing input validation in preprocessing" || f161.Message == "" ||
		f161.Column < 1 || f161.EndLine != 8 || f161.EndColumn <= f161.Column || len(f161.References) == 0 {
		t.Errorf("AIML161 finding: %+v", f161)
	}
	if f161.Fix == nil || f161.Fix.Applicability != "guidance" || f161.Fix.Description == "" || f161.Fix.Edits != nil {
		t.Errorf("AIML161 fix: %+v", f161.Fix)
	}
	// The "ignore" literal on line 4 starts at byte column 25.
	if f173.Path != filepath.Join("src", "load.py") || f173.Line != 4 || f173.Column != 25 || f173.EndColumn != 33 || f173.Severity != "low" {
		t.Errorf("AIML173 finding: %+v", f173)
	}
	if f173.Fix == nil || f173.Fix.Applicability != "unsafe" || len(f173.Fix.Edits) != 1 {
		t.Fatalf("AIML173 fix: %+v", f173.Fix)
	}
	if e := f173.Fix.Edits[0]; e.StartLine != 4 || e.StartColumn != 26 || e.EndLine != 4 || e.EndColumn != 32 || e.NewText != "error" {
		t.Errorf("edit %+v", e)
	}

	// The raw JSON has exactly the contract's keys, with arrays, not null.
	raw := pyguard(t, dir, "", "scan", "--format", "json", "clean.py").wantCode(t, 0).stdout
	for _, want := range []string{`"tool": "pyguard"`, `"files_scanned": 1`, `"findings": []`, `"errors": []`} {
		if !strings.Contains(raw, want) {
			t.Errorf("output lacks %s:\n%s", want, raw)
		}
	}
}

func TestScanPathsAsGiven(t *testing.T) {
	dir := project(t, map[string]string{"pkg/load.py": srcAIML173})
	if got := scanJSON(t, dir, 1, "./pkg").Findings[0].Path; got != "pkg/load.py" {
		t.Errorf("walked path %q", got)
	}
	abs := filepath.Join(dir, "pkg", "load.py")
	if got := scanJSON(t, dir, 1, abs).Findings[0].Path; got != abs {
		t.Errorf("absolute path %q", got)
	}
	// Flags may follow paths.
	if rep := scanJSON(t, dir, 0, "pkg", "--fail-on", "high"); len(rep.Findings) != 1 {
		t.Errorf("findings %v", rep.ids())
	}
}

func TestScanExitCodes(t *testing.T) {
	dir := project(t, map[string]string{"low.py": srcAIML173, "high.py": srcAIML161, "clean.py": srcClean})
	cases := []struct {
		args []string
		code int
	}{
		{[]string{"clean.py"}, 0},
		{[]string{"low.py"}, 1}, // default gate: low
		{[]string{"low.py", "--fail-on", "low"}, 1},
		{[]string{"low.py", "--fail-on", "medium"}, 0},
		{[]string{"high.py", "--fail-on", "high"}, 1},
		{[]string{"high.py", "--fail-on", "critical"}, 0},
		{[]string{"--fail-on", "never"}, 0},
		{[]string{"--fail-on", "urgent"}, 2},
		{[]string{"--format", "xml"}, 2},
		{[]string{"--no-such-flag"}, 2},
		{[]string{"--select", "AIML-1"}, 2},
		{[]string{"--config", "missing.yml"}, 2},
		{[]string{"clean.py", "nonexistent.py"}, 2},
	}
	for _, c := range cases {
		r := pyguard(t, dir, "", append([]string{"scan"}, c.args...)...)
		if r.code != c.code {
			t.Errorf("scan %v: exit %d, want %d\nstderr: %s", c.args, r.code, c.code, r.stderr)
		}
		if c.code == 2 && r.stderr == "" {
			t.Errorf("scan %v: no message on stderr", c.args)
		}
	}
}

func TestScanSelectIgnore(t *testing.T) {
	dir := project(t, map[string]string{"a.py": srcAIML161 + "\n" + srcAIML173})
	cases := []struct {
		args []string
		want []string
	}{
		{nil, []string{"AIML161", "AIML173"}},
		{[]string{"--select", "AIML17"}, []string{"AIML173"}},
		{[]string{"--select", "aiml161"}, []string{"AIML161"}},
		{[]string{"--ignore", "AIML173"}, []string{"AIML161"}},
		{[]string{"--select", "AIML161,AIML173", "--ignore", "AIML16"}, []string{"AIML173"}},
		{[]string{"--select", "AIML161", "--select", "AIML173"}, []string{"AIML161", "AIML173"}},
		{[]string{"--select", "AIML2"}, []string{}},
	}
	for _, c := range cases {
		if got := scanJSON(t, dir, anyGate, c.args...).ids(); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%v: %v, want %v", c.args, got, c.want)
		}
	}
}

func TestScanConfig(t *testing.T) {
	dir := project(t, map[string]string{
		".pyguard.yml":      "ignore: [AIML161]\npaths:\n  exclude: [\"tests/**\"]\n",
		"src/a.py":          srcAIML161 + "\n" + srcAIML173,
		"tests/test_x.py":   srcAIML173,
		"src/deeper/b.py":   srcClean,
		"other.yml":         "select: [AIML161]\n",
		"bad.yml":           "fail_on: sometimes\n",
		"unknown.yml":       "selcet: [AIML161]\n",
		"src/.pyguard.yml2": "",
	})
	// Found upward from a subdirectory; its exclude is relative to its own directory.
	rep := scanJSON(t, filepath.Join(dir, "src", "deeper"), 1, "..", "../../tests")
	if got := rep.ids(); !reflect.DeepEqual(got, []string{"AIML173"}) || rep.FilesScanned != 2 {
		t.Errorf("findings %v, scanned %d", got, rep.FilesScanned)
	}
	// --select replaces the configured select; the configured ignore still applies.
	if got := scanJSON(t, dir, 1, "--config", "other.yml", "src").ids(); !reflect.DeepEqual(got, []string{"AIML161"}) {
		t.Errorf("--config other.yml: %v", got)
	}
	if got := scanJSON(t, dir, anyGate, "--select", "AIML16,AIML17", "src").ids(); !reflect.DeepEqual(got, []string{"AIML173"}) {
		t.Errorf("--select with config ignore: %v", got)
	}
	for name, want := range map[string]string{
		"bad.yml":     `line 1: fail_on: "sometimes" is not one of critical, high, medium, low, never`,
		"unknown.yml": `line 1: unknown key "selcet"`,
	} {
		r := pyguard(t, dir, "", "scan", "--config", name).wantCode(t, 2)
		if !strings.Contains(r.stderr, want) || r.stdout != "" {
			t.Errorf("%s: stderr %q stdout %q", name, r.stderr, r.stdout)
		}
	}
	// The nearest file is the invalid one: exit 2, even without --config.
	os.WriteFile(filepath.Join(dir, "src", ".pyguard.yml"), []byte("max_comments: 0\n"), 0o644)
	if r := pyguard(t, filepath.Join(dir, "src"), "", "scan").wantCode(t, 2); !strings.Contains(r.stderr, "max_comments") {
		t.Errorf("stderr %q", r.stderr)
	}
}

func TestScanSuppressionComments(t *testing.T) {
	call := `warnings.filterwarnings("ignore", category=InconsistentVersionWarning)`
	src := "import warnings\nfrom sklearn.exceptions import InconsistentVersionWarning\n" +
		call + "  # pyguard: ignore[AIML173]\n" +
		call + "  # pyguard: ignore\n" +
		call + "  # pyguard: ignore[AIML161,AIML173]\n" +
		call + "  # pyguard: ignore[AIML161]\n" +
		call + "\n"
	rep := scanJSON(t, project(t, map[string]string{"s.py": src}), 1)
	var lines []int
	for _, f := range rep.Findings {
		lines = append(lines, f.Line)
	}
	if !reflect.DeepEqual(lines, []int{6, 7}) {
		t.Errorf("reported lines %v, want [6 7]", lines)
	}
}

func TestScanTextFormat(t *testing.T) {
	dir := project(t, map[string]string{"load.py": srcAIML173})
	out := pyguard(t, dir, "", "scan").wantCode(t, 1).stdout
	for _, want := range []string{
		"load.py:4:25: AIML173 [low] InconsistentVersionWarning silenced",
		`     4 | warnings.filterwarnings("ignore", category=InconsistentVersionWarning)`,
		"       |                         ^^^^^^^^\n",
		"  fix (unsafe): ",
		`    + warnings.filterwarnings("error", category=InconsistentVersionWarning)`,
		"Found 1 finding (1 low) in 1 file.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour codes on a non-terminal")
	}
}

func TestScanGitHubFormat(t *testing.T) {
	dir := project(t, map[string]string{"a,b.py": srcAIML161, "load.py": srcAIML173, "bad.py": "\xff\n"})
	out := pyguard(t, dir, "", "scan", "--format", "github").wantCode(t, 1).stdout
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := []*regexp.Regexp{
		regexp.MustCompile(`^::error file=a%2Cb\.py,line=8,col=\d+,endLine=8,endColumn=\d+,title=AIML161 Missing input validation in preprocessing::Request value used as pandas read path/URL`),
		regexp.MustCompile(`^::notice file=load\.py,line=4,col=25,endLine=4,endColumn=33,title=AIML173 Pipeline versioning gaps::InconsistentVersionWarning silenced`),
		regexp.MustCompile(`^::warning file=bad\.py,title=pyguard could not analyse this file::not valid UTF-8`),
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines:\n%s", len(lines), out)
	}
	for i, re := range want {
		if !re.MatchString(lines[i]) {
			t.Errorf("line %d = %q, want %v", i, lines[i], re)
		}
	}
}
