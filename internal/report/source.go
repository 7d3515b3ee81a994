package report

import (
	"bytes"
	"unicode/utf8"
)

// Source is an analysed file's text, kept for files with findings so
// text output can quote lines and SARIF can count UTF-16 columns.
type Source struct {
	Src   []byte
	lines []int // start offset of each line, built on first use
}

// NewSource wraps src; it is not copied.
func NewSource(src []byte) *Source { return &Source{Src: src} }

// Line returns the text of 1-based line n without its line ending, or ""
// when there is no such line.
func (s *Source) Line(n int) string {
	if s == nil {
		return ""
	}
	if s.lines == nil {
		s.lines = []int{0}
		for i, b := range s.Src {
			if b == '\n' {
				s.lines = append(s.lines, i+1)
			}
		}
	}
	if n < 1 || n > len(s.lines) {
		return ""
	}
	end := len(s.Src)
	if n < len(s.lines) {
		end = s.lines[n] - 1
	}
	return string(bytes.TrimSuffix(s.Src[s.lines[n-1]:end], []byte("\r")))
}

// UTF16Column converts a 1-based byte column on line to a 1-based column
// in UTF-16 code units, SARIF's default column kind.
func (s *Source) UTF16Column(line, col int) int {
	text := s.Line(line)
	n := 1
	if col-1 > len(text) { // past the text, on the line ending: bytes count one each
		n += col - 1 - len(text)
	} else {
		text = text[:col-1]
	}
	for _, r := range text {
		if r == utf8.RuneError || r < 0x10000 {
			n++
		} else {
			n += 2
		}
	}
	return n
}
