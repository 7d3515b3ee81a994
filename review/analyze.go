package review

import (
	"context"
	"fmt"
	"strings"

	"github.com/pyguard/pyguard/analyzer"
	"github.com/pyguard/pyguard/internal/report"
)

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
