package review

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/google/go-github/v62/github"

	"github.com/pyguard/pyguard/analyzer"
	"github.com/pyguard/pyguard/internal/config"
)

const (
	// maxSummary keeps the check run's summary under GitHub's 65,535
	// character limit (counted in bytes here, which is stricter).
	maxSummary = 65000
	// maxTableRows caps the findings table; every finding still has an
	// annotation.
	maxTableRows = 100
	// maxAnnotations caps annotations per check run (20 requests of 50);
	// the summary says when findings go beyond it.
	maxAnnotations = 1000
)

var severities = []analyzer.Severity{analyzer.Critical, analyzer.High, analyzer.Medium, analyzer.Low}

// outcome turns a review's result into the check run's completion. The
// check fails on findings at or above fail_on, and on changed Python files
// PyGuard could not analyse (or not fully) unless `skipped_files: warn`:
// a file that was not analysed may hold anything.
func (j *job) outcome(res *result) outcome {
	o := outcome{}
	blocked := unanalysed(res) && res.cfg.SkippedFiles != config.SkippedWarn
	switch {
	case res.python == 0 && res.files.capped:
		o.conclusion, o.title = "neutral", "No Python changes in the files GitHub listed"
		o.summary = "GitHub listed no changed Python (`.py`) files for this pull request, but " + capNote(res.files) + "\n\n" + skippedResult(res, blocked) + staleLine(res)
		if blocked {
			o.conclusion = "failure"
		}
		return o
	case res.python == 0:
		o.conclusion, o.title = "neutral", "No Python changes"
		o.summary = "This pull request changes no Python (`.py`) files, so PyGuard had nothing to review." + staleLine(res)
		return o
	case len(res.excluded) == res.python:
		o.conclusion, o.title = "neutral", "All changed Python files are excluded"
		o.summary = fmt.Sprintf("The %s changed in this pull request %s excluded by `paths.exclude` in `.pyguard.yml` on the base branch, so PyGuard had nothing to review.",
			plural(res.python, "Python file", "Python files"), plural(res.python, "is", "are")) + "\n\n" + fileLines(res) + staleLine(res)
		if res.files.capped {
			o.title = "All listed Python files are excluded"
			o.summary += "\n" + skippedResult(res, blocked)
			if blocked {
				o.conclusion = "failure"
			}
		}
		return o
	}
	failSev, gated := gate(res.cfg)
	failing := 0
	counts := map[analyzer.Severity]int{}
	for _, f := range res.kept {
		counts[f.severity()]++
		if gated && f.severity() >= failSev {
			failing++
		}
	}
	o.conclusion = "success"
	if failing > 0 || blocked {
		o.conclusion = "failure"
	}
	o.title = title(res.kept, counts)
	if unanalysed(res) {
		if len(res.kept) == 0 {
			o.title = notAnalysedTitle(res)
		} else {
			o.title += "; " + notAnalysedTitle(res)
		}
	}
	o.summary = summary(res, counts, failing, j.docsURL, j.headSHA)
	o.annotations = annotations(res.kept)
	return o
}

// unanalysed reports whether some changed Python file was not analysed,
// or not fully: skipped, or past GitHub's listing cap.
func unanalysed(res *result) bool {
	return len(res.skipped) > 0 || res.files != nil && res.files.capped
}

// skippedPaths counts the distinct files in res.skipped.
func skippedPaths(res *result) int {
	seen := map[string]bool{}
	for _, s := range res.skipped {
		seen[s.path] = true
	}
	return len(seen)
}

func notAnalysedTitle(res *result) string {
	var parts []string
	if n := skippedPaths(res); n > 0 {
		parts = append(parts, fmt.Sprintf("%d %s not analysed", n, plural(n, "file", "files")))
	}
	if res.files != nil && res.files.capped {
		parts = append(parts, "files past GitHub's listing cap not reviewed")
	}
	return strings.Join(parts, "; ")
}

// notAnalysedText says what was not analysed, as a clause.
func notAnalysedText(res *result) string {
	var parts []string
	if n := skippedPaths(res); n > 0 {
		parts = append(parts, fmt.Sprintf("%d changed Python %s not analysed, or only in part", n, plural(n, "file was", "files were")))
	}
	if res.files != nil && res.files.capped {
		parts = append(parts, "the files past GitHub's 3,000-file listing cap were not reviewed")
	}
	return strings.Join(parts, ", and ")
}

// skippedResult explains what the files that were not analysed do to the
// check ("" when there are none).
func skippedResult(res *result, blocked bool) string {
	switch {
	case !unanalysed(res):
		return ""
	case blocked:
		return "**Result:** failing — " + notAnalysedText(res) + ".\n\n" + skippedWhy
	}
	return "**Not analysed:** " + notAnalysedText(res) + "; `skipped_files: warn` in `.pyguard.yml` lets the check pass on them.\n"
}

const skippedWhy = "A file PyGuard did not analyse may hold anything, so it fails the check (`skipped_files: fail`, the default). " +
	"`skipped_files: warn` in `.pyguard.yml` on the base branch lets the check pass on such files; they are listed either way.\n"

func title(kept []*finding, counts map[analyzer.Severity]int) string {
	if len(kept) == 0 {
		return "No findings on the changed lines"
	}
	var parts []string
	for _, s := range severities {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	return fmt.Sprintf("%d %s (%s)", len(kept), plural(len(kept), "finding", "findings"), strings.Join(parts, ", "))
}

// summary renders the check run's Markdown summary; the findings table
// shrinks until it fits GitHub's limit.
func summary(res *result, counts map[analyzer.Severity]int, failing int, docsURL, head string) string {
	rows := min(len(res.kept), maxTableRows)
	for {
		s := renderSummary(res, counts, failing, docsURL, head, rows)
		if len(s) <= maxSummary || rows == 0 {
			return truncate(s, maxSummary)
		}
		rows /= 2
	}
}

func renderSummary(res *result, counts map[analyzer.Severity]int, failing int, docsURL, head string, rows int) string {
	var b strings.Builder
	cfg := res.cfg
	fmt.Fprintf(&b, "PyGuard reviewed the changed Python files of this pull request at `%s`, keeping findings on added lines. ", short(head))
	b.WriteString("Configuration: `.pyguard.yml` from the base branch")
	if res.baseRef != "" {
		fmt.Fprintf(&b, " (`%s`)", res.baseRef)
	}
	fmt.Fprintf(&b, "; `fail_on: %s`, `skipped_files: %s`.\n\n", cfg.FailOn, cfg.SkippedFiles)

	b.WriteString("| Severity | Findings |\n| --- | ---: |\n")
	for _, s := range severities {
		fmt.Fprintf(&b, "| %s %s | %d |\n", severityIcon[s], s, counts[s])
	}
	b.WriteString("\n")
	blocked := unanalysed(res) && cfg.SkippedFiles != config.SkippedWarn
	switch {
	case failing > 0:
		fmt.Fprintf(&b, "**Result:** failing — %d %s at or above `%s`.\n", failing, plural(failing, "finding", "findings"), cfg.FailOn)
		if blocked {
			b.WriteString("\n**Also failing:** " + notAnalysedText(res) + ".\n\n" + skippedWhy)
		}
	case blocked:
		b.WriteString(skippedResult(res, true))
	case cfg.FailOn == config.Never:
		b.WriteString("**Result:** passing — `fail_on: never`.\n")
	default:
		fmt.Fprintf(&b, "**Result:** passing — no finding at or above `%s`.\n", cfg.FailOn)
	}
	if unanalysed(res) && !blocked {
		b.WriteString("\n" + skippedResult(res, false))
	}

	if len(res.kept) > 0 {
		b.WriteString("\n### Findings\n\n| Rule | Severity | Location | Message |\n| --- | --- | --- | --- |\n")
		for _, f := range res.kept[:rows] {
			fmt.Fprintf(&b, "| [%s](%s) | %s | %s | %s |\n", f.rule.ID, ruleDocURL(docsURL, f.rule.ID), f.severity(),
				code(cell(f.path)+":"+strconv.Itoa(f.line)), cell(clip(f.message, 200)))
		}
		if rows < len(res.kept) {
			fmt.Fprintf(&b, "\n_The table shows the first %d of %d findings (highest severity first)", rows, len(res.kept))
			if len(res.kept) <= maxAnnotations {
				b.WriteString("; every finding is an annotation of this check run._\n")
			} else {
				fmt.Fprintf(&b, "; the first %d are annotations of this check run._\n", maxAnnotations)
			}
		} else if len(res.kept) > maxAnnotations {
			fmt.Fprintf(&b, "\n_The first %d findings are annotations of this check run._\n", maxAnnotations)
		}
	}

	b.WriteString("\n### Inline comments\n\n")
	fmt.Fprintf(&b, "- %d posted with this push", len(res.posted))
	if len(res.posted) > 0 {
		fmt.Fprintf(&b, ", %d with a one-click fix", res.oneClick)
	}
	b.WriteString("\n")
	if n := len(res.present); n > 0 {
		fmt.Fprintf(&b, "- %d already on the pull request from an earlier run (not repeated)\n", n)
	}
	if n := len(res.overflow); n > 0 {
		fmt.Fprintf(&b, "- %d not posted: over the limit of %d new comments per push (`max_comments`); they are in the table and the annotations\n", n, cfg.MaxComments)
	}
	if n := len(res.refused); n > 0 {
		fmt.Fprintf(&b, "- %d not posted: GitHub refused %s (%s); %s in the annotations\n", n, plural(n, "it", "them"), locations(res.refused), plural(n, "it is", "they are"))
	}
	if res.postErr != nil {
		fmt.Fprintf(&b, "- ⚠️ posting stopped early: %s\n", cell(clip(res.postErr.Error(), 300)))
	}
	if n := noPatchKept(res); n > 0 {
		fmt.Fprintf(&b, "- %d in files GitHub sent no diff for, so they cannot be inline comments; they are in the annotations\n", n)
	}
	b.WriteString(staleLine(res))

	b.WriteString("\n### Files\n\n")
	b.WriteString(fileLines(res))
	if res.noDiff > 0 {
		fmt.Fprintf(&b, "- %d %s in modified files without a diff from GitHub are not counted: PyGuard cannot tell whether they are on changed lines\n",
			res.noDiff, plural(res.noDiff, "finding", "findings"))
	}
	if len(res.ruleErrs) > 0 {
		b.WriteString("\n<details><summary>Rule errors (the other findings of these files stand)</summary>\n\n")
		for _, e := range res.ruleErrs[:min(len(res.ruleErrs), 20)] {
			fmt.Fprintf(&b, "- %s\n", cell(clip(e, 300)))
		}
		b.WriteString("\n</details>\n")
	}
	return b.String()
}

// fileLines lists what happened to the changed Python files: those not
// analysed (or not fully) first, then notes, then the excluded.
func fileLines(res *result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "- %d of %d changed Python %s analysed\n", res.analysed, res.python, plural(res.python, "file", "files"))
	const maxListed = 50
	n := 0
	for _, s := range res.skipped {
		if n++; n <= maxListed {
			fmt.Fprintf(&b, "- %s — %s\n", code(cell(s.path)), cell(s.reason))
		}
	}
	for _, s := range res.notes {
		if n++; n <= maxListed {
			fmt.Fprintf(&b, "- %s — %s\n", code(cell(s.path)), cell(s.reason))
		}
	}
	for _, p := range res.excluded {
		if n++; n <= maxListed {
			fmt.Fprintf(&b, "- %s — excluded by `paths.exclude`\n", code(cell(p)))
		}
	}
	if n > maxListed {
		fmt.Fprintf(&b, "- … and %d more\n", n-maxListed)
	}
	if res.files != nil && res.files.capped {
		b.WriteString("- ⚠️ " + capNote(res.files) + "\n")
	}
	return b.String()
}

func capNote(fl *fileList) string {
	s := "GitHub lists at most 3,000 files of a pull request"
	if fl.changedFiles > len(fl.files) {
		s += fmt.Sprintf(" and this one changes %d", fl.changedFiles)
	} else {
		s += " and this one reached that cap"
	}
	return s + ": files past the cap were not reviewed."
}

func staleLine(res *result) string {
	var b strings.Builder
	if res.deleted > 0 {
		fmt.Fprintf(&b, "- %d earlier %s deleted: the findings are gone\n", res.deleted, plural(res.deleted, "comment", "comments"))
	}
	if res.repliedKept > 0 {
		fmt.Fprintf(&b, "- %d earlier %s kept although the findings are gone, because someone replied\n", res.repliedKept, plural(res.repliedKept, "comment", "comments"))
	}
	if b.Len() > 0 && res.python == 0 {
		return "\n\n" + b.String()
	}
	return b.String()
}

func noPatchKept(res *result) int {
	n := 0
	noPatch := map[string]bool{}
	for _, f := range res.files.files {
		if !f.hasPatch {
			noPatch[f.path] = true
		}
	}
	for _, f := range res.kept {
		if noPatch[f.path] {
			n++
		}
	}
	return n
}

func locations(fs []*finding) string {
	var parts []string
	for i, f := range fs {
		if i == 5 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, fmt.Sprintf("%s %s", code(cell(f.path)+":"+strconv.Itoa(f.line)), f.rule.ID))
	}
	return strings.Join(parts, ", ")
}

// annotations are one per kept finding, by position, at most
// maxAnnotations.
func annotations(kept []*finding) []*github.CheckRunAnnotation {
	fs := append([]*finding(nil), kept...)
	sortByPosition(fs)
	if len(fs) > maxAnnotations {
		sortBySeverity(fs)
		fs = fs[:maxAnnotations]
		sortByPosition(fs)
	}
	out := make([]*github.CheckRunAnnotation, len(fs))
	for i, f := range fs {
		end := max(f.line, f.endLine)
		if f.endLine > f.line && f.endCol == 1 {
			end = f.endLine - 1
		}
		a := &github.CheckRunAnnotation{
			Path: github.String(f.path), StartLine: github.Int(f.line), EndLine: github.Int(max(end, f.line)),
			AnnotationLevel: github.String(annotationLevel(f.severity())),
			Title:           github.String(clip(fmt.Sprintf("%s (%s): %s", f.rule.ID, f.severity(), f.rule.Title), 255)),
			Message:         github.String(clip(f.message, 4000)),
		}
		if d := rawDetails(f); d != "" {
			a.RawDetails = github.String(d)
		}
		out[i] = a
	}
	return out
}

func annotationLevel(s analyzer.Severity) string {
	switch s {
	case analyzer.Critical, analyzer.High:
		return "failure"
	case analyzer.Medium:
		return "warning"
	}
	return "notice"
}

// rawDetails describes the finding's fix for the annotation.
func rawDetails(f *finding) string {
	fx := f.fix
	if fx == nil || fx.Applicability == analyzer.NoFix {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Fix (%s): %s", fx.Applicability, strings.TrimSpace(fx.Description))
	if fx.Applicability != analyzer.Guidance && len(fx.Edits) > 0 {
		if hs, ok := editHunks(f.src, fx.Edits); ok {
			for _, h := range hs {
				fmt.Fprintf(&b, "\n\nLine %d", h.start)
				if h.end > h.start {
					fmt.Fprintf(&b, "-%d", h.end)
				}
				b.WriteString(":\n")
				for _, l := range h.old {
					b.WriteString("- " + strings.TrimSuffix(l, "\r") + "\n")
				}
				for _, l := range h.new {
					b.WriteString("+ " + strings.TrimSuffix(l, "\r") + "\n")
				}
			}
		}
	}
	return clip(b.String(), 60000)
}

// invalidConfigSummary explains an invalid .pyguard.yml.
func invalidConfigSummary(err error, baseRef, baseSHA string) string {
	where := "the base branch"
	if baseRef != "" {
		where = "the base branch `" + baseRef + "`"
	}
	return truncate(fmt.Sprintf("`.pyguard.yml` on %s (commit `%s`) is invalid:\n\n```\n%s\n```\n\n"+
		"PyGuard reads its configuration from the base branch, so a pull request cannot change the checks it is held to. "+
		"Fix the file on the base branch, then re-run this check. No review was posted.",
		where, short(baseSHA), strings.ReplaceAll(err.Error(), "```", "'''")), maxSummary)
}

// cell makes text safe for a Markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "\r", " ")
	s = strings.ReplaceAll(s, "\n", " ")
	s = strings.ReplaceAll(s, "|", `\|`)
	return s
}

// code is s as a Markdown code span, whatever backticks it holds (a file
// may be named "x`](…).py"): the fence is longer than any run of
// backticks in s, so s cannot close it early.
func code(s string) string {
	longest, run := 0, 0
	for _, c := range s {
		if c != '`' {
			run = 0
			continue
		}
		run++
		longest = max(longest, run)
	}
	if longest > 0 {
		s = " " + s + " " // CommonMark strips one space on each side
	}
	f := strings.Repeat("`", longest+1)
	return f + s + f
}

// clip shortens s to at most n bytes on a rune boundary, with "…".
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// truncate cuts a Markdown text to n bytes with a note.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	const note = "\n\n_(truncated to fit GitHub's limit)_"
	return clip(s, n-len(note)) + note
}
