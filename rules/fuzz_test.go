package rules

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pyguard/pyguard/analyzer"
)

// Bounds FuzzAnalyze holds every input to: parsing, all rules and the
// fixes together, in wall time and in Go heap allocated (tree-sitter's own
// memory is bounded by analyzer.MaxNodes).
const (
	fuzzMaxTime         = 2 * time.Second
	fuzzMaxAllocBase    = 64 << 20
	fuzzMaxAllocPerByte = 4 << 10
)

// FuzzAnalyze: no input makes parsing, analysis or fixing panic or take
// more than fuzzMaxTime; findings and their edits stay inside the file;
// applying fixes never corrupts a file that parsed cleanly. Seeds are the
// rule fixtures, hostile shapes below and the committed corpus
// (testdata/fuzz/FuzzAnalyze); `go test -fuzz FuzzAnalyze ./rules` explores
// further.
func FuzzAnalyze(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*.py")
	for _, s := range seeds {
		src, err := os.ReadFile(s)
		if err == nil {
			f.Add(src)
		}
	}
	for _, src := range hostileSources() {
		f.Add(src)
	}
	engine := analyzer.NewEngine(All())
	f.Fuzz(func(t *testing.T, src []byte) {
		defer time.AfterFunc(fuzzMaxTime, func() {
			panic(fmt.Sprintf("one input took over %s (%d bytes): %q", fuzzMaxTime, len(src), truncate(src, 2000)))
		}).Stop()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)

		analyse(t, engine, src)

		runtime.ReadMemStats(&after)
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > fuzzMaxAllocBase+fuzzMaxAllocPerByte*uint64(len(src)) {
			t.Fatalf("%d bytes of input allocated %d MiB", len(src), alloc>>20)
		}
	})
}

// analyse parses src, runs every rule and applies the fixes, failing on a
// rule error, a finding or edit outside the file, or fixes that break a
// clean file.
func analyse(t *testing.T, engine *analyzer.Engine, src []byte) {
	file, err := analyzer.NewFile(context.Background(), "fuzz.py", src)
	if err != nil {
		return
	}
	findings, errs := engine.Run(file)
	for _, e := range errs {
		t.Fatalf("rule error: %v", e)
	}
	for _, fd := range findings {
		if fd.Start > fd.End || int(fd.End) > len(src) || fd.Line < 1 || fd.EndLine < fd.Line {
			t.Fatalf("%s finding at bytes %d-%d, lines %d-%d of a %d-byte file", fd.Rule.ID, fd.Start, fd.End, fd.Line, fd.EndLine, len(src))
		}
		if fd.Fix == nil {
			continue
		}
		for _, edits := range [][]analyzer.Edit{fd.Fix.Edits, fd.Fix.Local} {
			if _, err := analyzer.ApplyEdits(src, edits); err != nil {
				t.Fatalf("%s fix on line %d: %v", fd.Rule.ID, fd.Line, err)
			}
		}
	}
	fixed, n := analyzer.ApplyFixes(src, findings, true)
	if n == 0 || file.Tree.HasSyntaxErrors() {
		return
	}
	again, err := analyzer.NewFile(context.Background(), "fuzz.py", fixed)
	if err != nil || again.Tree.HasSyntaxErrors() {
		t.Fatalf("fixes broke a clean file:\n%s\n---\n%s", src, fixed)
	}
}

// hostileSources are the shapes of hostile file content the review must
// survive: deep nesting, long lines, NUL bytes, invalid UTF-8, a BOM, CRLF
// and lone CR endings, an unterminated string.
func hostileSources() [][]byte {
	var nestedIf strings.Builder
	for i := range 100 {
		fmt.Fprintf(&nestedIf, "%sif x%d:\n", strings.Repeat(" ", i), i)
	}
	nestedIf.WriteString(strings.Repeat(" ", 100) + "eval(request.args['q'])\n")
	return [][]byte{
		[]byte(strings.Repeat("(", 5000) + strings.Repeat(")", 5000)),
		[]byte("x = " + strings.Repeat("[", 3000) + strings.Repeat("]", 3000) + "\n"),
		[]byte("x = " + strings.Repeat("f(", 2000) + strings.Repeat(")", 2000) + "\n"),
		[]byte(nestedIf.String()),
		[]byte("import pickle\nx = '" + strings.Repeat("A", 200_000) + "'\npickle.loads(x)\n"),
		[]byte("import os\x00\nos.system(input())\x00\n"),
		[]byte("import torch\nm = torch.load('\xff\xfe\xc3\x28.pt')\n# \xe2\x82\n"),
		[]byte("\xef\xbb\xbfimport yaml\r\nyaml.load(open('c.yml'))\r\n"),
		[]byte("import os\ros.system(input())\r"),
		[]byte("# -*- coding: latin-1 -*-\nimport pickle\ns = '\xe9t\xe9'\npickle.loads(s)\n"),
		[]byte("x = '''unterminated\nimport pickle\npickle.loads(x)\n"),
		[]byte("def f(:\n\tif\n  return )]}\n" + strings.Repeat("\t", 500) + "pass\n"),
		[]byte(strings.Repeat("lambda: ", 2000) + "0\n"),
		[]byte(strings.Repeat("a.", 10_000) + "b\n"),
		[]byte(strings.Repeat("x = 1 + ", 3000) + "1\n"),
	}
}

func truncate(b []byte, n int) []byte {
	if len(b) <= n {
		return b
	}
	return append(bytes.Clone(b[:n]), "…"...)
}
