package review

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/sync/semaphore"

	"github.com/pyguard/pyguard/analyzer"
	"github.com/pyguard/pyguard/internal/pysource"
	"github.com/pyguard/pyguard/internal/report"
)

// analysisMemory bounds the memory that the analyses of every review in
// the process hold at once. Parsing takes memory per syntax node, not per
// byte (a 4 MB file of "x=1" lines needs 900 MB), so each file's share is
// estimated from its tokens before it is parsed, and a file whose analysis
// alone would need more than the bound is not analysed. With the rest of
// the server this keeps a review under 512 MiB whatever a pull request
// holds; ordinary files (under about 2 MB of code) all fit.
const analysisMemory = 384 << 20

// The estimate of an analysis's memory: measured peaks are 170 to 470
// bytes per estimated token (tree-sitter's tree, the flat node array and
// the engine's facts) over code of many shapes, plus the copies of the
// source a review holds.
const (
	bytesPerToken      = 512
	bytesPerSourceByte = 8
)

// largeAnalysis is the estimate from which an analysis runs on the
// large-analysis thread and collects its garbage when it is done (about
// 60,000 tokens, 200 KB of code).
const largeAnalysis = 32 << 20

// memory is the process's analysis memory: reviews run concurrently, and
// RSS is the process's.
var memory = semaphore.NewWeighted(analysisMemory)

// analysisCost estimates the memory analysing src takes, and says why a
// file is not analysed when that is more than the analysis memory.
func analysisCost(src []byte) (cost int64, tooBig string) {
	tokens := pysource.Tokens(src)
	cost = int64(tokens)*bytesPerToken + int64(len(src))*bytesPerSourceByte
	if cost > analysisMemory {
		tooBig = fmt.Sprintf("too big to analyse in a review: an estimated %s tokens, and a review's memory bound (%d MiB) allows about %s",
			approx(tokens), analysisMemory>>20, approx(analysisMemory/bytesPerToken))
	}
	return cost, tooBig
}

func approx(n int) string {
	if n >= 100_000 {
		return fmt.Sprintf("%.1f million", float64(n)/1e6)
	}
	return fmt.Sprint(n)
}

// blobCost estimates the memory fetching a blob of size bytes takes: the
// bytes read and the response's buffers (unknown size: the largest file
// analysed, which is as much as is read).
func blobCost(size int) int64 {
	if size < 0 || size > maxFileSize {
		size = maxFileSize
	}
	return 2 * int64(size)
}

// reserveMemory waits until n bytes of the analysis memory are free and
// takes them; release gives them back. More than the whole takes the
// whole, so a request can wait but never block for ever.
func reserveMemory(ctx context.Context, n int64) (release func(), err error) {
	n = min(n, analysisMemory)
	if err := memory.Acquire(ctx, n); err != nil {
		return nil, err
	}
	return func() { memory.Release(n) }, nil
}

// analyseFetched analyses a fetched file, holding cost bytes of the
// analysis memory and one of the cpu slots.
func analyseFetched(ctx context.Context, engine *analyzer.Engine, cpu chan struct{}, path string, f fetched, cost int64) (a analysis, err error) {
	release, err := reserveMemory(ctx, cost)
	if err != nil {
		return analysis{}, err
	}
	defer release()
	select {
	case cpu <- struct{}{}:
	case <-ctx.Done():
		return analysis{}, ctx.Err()
	}
	defer func() { <-cpu }()
	analyse := func() { a, err = analyseSource(ctx, engine, path, f.src) }
	if cost < largeAnalysis {
		analyse()
	} else {
		if err := largeAnalyses.run(ctx, analyse); err != nil {
			return analysis{}, err
		}
		// Collect this analysis's garbage before its share of the memory
		// goes to another: the Go heap would otherwise hold both.
		runtime.GC()
	}
	if len(a.findings) > 0 {
		a.findings[0].src.encoding = f.encoding // one source for all of them
	}
	return a, err
}

// largeAnalyses runs the large analyses of the process one after another
// on one OS thread. Tree-sitter allocates with C's malloc, and glibc
// gives each thread an arena of its own and keeps what is freed in it for
// that arena's next allocations: large parses spread over threads each
// leave their peak in another arena (RSS grew by 160 MB with every 1 MB
// file analysed), while on one thread each reuses the memory of the last.
var largeAnalyses lockedThread

// lockedThread runs functions on one OS thread, started on first use.
type lockedThread struct {
	once sync.Once
	work chan func()
}

// run runs f on the thread and waits for it; it gives up, without running
// f, when ctx ends first.
func (l *lockedThread) run(ctx context.Context, f func()) error {
	l.once.Do(func() {
		l.work = make(chan func())
		go func() {
			runtime.LockOSThread() // for good: the thread is this goroutine's
			for f := range l.work {
				f()
			}
		}()
	})
	done := make(chan struct{})
	select {
	case l.work <- func() { defer close(done); f() }:
	case <-ctx.Done():
		return ctx.Err()
	}
	<-done
	return nil
}

// analysis is one file's analysis.
type analysis struct {
	findings []*finding // every finding in the file, sorted by position
	// errs are rules that failed on the file; its other findings stand.
	errs []string
	// partial says the file was analysed only in part (a syntax error, a
	// notebook magic line, Python 2 syntax), or is "".
	partial string
}

// analyseSource analyses src as path with the engine; it never executes
// the code. A panic becomes an error so one hostile file cannot end the
// review.
func analyseSource(ctx context.Context, engine *analyzer.Engine, path string, src []byte) (res analysis, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: %v", p)
		}
	}()
	f, err := analyzer.NewFile(ctx, path, src)
	if err != nil {
		return analysis{}, err
	}
	if n, ok := report.PartialParseNote(path, f.Tree); ok {
		res.partial = n.Message
	}
	fds, ruleErrs := engine.Run(f)
	seen := map[string]bool{}
	for _, e := range ruleErrs {
		msg, _, _ := strings.Cut(e.Error(), "\n")
		if !seen[msg] {
			seen[msg] = true
			res.errs = append(res.errs, msg)
		}
	}
	if len(fds) == 0 {
		return res, nil
	}
	s := newSource(path, f.Tree.Src)
	rs := report.NewSource(f.Tree.Src)
	rfs := make([]report.Finding, len(fds))
	for i, fd := range fds {
		rfs[i] = report.NewFinding(fd, f.Tree, rs)
	}
	fps := report.Fingerprints(rfs)
	for i, fd := range fds {
		res.findings = append(res.findings, &finding{
			rule: fd.Rule, path: path,
			line: fd.Line, col: fd.Col, endLine: fd.EndLine, endCol: fd.EndCol,
			message: fd.Message, fix: fd.Fix, fingerprint: fps[i], src: s,
		})
	}
	return res, nil
}
