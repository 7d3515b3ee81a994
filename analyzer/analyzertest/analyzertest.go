// Package analyzertest checks rules against fixture files, like
// golang.org/x/tools/go/analysis/analysistest.
//
// A fixture is a Python file in testdata/<RULE>/. A comment `# want: ID`
// (or `# want: ID1 ID2`) on a line says those rules must report exactly
// that line; every other finding is an error, and so is a missing one.
// A fixture with a sibling `.golden` file also has its fixes applied (safe
// and unsafe, repeatedly until stable); the result must equal the golden
// file and parse without syntax errors. Run `go test -update` to rewrite
// golden files after reviewing the diff.
package analyzertest

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/pyguard/pyguard/analyzer"
)

var update = flag.Bool("update", false, "rewrite .golden files")

var wantRE = regexp.MustCompile(`#\s*want:\s*((?:AIML\d{3}\s*)+)`)

// Result is what a fixture run found, for callers that check more.
type Result struct {
	Path     string
	Src      []byte
	Findings []*analyzer.Finding
}

// Run checks every .py fixture in dir against rules and returns the results.
func Run(t *testing.T, dir string, rules []*analyzer.Rule) []Result {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.py"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in %s", dir)
	}
	engine := analyzer.NewEngine(rules)
	var results []Result
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		findings := analyze(t, engine, path, src)
		checkWants(t, path, src, findings)
		if golden := path + ".golden"; exists(golden) {
			checkGolden(t, engine, path, golden, src)
		}
		results = append(results, Result{Path: path, Src: src, Findings: findings})
	}
	return results
}

func analyze(t *testing.T, e *analyzer.Engine, path string, src []byte) []*analyzer.Finding {
	t.Helper()
	// Fixtures are named like ordinary modules; analyse them as such even
	// though they live under a testdata directory.
	f, err := analyzer.NewFile(context.Background(), filepath.Base(path), src)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	findings, errs := e.Run(f)
	for _, err := range errs {
		t.Errorf("%s: %v", path, err)
	}
	return findings
}

func checkWants(t *testing.T, path string, src []byte, findings []*analyzer.Finding) {
	t.Helper()
	want := map[string]int{} // "line:ID" -> count
	for i, line := range strings.Split(string(src), "\n") {
		if m := wantRE.FindStringSubmatch(line); m != nil {
			for _, id := range strings.Fields(m[1]) {
				want[fmt.Sprintf("%d:%s", i+1, id)]++
			}
		}
	}
	got := map[string]int{}
	for _, fd := range findings {
		got[fmt.Sprintf("%d:%s", fd.Line, fd.Rule.ID)]++
	}
	var problems []string
	for k, n := range got {
		if want[k] < n {
			problems = append(problems, fmt.Sprintf("%s:%s: unexpected finding", filepath.Base(path), k))
		}
	}
	for k, n := range want {
		if got[k] < n {
			problems = append(problems, fmt.Sprintf("%s:%s: expected finding not reported", filepath.Base(path), k))
		}
	}
	sort.Strings(problems)
	for _, p := range problems {
		t.Error(p)
	}
}

// ApplyAll applies every mechanical fix (safe and unsafe) until no more
// apply, re-analysing between rounds, as `pyguard scan --fix --unsafe-fixes` does.
func ApplyAll(t *testing.T, e *analyzer.Engine, path string, src []byte) []byte {
	t.Helper()
	for round := 0; round < 10; round++ {
		findings := analyze(t, e, path, src)
		out, n := analyzer.ApplyFixes(src, findings, true)
		if n == 0 {
			return src
		}
		src = out
	}
	t.Fatalf("%s: fixes did not converge in 10 rounds", path)
	return nil
}

func checkGolden(t *testing.T, e *analyzer.Engine, path, golden string, src []byte) {
	t.Helper()
	fixed := ApplyAll(t, e, path, src)
	f, err := analyzer.NewFile(context.Background(), filepath.Base(path), fixed)
	if err != nil {
		t.Fatalf("%s: fixed source does not parse: %v", path, err)
	}
	if f.Tree.HasSyntaxErrors() {
		t.Errorf("%s: fixed source has syntax errors:\n%s", path, fixed)
	}
	if *update {
		if err := os.WriteFile(golden, fixed, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != string(fixed) {
		t.Errorf("%s: fixed source differs from %s\n--- got ---\n%s\n--- want ---\n%s", path, filepath.Base(golden), fixed, want)
	}
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }
