package review

import (
	"bytes"
	"fmt"
	"sort"
)

// source is a fetched file's text with a line index.
type source struct {
	path  string
	src   []byte // UTF-8 text
	lines []int  // byte offset where each line starts
	// encoding is the file's encoding when it is not UTF-8 and decoding
	// changed its bytes (see keepEncoding), or "".
	encoding string
}

func newSource(path string, src []byte) *source {
	s := &source{path: path, src: src, lines: []int{0}}
	for i, b := range src {
		if b == '\n' {
			s.lines = append(s.lines, i+1)
		}
	}
	return s
}

// lineOf is the 1-based line holding byte offset off.
func (s *source) lineOf(off int) int {
	return sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > off })
}

// lineStart is the offset where 1-based line starts.
func (s *source) lineStart(line int) int {
	if line < 1 {
		return 0
	}
	if line > len(s.lines) {
		return len(s.src)
	}
	return s.lines[line-1]
}

// lineEnd is the offset of the newline ending line (or the end of file).
func (s *source) lineEnd(line int) int {
	if line >= len(s.lines) {
		return len(s.src)
	}
	return s.lines[line] - 1
}

// numLines counts lines; a final newline does not start another line.
func (s *source) numLines() int {
	n := len(s.lines)
	if n > 1 && s.lines[n-1] == len(s.src) {
		n--
	}
	return n
}

// line is the text of 1-based line n without its ending.
func (s *source) line(n int) string {
	if n < 1 || n > len(s.lines) {
		return ""
	}
	return string(bytes.TrimSuffix(s.src[s.lineStart(n):s.lineEnd(n)], []byte("\r")))
}

// keepEncoding re-plans the comments on files decoded from an encoding
// other than UTF-8 (`# coding: latin-1` with non-ASCII text). A
// suggestion block is UTF-8 text, and committing it from GitHub could
// write UTF-8 into a latin-1 file, or re-encode the file under its
// declaration; so those fixes are shown as a diff instead, one comment per
// finding. Positions stay right: decoding keeps every line, and comments
// are placed by line.
func keepEncoding(planned []plannedComment, diffs map[string]*fileDiff, mode, docsURL string) []plannedComment {
	for i, c := range planned {
		enc := c.f.src.encoding
		if enc == "" {
			continue
		}
		p := planFix(c.f, diffs[c.f.path], mode)
		if p.kind == fixSuggestion {
			p.kind = fixProse
			p.reason = fmt.Sprintf("the file is in %s (its coding declaration), and a one-click suggestion would commit UTF-8 text into it", enc)
		}
		planned[i] = placeComment(c.f, p, docsURL)
	}
	return planned
}
