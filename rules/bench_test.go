package rules

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pyguard/pyguard/analyzer"
)

// benchFiles are representative inputs: the shipped examples and fixtures.
func benchFiles(b *testing.B) map[string][]byte {
	files := map[string][]byte{}
	for _, pattern := range []string{"../examples/*/*.py", "testdata/*/fires.py"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			files[p] = src
		}
	}
	if len(files) == 0 {
		b.Fatal("no benchmark inputs")
	}
	return files
}

// startBench sets throughput and allocation reporting for files.
func startBench(b *testing.B, files map[string][]byte) {
	var size int64
	for _, src := range files {
		size += int64(len(src))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
}

func BenchmarkParse(b *testing.B) {
	files := benchFiles(b)
	startBench(b, files)
	for i := 0; i < b.N; i++ {
		for _, src := range files {
			if _, err := analyzer.Parse(context.Background(), src); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(files)), "µs/file")
}

func BenchmarkParseAnalyze(b *testing.B) {
	files := benchFiles(b)
	engine := analyzer.NewEngine(All())
	startBench(b, files)
	for i := 0; i < b.N; i++ {
		for p, src := range files {
			f, err := analyzer.NewFile(context.Background(), p, src)
			if err != nil {
				b.Fatal(err)
			}
			engine.Run(f)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(files)), "µs/file")
}

// TestCorpusStats measures parse and analysis cost per file on a real
// corpus (../shared/corpus/fetch.sh DIR; PYGUARD_CORPUS=DIR/src) and prints
// the numbers recorded in docs/performance.md. Skipped without a corpus.
func TestCorpusStats(t *testing.T) {
	root := os.Getenv("PYGUARD_CORPUS")
	if root == "" {
		t.Skip("set PYGUARD_CORPUS to a corpus directory")
	}
	engine := analyzer.NewEngine(All())
	var parse, analyse, total []time.Duration
	var bytes int64
	counts := map[string]int{}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".py") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil || len(src) > 5<<20 {
			return nil
		}
		bytes += int64(len(src))
		t0 := time.Now()
		tree, err := analyzer.Parse(context.Background(), src)
		t1 := time.Now()
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		findings, _ := engine.Run(analyzer.NewFileFromTree(rel, tree))
		t2 := time.Now()
		for _, fd := range findings {
			counts[fd.Rule.ID]++
		}
		parse = append(parse, t1.Sub(t0))
		analyse = append(analyse, t2.Sub(t1))
		total = append(total, t2.Sub(t0))
		return nil
	})
	sum := func(ds []time.Duration) (s time.Duration) {
		for _, d := range ds {
			s += d
		}
		return
	}
	pct := func(ds []time.Duration, q float64) time.Duration {
		c := append([]time.Duration(nil), ds...)
		sort.Slice(c, func(i, j int) bool { return c[i] < c[j] })
		return c[int(q*float64(len(c)-1))]
	}
	all := sum(total)
	fmt.Printf("files %d, %.1f MB, single core: %.0f files/s, %.1f MB/s\n", len(total), float64(bytes)/1e6,
		float64(len(total))/all.Seconds(), float64(bytes)/1e6/all.Seconds())
	fmt.Printf("per file: median %v, p99 %v (parse median %v, analysis median %v)\n",
		pct(total, 0.5), pct(total, 0.99), pct(parse, 0.5), pct(analyse, 0.5))
	fmt.Printf("time share: parse %.0f%%, analysis %.0f%%\n", 100*sum(parse).Seconds()/all.Seconds(), 100*sum(analyse).Seconds()/all.Seconds())
	fmt.Printf("findings by rule: %v\n", counts)
}

// TestCorpusSliceRatio measures, side by side in one run, tree-sitter
// parsing alone against parsing plus every registered rule on the corpus
// slice of every 10th .py file in sorted path order (PYGUARD_CORPUS=DIR).
// The budget is 1.5x parse alone; the best of three rounds is reported.
func TestCorpusSliceRatio(t *testing.T) {
	root := os.Getenv("PYGUARD_CORPUS")
	if root == "" {
		t.Skip("set PYGUARD_CORPUS to a corpus directory")
	}
	var paths []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
			paths = append(paths, p)
		}
		return nil
	})
	sort.Strings(paths)
	var srcs [][]byte
	for i := 0; i < len(paths); i += 10 {
		if src, err := os.ReadFile(paths[i]); err == nil && len(src) <= 5<<20 {
			srcs = append(srcs, src)
		}
	}
	engine := analyzer.NewEngine(All())
	best := 0.0
	var bestParse, bestScan time.Duration
	for round := 0; round < 3; round++ {
		var parse, scan time.Duration
		for i, src := range srcs {
			t0 := time.Now()
			if _, err := analyzer.Parse(context.Background(), src); err != nil {
				continue
			}
			t1 := time.Now()
			tree, err := analyzer.Parse(context.Background(), src)
			if err != nil {
				continue
			}
			engine.Run(analyzer.NewFileFromTree(fmt.Sprint(i, ".py"), tree))
			t2 := time.Now()
			parse += t1.Sub(t0)
			scan += t2.Sub(t1)
		}
		if r := scan.Seconds() / parse.Seconds(); best == 0 || r < best {
			best, bestParse, bestScan = r, parse, scan
		}
	}
	fmt.Printf("slice: %d files; parse alone %v, parse+rules %v (%d rules): ratio %.2f\n",
		len(srcs), bestParse.Round(time.Millisecond), bestScan.Round(time.Millisecond), len(All()), best)
	if best > 1.5 {
		t.Errorf("scan costs %.2fx parse alone, budget 1.5x", best)
	}
}
