package fakegithub

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// context is the number of unchanged lines around a change in a hunk, as
// in git's (and GitHub's) patches.
const contextLines = 3

// maxEditDistance bounds the diff search; beyond it the changed middle is
// reported as one replacement (still a correct patch, like git's
// fallback for huge files).
const maxEditDistance = 4000

type opKind byte

const (
	opEqual opKind = ' '
	opDel   opKind = '-'
	opIns   opKind = '+'
)

type op struct {
	kind opKind
	a, b int // line index in old (a) and new (b); valid per kind
}

// splitLines splits text into lines that keep their "\n"; the last line
// may lack it.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// Patch returns the GitHub-style patch (hunks only, no file headers, no
// trailing newline) turning old into new, with three lines of context.
// It is "" when the texts are equal.
func Patch(old, new string) string {
	a, b := splitLines(old), splitLines(new)
	ops := diffLines(a, b)
	return formatHunks(ops, a, b)
}

// diffLines returns an edit script: common prefix and suffix are trimmed,
// the middle is diffed with Myers' algorithm.
func diffLines(a, b []string) []op {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []op
	for i := range pre {
		ops = append(ops, op{opEqual, i, i})
	}
	ops = append(ops, myers(a[pre:len(a)-suf], b[pre:len(b)-suf], pre, pre)...)
	for i := range suf {
		ops = append(ops, op{opEqual, len(a) - suf + i, len(b) - suf + i})
	}
	return ops
}

// myers is Myers' O(ND) diff of a and b; offsets shift the indices.
func myers(a, b []string, offA, offB int) []op {
	n, m := len(a), len(b)
	replace := func() []op {
		var ops []op
		for i := range n {
			ops = append(ops, op{opDel, offA + i, 0})
		}
		for j := range m {
			ops = append(ops, op{opIns, 0, offB + j})
		}
		return ops
	}
	if n == 0 || m == 0 {
		return replace()
	}
	maxD := min(n+m, maxEditDistance)
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	var trace [][]int
	found := -1
	for d := 0; d <= maxD && found < 0; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				found = d
				break
			}
		}
	}
	if found < 0 {
		return replace()
	}
	// Backtrack.
	var rev []op
	x, y := n, m
	for d := found; d > 0; d-- {
		pv := trace[d]
		k := x - y
		var pk int
		if k == -d || (k != d && pv[off+k-1] < pv[off+k+1]) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := pv[off+pk]
		py := px - pk
		for x > px && y > py {
			x--
			y--
			rev = append(rev, op{opEqual, offA + x, offB + y})
		}
		if x == px {
			y--
			rev = append(rev, op{opIns, 0, offB + y})
		} else {
			x--
			rev = append(rev, op{opDel, offA + x, 0})
		}
	}
	for x > 0 && y > 0 {
		x--
		y--
		rev = append(rev, op{opEqual, offA + x, offB + y})
	}
	ops := make([]op, len(rev))
	for i, o := range rev {
		ops[len(rev)-1-i] = o
	}
	return ops
}

// formatHunks groups an edit script into hunks with context.
func formatHunks(ops []op, a, b []string) string {
	var changes []int
	for i, o := range ops {
		if o.kind != opEqual {
			changes = append(changes, i)
		}
	}
	if len(changes) == 0 {
		return ""
	}
	var out []string
	for i := 0; i < len(changes); {
		start := max(0, changes[i]-contextLines)
		j := i
		for j+1 < len(changes) && changes[j+1]-changes[j] <= 2*contextLines {
			j++
		}
		end := min(len(ops), changes[j]+contextLines+1)
		out = append(out, hunk(ops[start:end], a, b))
		i = j + 1
	}
	return strings.Join(out, "\n")
}

func hunk(ops []op, a, b []string) string {
	oldStart, newStart, oldN, newN := -1, -1, 0, 0
	var body []string
	line := func(prefix byte, text string) {
		if strings.HasSuffix(text, "\n") {
			body = append(body, string(prefix)+strings.TrimSuffix(text, "\n"))
			return
		}
		body = append(body, string(prefix)+text, `\ No newline at end of file`)
	}
	for _, o := range ops {
		switch o.kind {
		case opEqual:
			if oldStart < 0 {
				oldStart = o.a
			}
			if newStart < 0 {
				newStart = o.b
			}
			oldN++
			newN++
			line(' ', a[o.a])
		case opDel:
			if oldStart < 0 {
				oldStart = o.a
			}
			oldN++
			line('-', a[o.a])
		case opIns:
			if newStart < 0 {
				newStart = o.b
			}
			newN++
			line('+', b[o.b])
		}
	}
	// With three lines of context, a side has no lines in a hunk only when
	// that side of the file is empty: git writes "-0,0" / "+0,0".
	oldStart, newStart = max(oldStart, 0), max(newStart, 0)
	hdr := fmt.Sprintf("@@ -%s +%s @@", rangeSpec(oldStart, oldN), rangeSpec(newStart, newN))
	return hdr + "\n" + strings.Join(body, "\n")
}

// rangeSpec formats a 0-based start and a count the way git does: 1-based,
// ",N" omitted when N is 1, and the line before for an empty range.
func rangeSpec(start0, n int) string {
	switch n {
	case 0:
		return strconv.Itoa(start0) + ",0"
	case 1:
		return strconv.Itoa(start0 + 1)
	}
	return strconv.Itoa(start0+1) + "," + strconv.Itoa(n)
}

// hunkRange is one hunk's lines on each side (1-based, inclusive; empty
// when count is 0).
type hunkRange struct {
	oldStart, oldCount, newStart, newCount int
	// lines are the patch lines of the hunk (after the header), for
	// position-based comments.
	lines int
}

var hunkHeader = regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@`)

// parseHunks reads the hunk headers of a patch.
func parseHunks(patch string) []hunkRange {
	var hs []hunkRange
	for _, l := range strings.Split(patch, "\n") {
		if m := hunkHeader.FindStringSubmatch(l); m != nil {
			h := hunkRange{oldStart: atoi(m[1]), oldCount: 1, newStart: atoi(m[3]), newCount: 1}
			if m[2] != "" {
				h.oldCount = atoi(m[2])
			}
			if m[4] != "" {
				h.newCount = atoi(m[4])
			}
			hs = append(hs, h)
			continue
		}
		if len(hs) > 0 {
			hs[len(hs)-1].lines++
		}
	}
	return hs
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// hunkOf returns the index of the hunk whose side (RIGHT = new, LEFT =
// old) contains line, or -1.
func hunkOf(hs []hunkRange, side string, line int) int {
	for i, h := range hs {
		start, n := h.newStart, h.newCount
		if side == "LEFT" {
			start, n = h.oldStart, h.oldCount
		}
		if n > 0 && line >= start && line < start+n {
			return i
		}
	}
	return -1
}

// countChanges counts added and deleted lines of a patch.
func countChanges(patch string) (add, del int) {
	for _, l := range strings.Split(patch, "\n") {
		switch {
		case strings.HasPrefix(l, "@@"):
		case strings.HasPrefix(l, "+"):
			add++
		case strings.HasPrefix(l, "-"):
			del++
		}
	}
	return add, del
}
