package review

import (
	"fmt"
	"strings"

	"github.com/sourcegraph/go-diff/diff"

	"github.com/pyguard/pyguard/internal/diffscope"
)

// fileDiff is what one file's patch says about its new (RIGHT) side: the
// line ranges of its hunks, where GitHub accepts review comments, and the
// added lines, where findings are kept.
type fileDiff struct {
	hunks []lineRange
	added map[int]bool
}

// lineRange is a 1-based inclusive range of lines.
type lineRange struct{ start, end int }

// parseFileDiff reads a GitHub per-file patch (hunks without file
// headers).
func parseFileDiff(patch string) (*fileDiff, error) {
	added, err := diffscope.ParsePatch(patch)
	if err != nil {
		return nil, err
	}
	// A hunk header "+0,n" (n > 0) claims lines from 0: there are none.
	for l := range added {
		if l < 1 {
			delete(added, l)
		}
	}
	d := &fileDiff{added: added}
	if strings.TrimSpace(patch) == "" {
		return d, nil
	}
	hunks, err := diff.ParseHunks([]byte(patch))
	if err != nil {
		return nil, fmt.Errorf("parse patch: %w", err)
	}
	for _, h := range hunks {
		// In int: go-diff's int32 fields overflow on a header such as
		// "+2147483647,2". Lines start at 1, whatever "+0,2" claims.
		start, end := int(h.NewStartLine), int(h.NewStartLine)+int(h.NewLines)-1
		if start = max(start, 1); end >= start {
			d.hunks = append(d.hunks, lineRange{start, end})
		}
	}
	return d, nil
}

// Added reports whether line is an added line.
func (d *fileDiff) Added(line int) bool { return d != nil && d.added[line] }

// hunkOf returns the index of the hunk whose RIGHT side holds line, or -1.
func (d *fileDiff) hunkOf(line int) int {
	if d == nil {
		return -1
	}
	for i, h := range d.hunks {
		if line >= h.start && line <= h.end {
			return i
		}
	}
	return -1
}

// SameHunk reports whether lines lo..hi all lie on the RIGHT side of one
// hunk, so that one (multi-line) review comment may span them.
func (d *fileDiff) SameHunk(lo, hi int) bool {
	i := d.hunkOf(lo)
	return i >= 0 && i == d.hunkOf(hi)
}
