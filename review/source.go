package review

import (
	"bytes"
	"sort"
)

// source is a fetched file's text with a line index.
type source struct {
	path  string
	src   []byte
	lines []int // byte offset where each line starts
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
