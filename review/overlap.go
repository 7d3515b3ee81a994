package review

import (
	"fmt"

	"github.com/pyguard/pyguard/analyzer"
)

// GitHub applies a batch of suggestions in one commit only when no two of
// them replace the same line. Planned suggestions of one file are checked
// in posting order (highest severity first): one that overlaps an earlier
// one is merged into it when the two fixes' edits are compatible (the
// earlier comment's block then fixes both, and this comment points to
// it), else shown as prose.

// planComments plans the inline comments for findings, in order.
func planComments(fs []*finding, diffs map[string]*fileDiff, mode, docsURL string) []plannedComment {
	plans := make([]fixPlan, len(fs))
	for i, f := range fs {
		plans[i] = planFix(f, diffs[f.path], mode)
	}
	resolveOverlaps(fs, plans, diffs)
	out := make([]plannedComment, len(fs))
	for i, f := range fs {
		out[i] = placeComment(f, plans[i], docsURL)
	}
	return out
}

// placeComment renders f's comment and places it: on the finding's line,
// or on the lines its suggestion replaces.
func placeComment(f *finding, p fixPlan, docsURL string) plannedComment {
	c := plannedComment{f: f, path: f.path, line: f.line, body: commentBody(f, p, docsURL),
		oneClick: p.kind == fixSuggestion || p.kind == fixCovered}
	if p.kind == fixSuggestion {
		c.line = p.endLine
		if p.startLine < p.endLine {
			c.startLine = p.startLine
		}
	}
	return c
}

// resolveOverlaps leaves no two suggestions of one file on a shared line.
func resolveOverlaps(fs []*finding, plans []fixPlan, diffs map[string]*fileDiff) {
	kept := map[string][]int{} // path -> indexes of suggestions kept so far
	// merged[j] lists the findings whose fixes suggestion j holds.
	merged := map[int][]*finding{}
	for i, f := range fs {
		if plans[i].kind != fixSuggestion {
			continue
		}
		j := -1
		for _, k := range kept[f.path] {
			if rangesOverlap(plans[k], plans[i]) {
				j = k
				break
			}
		}
		if j < 0 {
			kept[f.path] = append(kept[f.path], i)
			continue
		}
		owner := fs[j]
		if m, ok := mergePlans(plans[j], plans[i], append(append([]*finding{owner}, merged[j]...), f), diffs[f.path]); ok &&
			!overlapsOthers(m, plans, kept[f.path], j) {
			m.also = append(m.also, fmt.Sprintf("%s (line %d)", f.rule.ID, f.line))
			plans[j] = m
			merged[j] = append(merged[j], f)
			plans[i].kind = fixCovered
			plans[i].coveredBy = fmt.Sprintf("%s (line %d)", owner.rule.ID, owner.line)
			continue
		}
		plans[i].kind = fixProse
		plans[i].reason = fmt.Sprintf("its lines overlap the suggestion on the %s comment (line %d), and GitHub cannot apply overlapping suggestions together; "+
			"apply that one first", owner.rule.ID, owner.line)
	}
}

func rangesOverlap(a, b fixPlan) bool { return a.startLine <= b.endLine && b.startLine <= a.endLine }

// overlapsOthers reports whether m overlaps a kept suggestion other than j.
func overlapsOthers(m fixPlan, plans []fixPlan, kept []int, j int) bool {
	for _, k := range kept {
		if k != j && rangesOverlap(m, plans[k]) {
			return true
		}
	}
	return false
}

// mergePlans returns one suggestion applying the edits of a and b (an
// edit both make, such as the same import, once), covering every line of
// fs, or ok=false when the edits conflict or the union leaves one hunk.
func mergePlans(a, b fixPlan, fs []*finding, d *fileDiff) (fixPlan, bool) {
	edits := append([]analyzer.Edit(nil), a.edits...)
	for _, e := range b.edits {
		dup := false
		for _, x := range edits {
			if x == e {
				dup = true
				break
			}
			if e.Start < x.End && x.Start < e.End || e.Start == e.End && x.Start == x.End && e.Start == x.Start {
				return fixPlan{}, false
			}
		}
		if !dup {
			edits = append(edits, e)
		}
	}
	src := fs[0].src
	hunks, ok := editHunks(src, edits)
	if !ok {
		return fixPlan{}, false
	}
	m := a
	m.edits, m.hunks = edits, hunks
	lines := make([]int, len(fs))
	for i, f := range fs {
		lines[i] = f.line
	}
	m.suggest(src, d, lines...)
	return m, m.kind == fixSuggestion
}
