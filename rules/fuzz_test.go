package rules

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/pyguard/pyguard/analyzer"
)

// FuzzAnalyze: no input makes parsing, analysis or fixing panic, and
// applying fixes never corrupts a file that parsed cleanly. Seeds are the
// rule fixtures; `go test -fuzz FuzzAnalyze ./rules` explores further.
func FuzzAnalyze(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*.py")
	for _, s := range seeds {
		src, err := os.ReadFile(s)
		if err == nil {
			f.Add(src)
		}
	}
	engine := analyzer.NewEngine(All())
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := analyzer.NewFile(context.Background(), "fuzz.py", src)
		if err != nil {
			return
		}
		findings, errs := engine.Run(file)
		for _, e := range errs {
			t.Fatalf("rule error: %v", e)
		}
		fixed, n := analyzer.ApplyFixes(src, findings, true)
		if n == 0 || file.Tree.HasSyntaxErrors() {
			return
		}
		again, err := analyzer.NewFile(context.Background(), "fuzz.py", fixed)
		if err != nil || again.Tree.HasSyntaxErrors() {
			t.Fatalf("fixes broke a clean file:\n%s\n---\n%s", src, fixed)
		}
	})
}
