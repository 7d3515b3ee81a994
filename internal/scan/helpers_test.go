package scan

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/pyguard/pyguard/analyzer"
	"github.com/pyguard/pyguard/rules"
)

// silenced fires AIML173, whose fix is unsafe.
const silenced = "import warnings\nfrom sklearn.exceptions import InconsistentVersionWarning\n\n" +
	"warnings.filterwarnings(\"ignore\", category=InconsistentVersionWarning)\n"

// write creates files under dir from name -> content.
func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// chdir makes relative paths in a test resolve under dir (the module
// targets Go 1.23, before testing.T.Chdir).
func chdir(t *testing.T, dir string) {
	t.Helper()
	old, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chdir(old) })
}

func mustRun(t *testing.T, paths []string, opt Options) *Result {
	t.Helper()
	if opt.Rules == nil {
		opt.Rules = rules.All()
	}
	res, err := Run(context.Background(), paths, opt)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// callRule reports every call, with a safe fix replacing it by text.
func callRule(id, text string) *analyzer.Rule {
	r := &analyzer.Rule{ID: id, Title: "test", Severity: analyzer.Medium, Fix: analyzer.Safe, Message: "call",
		Kinds: []analyzer.Kind{analyzer.KCall}}
	r.Check = func(p *analyzer.Pass, n *analyzer.Node) {
		p.Report(n, &analyzer.Fix{Applicability: analyzer.Safe, Description: "replace",
			Edits: []analyzer.Edit{{Start: n.Start, End: n.End, NewText: text}}})
	}
	return r
}
