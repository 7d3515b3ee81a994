package scan

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/pyguard/pyguard/analyzer"
	"github.com/pyguard/pyguard/internal/report"
)

// maxFixRounds bounds the fix loop: each round applies the fixes that do
// not conflict, then re-analyses, so conflicting fixes get their turn.
const maxFixRounds = 10

// fileResult is what one file contributes to the report.
type fileResult struct {
	scanned  bool
	findings []report.Finding
	errors   []report.FileError
	notes    []report.FileNote
	fixes    int
}

type analysis struct {
	engine *analyzer.Engine
	opt    Options
	memory *budget
}

// analysed is one version of a file with its findings in scope.
type analysed struct {
	file     *analyzer.File
	findings []*analyzer.Finding
	ruleErrs []error
}

// file analyses one file. A panic anywhere in the analysis becomes an
// error entry for this file instead of ending the scan.
func (a *analysis) file(ctx context.Context, path string) (res fileResult) {
	defer func() {
		if r := recover(); r != nil {
			res = fileResult{errors: []report.FileError{{Path: path, Message: fmt.Sprintf("internal error: %v", r)}}}
		}
	}()
	s, err := readSource(path)
	if err != nil {
		return failed(path, err)
	}
	defer a.memory.release(a.memory.acquire(int64(len(s.src))))
	cur, err := a.analyse(ctx, path, s.src)
	if err != nil {
		return failed(path, err)
	}
	if a.opt.Fix {
		cur, res = a.fix(ctx, path, s, cur)
	}
	res.scanned = true
	res.errors = append(res.errors, ruleErrors(path, cur.ruleErrs)...)
	if n, ok := report.PartialParseNote(path, cur.file.Tree); ok {
		res.notes = append(res.notes, n)
	}
	if len(cur.findings) > 0 {
		src := report.NewSource(cur.file.Tree.Src)
		for _, fd := range cur.findings {
			res.findings = append(res.findings, report.NewFinding(fd, cur.file.Tree, src))
		}
	}
	return res
}

func failed(path string, err error) fileResult {
	return fileResult{errors: []report.FileError{{Path: path, Message: describeError(err)}}}
}

// analyse parses src and runs the rules, keeping the findings in scope.
func (a *analysis) analyse(ctx context.Context, path string, src []byte) (analysed, error) {
	f, err := analyzer.NewFile(ctx, path, src)
	if err != nil {
		return analysed{}, err
	}
	if a.opt.Root != "" {
		f.IsTest = analyzer.IsTestPath(a.rootRelative(path))
	}
	fds, errs := a.engine.Run(f)
	if a.opt.Scope != nil {
		kept := fds[:0]
		for _, fd := range fds {
			if a.opt.Scope.Contains(path, fd.Line) {
				kept = append(kept, fd)
			}
		}
		fds = kept
	}
	return analysed{file: f, findings: fds, ruleErrs: errs}, nil
}

// rootRelative is path relative to Root when it lies inside it: the
// directories above a project must not make its files test files.
func (a *analysis) rootRelative(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if rel, err := filepath.Rel(a.opt.Root, abs); err == nil && filepath.IsLocal(rel) {
		return rel
	}
	return path
}

// fix applies fixes round by round until none is left, then writes the
// file once. A round whose result no longer parses (when the original
// did) is dropped and ends the loop. It returns the version of the file
// that is on disk afterwards.
func (a *analysis) fix(ctx context.Context, path string, s *source, orig analysed) (analysed, fileResult) {
	var res fileResult
	origHadErrors := orig.file.Tree.HasSyntaxErrors()
	cur := orig
	for range maxFixRounds {
		next, n := analyzer.ApplyFixes(cur.file.Tree.Src, cur.findings, a.opt.UnsafeFixes)
		if n == 0 {
			break
		}
		fixed, err := a.analyse(ctx, path, next)
		if err == nil && !origHadErrors && fixed.file.Tree.HasSyntaxErrors() {
			err = errors.New("the fixed file would not parse")
		}
		if err != nil {
			res.errors = append(res.errors, report.FileError{Path: path, Message: "some fixes were not applied: " + describeError(err)})
			break
		}
		cur, res.fixes = fixed, res.fixes+n
	}
	if res.fixes == 0 {
		return cur, res
	}
	cur = a.dropUnusedImports(ctx, path, orig, cur)
	// Written back in the file's own encoding (PEP 263), not as UTF-8.
	data, err := s.encode(cur.file.Tree.Src)
	if err == nil {
		err = writeAtomic(path, data, s.info)
	}
	if err != nil {
		res.errors = append(res.errors, report.FileError{Path: path, Message: "fixes not written: " + describeError(err)})
		res.fixes = 0
		return orig, res
	}
	return cur, res
}

// dropUnusedImports removes the imports the applied fixes left unused
// (the last read of the name was in code a fix replaced); cur is kept when
// the result would not parse.
func (a *analysis) dropUnusedImports(ctx context.Context, path string, orig, cur analysed) analysed {
	edits := analyzer.UnusedImportEdits(orig.file, cur.file)
	if len(edits) == 0 {
		return cur
	}
	src, err := analyzer.ApplyEdits(cur.file.Tree.Src, edits)
	if err != nil {
		return cur
	}
	next, err := a.analyse(ctx, path, src)
	if err != nil || next.file.Tree.HasSyntaxErrors() && !orig.file.Tree.HasSyntaxErrors() {
		return cur
	}
	return next
}

// ruleErrors reports rules that failed on the file, once per message and
// without the stack trace the engine attaches.
func ruleErrors(path string, errs []error) []report.FileError {
	var out []report.FileError
	seen := map[string]bool{}
	for _, err := range errs {
		msg, _, _ := strings.Cut(err.Error(), "\n")
		if !seen[msg] {
			seen[msg] = true
			out = append(out, report.FileError{Path: path, Message: msg})
		}
	}
	return out
}
