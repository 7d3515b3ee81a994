// Package scan finds Python files, analyses them in parallel, optionally
// applies fixes, and returns a deterministic report.
package scan

import (
	"context"
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/pyguard/pyguard/analyzer"
	"github.com/pyguard/pyguard/internal/report"
)

// MaxFileSize is the largest file analysed; bigger ones are reported as
// errors without being read.
const MaxFileSize = 5 << 20

// Scope limits a scan to changed lines (scan --diff). Paths are as walked.
type Scope interface {
	// Has reports whether the change touches path at all; other files are
	// not analysed.
	Has(path string) bool
	// Contains reports whether line of path is an added line.
	Contains(path string, line int) bool
}

// Options configure a scan.
type Options struct {
	Rules []*analyzer.Rule
	// Exclude reports whether a file or directory, as walked, is skipped.
	Exclude func(path string) bool
	// Scope, when set, keeps only findings on changed lines.
	Scope Scope
	// Root is the project's root directory. Test-file status (test_*.py, a
	// "tests" directory) is judged on paths relative to it, so that the
	// directories above a project do not count; "" judges paths as given.
	Root string
	// Fix applies safe fixes in place; UnsafeFixes adds unsafe ones.
	Fix, UnsafeFixes bool
	// Workers defaults to the number of CPUs.
	Workers int
}

// Result is a scan's outcome.
type Result struct {
	FilesScanned int
	Findings     []report.Finding   // sorted by path, line, column, rule ID
	Errors       []report.FileError // sorted by path
	Notes        []report.FileNote  // files analysed only in part, sorted by path
	Missing      []string           // operands that do not exist
	FixesApplied int
	FilesFixed   int
}

// Run scans paths (files or directories; none means "."). It fails only
// when ctx is cancelled: problems with single files become Result.Errors.
func Run(ctx context.Context, paths []string, opt Options) (*Result, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	files, errs, missing := collect(paths, opt.Exclude)
	if opt.Scope != nil {
		kept := files[:0]
		for _, f := range files {
			if opt.Scope.Has(f) {
				kept = append(kept, f)
			}
		}
		files = kept
	}
	results, err := analyzeAll(ctx, files, opt)
	if err != nil {
		return nil, err
	}
	res := &Result{Errors: errs, Missing: missing}
	for _, r := range results {
		if r.scanned {
			res.FilesScanned++
		}
		res.Findings = append(res.Findings, r.findings...)
		res.Errors = append(res.Errors, r.errors...)
		res.Notes = append(res.Notes, r.notes...)
		res.FixesApplied += r.fixes
		if r.fixes > 0 {
			res.FilesFixed++
		}
	}
	sortFindings(res.Findings)
	sort.SliceStable(res.Errors, func(i, j int) bool { return res.Errors[i].Path < res.Errors[j].Path })
	return res, nil
}

// analyzeAll runs a worker per CPU; results keep the files' order.
func analyzeAll(ctx context.Context, files []string, opt Options) ([]fileResult, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	a := &analysis{engine: analyzer.NewEngine(opt.Rules), opt: opt, memory: newBudget(maxBytesInFlight)}
	results := make([]fileResult, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = a.file(ctx, files[i])
			}
		}()
	}
feed:
	for i := range files {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return results, nil
}

func sortFindings(fs []report.Finding) {
	slices.SortStableFunc(fs, func(a, b report.Finding) int {
		return analyzer.ComparePositions(a.Path, a.Line, a.Column, a.RuleID, b.Path, b.Line, b.Column, b.RuleID)
	})
}
