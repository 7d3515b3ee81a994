package review

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pyguard/pyguard/analyzer"
	"github.com/pyguard/pyguard/internal/config"
)

// fixKind is how a finding's fix appears in its comment.
type fixKind int

const (
	fixNone       fixKind = iota // the rule offers no fix
	fixGuidance                  // prose only
	fixSuggestion                // a one-click ```suggestion block
	fixProse                     // mechanical edits shown as a plain diff block
	fixCovered                   // another comment's suggestion makes this change
)

// fixPlan is the rendering decision for one finding's fix.
type fixPlan struct {
	kind          fixKind
	applicability analyzer.Applicability
	description   string
	behavior      string // what an unsafe fix may change
	// edits are the fix's pull-request edits (imports local to the
	// statement); a merged suggestion holds the edits of every finding it
	// fixes.
	edits []analyzer.Edit
	// For fixSuggestion: the comment spans startLine..endLine (equal for a
	// one-line comment) and replacement replaces exactly those lines;
	// replacementLines is 0 when the suggestion deletes them.
	startLine, endLine int
	replacement        string
	replacementLines   int
	// also are the other findings this suggestion fixes ("AIML245 on line
	// 12"); coveredBy, for a finding whose lines another comment's
	// suggestion already replaces, names that comment.
	also      []string
	coveredBy string
	// For fixProse: why it is not a suggestion, and the edits as hunks.
	reason string
	hunks  []proseHunk
}

// proseHunk shows one group of edited lines: old lines start..end become
// the new lines.
type proseHunk struct {
	start, end int
	old, new   []string
}

// maxSuggestion bounds a suggestion block (a minified line, a long
// literal), leaving room for the rest of the comment: a comment too long
// for GitHub loses its block, and a plan that still counted as one-click
// would make the summary count a fix the comment does not offer.
const maxSuggestion = maxCommentBody - 8<<10

// suggests reports whether mode turns a fix of applicability a into a
// suggestion block.
func suggests(mode string, a analyzer.Applicability) bool {
	switch mode {
	case config.SuggestSafe:
		return a == analyzer.Safe
	case config.SuggestNone:
		return false
	default: // all, and "unsafe", its earlier name
		return a == analyzer.Safe || a == analyzer.Unsafe
	}
}

// planFix decides how f's fix is shown. A fix becomes a suggestion when
// mode allows its applicability and the lines it touches, with the
// finding's line, lie on the RIGHT side of one hunk of d; the suggestion
// then replaces those whole lines with their edited text. Imports the fix
// needs are local to the statement (Fix.Local), so the block stays on it.
func planFix(f *finding, d *fileDiff, mode string) fixPlan {
	fx := f.fix
	if fx == nil || fx.Applicability == analyzer.NoFix {
		return fixPlan{kind: fixNone}
	}
	p := fixPlan{applicability: fx.Applicability, description: strings.TrimSpace(fx.Description),
		behavior: strings.TrimSpace(fx.Behavior), startLine: f.line, endLine: f.line}
	if fx.Applicability == analyzer.Guidance || len(fx.Edits) == 0 {
		p.kind = fixGuidance
		return p
	}
	p.edits = fx.PullRequestEdits()
	hunks, ok := editHunks(f.src, p.edits)
	if !ok {
		// Edits we cannot place (out of range, overlapping): describe only.
		p.kind = fixGuidance
		return p
	}
	p.hunks = hunks
	if !suggests(mode, fx.Applicability) {
		p.kind = fixProse
		if mode == config.SuggestNone {
			p.reason = "`suggestions: none` in `.pyguard.yml` turns suggestions off"
		} else {
			p.reason = "with `suggestions: safe` in `.pyguard.yml` only safe fixes become suggestions"
		}
		return p
	}
	p.suggest(f.src, d, f.line)
	return p
}

// suggest makes p, whose edits and hunks are set, a suggestion covering
// its edits and the findings' lines, or prose (or guidance) when that
// cannot be.
func (p *fixPlan) suggest(src *source, d *fileDiff, lines ...int) {
	lo, hi := p.hunks[0].start, p.hunks[len(p.hunks)-1].end
	for _, l := range lines {
		lo, hi = min(lo, l), max(hi, l)
	}
	text, n, ok := replaceLines(src, p.edits, lo, hi)
	if !ok && hi < src.numLines() {
		hi++
		text, n, ok = replaceLines(src, p.edits, lo, hi)
	}
	if !ok {
		p.kind = fixGuidance
		return
	}
	if !d.SameHunk(lo, hi) {
		p.kind = fixProse
		var outside []string
		for l := lo; l <= hi; l++ {
			if d.hunkOf(l) < 0 && touches(p.hunks, l) {
				outside = append(outside, fmt.Sprint(l))
			}
		}
		if len(outside) > 0 {
			p.reason = "it changes " + plural(len(outside), "line", "lines") + " " + strings.Join(outside, ", ") + ", outside this pull request's diff"
		} else {
			p.reason = "the lines it changes are not all in one hunk of this pull request's diff"
		}
		return
	}
	if n == hi-lo+1 && text == strings.Join(linesOf(src, lo, hi), "\n") {
		p.kind = fixGuidance // the edits change nothing visible
		return
	}
	if len(text) > maxSuggestion {
		p.kind = fixProse
		p.reason = "the suggested lines are too long for a review comment"
		return
	}
	p.kind = fixSuggestion
	p.startLine, p.endLine = lo, hi
	p.replacement, p.replacementLines = text, n
}

func touches(hs []proseHunk, line int) bool {
	for _, h := range hs {
		if line >= h.start && line <= h.end {
			return true
		}
	}
	return false
}

func linesOf(src *source, lo, hi int) []string {
	out := make([]string, 0, hi-lo+1)
	for l := lo; l <= hi; l++ {
		out = append(out, string(src.src[src.lineStart(l):src.lineEnd(l)]))
	}
	return out
}

// editLines is the range of whole lines an edit touches. An edit that
// ends exactly at the start of a line (it consumed the previous line's
// newline) does not touch that line.
func editLines(src *source, e analyzer.Edit) (int, int) {
	l1, l2 := src.lineOf(int(e.Start)), src.lineOf(int(e.End))
	if e.End > e.Start && l2 > l1 && int(e.End) == src.lineStart(l2) {
		l2--
	}
	return l1, l2
}

// replaceLines applies the edits to lines lo..hi and returns the new text
// of those lines (without the final newline) and its number of lines (0:
// the lines are deleted). ok is false when an edit reaches outside the
// lines or the edited text would join the next line.
func replaceLines(src *source, edits []analyzer.Edit, lo, hi int) (string, int, bool) {
	start, end := src.lineStart(lo), src.lineEnd(hi)
	nl := end < len(src.src)
	regionEnd := end
	if nl {
		regionEnd++
	}
	sorted := append([]analyzer.Edit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	var b strings.Builder
	pos := start
	for _, e := range sorted {
		s, en := int(e.Start), int(e.End)
		if s < pos || en < s || en > regionEnd {
			return "", 0, false
		}
		b.Write(src.src[pos:s])
		b.WriteString(e.NewText)
		pos = en
	}
	b.Write(src.src[pos:regionEnd])
	text := b.String()
	if nl {
		if text == "" {
			return "", 0, true
		}
		if !strings.HasSuffix(text, "\n") {
			return "", 0, false
		}
		text = strings.TrimSuffix(text, "\n")
	} else if text == "" {
		return "", 0, true
	}
	return text, strings.Count(text, "\n") + 1, true
}

// editHunks groups edits whose lines overlap and renders each group as
// old and new lines. ok is false for edits out of range or overlapping.
func editHunks(src *source, edits []analyzer.Edit) ([]proseHunk, bool) {
	sorted := append([]analyzer.Edit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	type group struct {
		lo, hi int
		edits  []analyzer.Edit
	}
	var groups []group
	prevEnd := uint32(0)
	for i, e := range sorted {
		if int(e.End) > len(src.src) || e.End < e.Start || (i > 0 && e.Start < prevEnd) {
			return nil, false
		}
		prevEnd = e.End
		l1, l2 := editLines(src, e)
		if n := len(groups); n > 0 && l1 <= groups[n-1].hi {
			groups[n-1].hi = max(groups[n-1].hi, l2)
			groups[n-1].edits = append(groups[n-1].edits, e)
			continue
		}
		groups = append(groups, group{l1, l2, []analyzer.Edit{e}})
	}
	var out []proseHunk
	for _, g := range groups {
		lo, hi := g.lo, g.hi
		text, n, ok := replaceLines(src, g.edits, lo, hi)
		if !ok && hi < src.numLines() {
			hi++
			text, n, ok = replaceLines(src, g.edits, lo, hi)
		}
		if !ok {
			return nil, false
		}
		h := proseHunk{start: lo, end: hi}
		if lo <= src.numLines() {
			h.old = linesOf(src, lo, min(hi, src.numLines()))
		}
		if n > 0 {
			h.new = strings.Split(text, "\n")
		}
		out = append(out, h)
	}
	return out, len(out) > 0
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
