package review

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/google/go-github/v62/github"

	"github.com/pyguard/pyguard/analyzer"
	"github.com/pyguard/pyguard/internal/config"
	"github.com/pyguard/pyguard/rules"
)

// result is everything a review learnt, for the comments, the check run
// and its summary.
type result struct {
	cfg      *config.Config
	baseRef  string
	files    *fileList
	python   int      // changed Python files (not removed)
	excluded []string // excluded by paths.exclude
	analysed int
	// skipped are the files not analysed, or not fully, or whose findings
	// cannot be placed: the check does not pass on them unless
	// `skipped_files: warn`. notes are files analysed without inline
	// comments, or not Python source at all.
	skipped, notes []skipped
	ruleErrs       []string

	all  []*finding // every finding in the analysed files
	kept []*finding // on added lines: annotations and the gate
	// noDiff counts findings in modified files without a patch: not
	// diff-scoped, so neither kept nor commented.
	noDiff int

	posted, present, overflow, refused []*finding
	// dismissed are kept findings a person dismissed by a reply command;
	// they are not in kept.
	dismissed []dismissal
	// oneClick counts the posted comments that carry a one-click fix.
	oneClick             int
	postErr              error
	deleted, repliedKept int
}

// fileResult is one target file's outcome.
type fileResult struct {
	skip      string
	notSource bool // skip is a note: the path is not Python source
	a         analysis
	err       error
}

func (j *job) review(ctx context.Context, pr *github.PullRequest) error {
	res := &result{baseRef: pr.GetBase().GetRef()}

	// The check run, the configuration (from the base) and the file list,
	// concurrently.
	var (
		wg                                sync.WaitGroup
		invalid, cfgErr, lstErr, startErr error
	)
	wg.Add(3)
	go func() {
		defer wg.Done()
		defer recoverInto(&startErr)
		startErr = j.startCheck(ctx)
	}()
	go func() {
		defer wg.Done()
		defer recoverInto(&cfgErr)
		res.cfg, invalid, cfgErr = j.loadConfig(ctx)
	}()
	go func() {
		defer wg.Done()
		defer recoverInto(&lstErr)
		res.files, lstErr = j.listFiles(ctx, pr.GetChangedFiles())
	}()
	wg.Wait()
	if startErr != nil {
		return startErr
	}
	j.r.hook("started")
	if cfgErr != nil {
		return cfgErr
	}
	if invalid != nil {
		j.log.Warn().Str("config_error", invalid.Error()).Msg("invalid .pyguard.yml on the base branch")
		return j.complete(ctx, outcome{conclusion: "failure", title: "Invalid .pyguard.yml",
			summary: invalidConfigSummary(invalid, res.baseRef, j.baseSHA)})
	}
	if lstErr != nil {
		return lstErr
	}
	cfg := res.cfg
	j.r.hook("listed")

	// The changed Python files to analyse.
	var targets []prFile
	for _, f := range res.files.files {
		if !reviewable(f) {
			continue
		}
		res.python++
		if cfg.Excluded(f.path) {
			res.excluded = append(res.excluded, f.path)
			continue
		}
		if !f.hasPatch {
			f.patchNote = "GitHub sent no diff for it (too large)"
		}
		targets = append(targets, f)
	}

	// Existing review comments, while the files are fetched.
	var (
		ex    *existing
		exErr error
		exWG  sync.WaitGroup
	)
	exWG.Add(1)
	go func() {
		defer exWG.Done()
		defer recoverInto(&exErr)
		ex, exErr = j.listExisting(ctx)
	}()

	results := make([]fileResult, len(targets))
	if len(targets) > 0 {
		engine := analyzer.NewEngine(rules.Select(j.r.rules(), cfg.Select, cfg.Ignore))
		cpu := make(chan struct{}, runtime.NumCPU())
		err := j.fetchAll(ctx, targets, j.r.fetchConcurrency(), func(i int, f fetched) {
			cost, tooBig := analysisCost(f.src)
			switch {
			case f.reason != "":
				results[i].skip, results[i].notSource = f.reason, f.notSource
			case tooBig != "":
				results[i].skip = tooBig
			default:
				results[i].a, results[i].err = analyseFetched(ctx, engine, cpu, targets[i].path, f, cost)
			}
		})
		if err != nil {
			exWG.Wait()
			return err
		}
	}
	exWG.Wait()
	if exErr != nil {
		return exErr
	}
	j.r.hook("analysed")

	unknown := map[string]bool{} // paths whose findings we do not know
	failSev, gated := gate(cfg)
	for i, f := range targets {
		r := results[i]
		switch {
		case r.skip != "" && r.notSource:
			res.notes = append(res.notes, skipped{f.path, r.skip})
			continue
		case r.skip != "":
			res.skipped = append(res.skipped, skipped{f.path, r.skip})
			unknown[f.path] = true
			continue
		case r.err != nil:
			res.skipped = append(res.skipped, skipped{f.path, "could not be analysed: " + r.err.Error()})
			unknown[f.path] = true
			continue
		}
		res.analysed++
		if r.a.partial != "" {
			res.skipped = append(res.skipped, skipped{f.path, r.a.partial})
		}
		if n := len(r.a.errs); n > 0 {
			res.skipped = append(res.skipped, skipped{f.path, fmt.Sprintf("analysed only in part: %d %s failed on it (see the rule errors below)", n, plural(n, "rule", "rules"))})
		}
		for _, e := range r.a.errs {
			res.ruleErrs = append(res.ruleErrs, f.path+": "+e)
		}
		if len(r.a.findings) > 0 && f.hasPatch {
			// Only a file with findings needs its patch, whose line map
			// is as large as the patch: parsed now, not for every file.
			if d, err := parseFileDiff(f.patch); err != nil {
				j.log.Warn().Str("path", f.path).Err(err).Msg("unparsable patch; the file gets no inline comments")
				f.patchNote = "GitHub's diff of it could not be read"
			} else {
				f.diff = d
			}
			targets[i] = f
		}
		unplaced := 0 // findings that could fail the gate, on unknown lines
		for _, fd := range r.a.findings {
			res.all = append(res.all, fd)
			switch {
			case f.diff != nil:
				fd.inDiff = f.diff.Added(fd.line)
			case f.status == "added":
				fd.inDiff = true // a new file: every line is added
			default:
				res.noDiff++
				if gated && fd.severity() >= failSev {
					unplaced++
				}
			}
			if fd.inDiff {
				res.kept = append(res.kept, fd)
			}
		}
		switch {
		case f.patchNote == "":
		case f.status == "added":
			res.notes = append(res.notes, skipped{f.path, f.patchNote + "; analysed without inline comments"})
		case unplaced > 0:
			// They may be new: passing would pass them unseen.
			res.skipped = append(res.skipped, skipped{f.path, fmt.Sprintf("%s; analysed, but its findings cannot be placed on changed lines, and %d %s at or above `%s`",
				f.patchNote, unplaced, plural(unplaced, "is", "are"), cfg.FailOn)})
		default:
			res.notes = append(res.notes, skipped{f.path, f.patchNote + "; analysed, but its findings cannot be placed on changed lines"})
		}
	}
	sortBySeverity(res.kept)

	// Inline comments: new findings only, highest severity first.
	diffs := map[string]*fileDiff{}
	for _, f := range targets {
		if f.diff != nil {
			diffs[f.path] = f.diff
		}
	}
	var candidates []*finding
	for _, fd := range res.kept {
		switch {
		case diffs[fd.path] == nil:
			// No patch: GitHub cannot place comments on this file.
		case ex.markers[fd.key()]:
			res.present = append(res.present, fd)
		default:
			candidates = append(candidates, fd)
		}
	}
	if n := cfg.MaxComments; len(candidates) > n {
		res.overflow = candidates[n:]
		candidates = candidates[:n]
	}
	planned := keepEncoding(planComments(candidates, diffs, cfg.Suggestions, j.docsURL), diffs, cfg.Suggestions, j.docsURL)
	res.posted, res.refused, res.postErr = j.postComments(ctx, planned, len(res.kept))
	res.oneClick = countOneClick(planned, res.posted)
	if res.postErr != nil {
		j.log.Error().Err(res.postErr).Msg("posting review comments failed")
		if ctx.Err() != nil {
			return res.postErr
		}
	}

	// Comments whose finding is gone.
	produced := map[string]bool{}
	for _, fd := range res.all {
		produced[fd.key()] = true
	}
	listed := map[string]bool{}
	for _, f := range res.files.files {
		listed[f.path] = true
	}
	known := func(path string) bool {
		return !unknown[path] && (listed[path] || !res.files.capped)
	}
	res.deleted, res.repliedKept = j.deleteStale(ctx, ex, produced, known)

	if err := j.complete(ctx, j.outcome(res)); err != nil {
		return err
	}
	if res.postErr != nil {
		return fmt.Errorf("some review comments were not posted: %w", res.postErr)
	}
	return nil
}

// countOneClick counts the posted findings whose comment has a one-click fix.
func countOneClick(planned []plannedComment, posted []*finding) int {
	was := map[*finding]bool{}
	for _, f := range posted {
		was[f] = true
	}
	n := 0
	for _, c := range planned {
		if c.oneClick && was[c.f] {
			n++
		}
	}
	return n
}

// sortBySeverity orders findings by severity (highest first), then path,
// line, column and rule.
func sortBySeverity(fs []*finding) {
	slices.SortStableFunc(fs, func(x, y *finding) int {
		if c := cmp.Compare(y.severity(), x.severity()); c != 0 {
			return c
		}
		return comparePositions(x, y)
	})
}

// sortByPosition orders findings by path, line, column and rule.
func sortByPosition(fs []*finding) {
	slices.SortStableFunc(fs, comparePositions)
}

func comparePositions(x, y *finding) int {
	return analyzer.ComparePositions(x.path, x.line, x.col, x.rule.ID, y.path, y.line, y.col, y.rule.ID)
}

// recoverInto turns a panic in a helper goroutine into an error.
func recoverInto(err *error) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("internal error: %v", p)
	}
}

// gate returns the lowest severity that fails the check, or ok=false for
// fail_on: never.
func gate(cfg *config.Config) (analyzer.Severity, bool) {
	if cfg.FailOn == config.Never {
		return 0, false
	}
	s, err := analyzer.ParseSeverity(cfg.FailOn)
	if err != nil {
		return analyzer.High, true
	}
	return s, true
}
