package pysource

import "bytes"

// Tokens estimates how many tokens Python's tokenizer finds in src,
// without parsing it: names, numbers, operators, brackets and comments
// count one each, a string three (start, body and end, as tree-sitter and
// Python 3.12 split it) plus its escapes and interpolations. A syntax tree
// has one to three nodes per token, and the memory a parser needs grows
// with the nodes, not the bytes ("x=1" a million times is 4 MB of source
// and millions of nodes), so this is what bounds the memory of an
// analysis before it starts. It takes one pass and allocates nothing.
func Tokens(src []byte) int {
	n := 0
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\\':
			i++
			continue
		case c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '"' || c == '\'':
			end, inner := skipString(src, i, false)
			i, n = end, n+inner+2
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
			i = skipNumber(src, i)
		case word(c):
			start := i
			for i < len(src) && word(src[i]) {
				i++
			}
			// A string prefix (r, b, f, rb…) belongs to the string.
			if i < len(src) && (src[i] == '"' || src[i] == '\'') {
				end, inner := skipString(src, i, bytes.ContainsAny(src[start:i], "fFtT"))
				i, n = end, n+inner+2
			}
		case operator(c):
			// One token a character ("-~-~x" is four operators), but an
			// "=" or ">" completes the one before ("+=", "==", "->").
			i++
			if i < len(src) && (src[i] == '=' || c == '-' && src[i] == '>') {
				i++
			}
		default: // brackets, commas, semicolons; bytes Python refuses
			i++
		}
		n++
	}
	return n
}

// skipString returns the offset after the string literal starting at i
// (a quote; the end of the line for an unterminated one-line string) and
// the tokens inside it beyond the string itself: escape sequences, and
// for an f-string (or t-string) what its body holds, counted as code.
func skipString(src []byte, i int, interpolated bool) (end, inner int) {
	q := src[i]
	quotes := 1
	if i+2 < len(src) && src[i+1] == q && src[i+2] == q {
		quotes = 3
	}
	body := i + quotes
	bodyEnd := len(src)
	end = len(src)
scan:
	for j := body; j < len(src); j++ {
		switch {
		case src[j] == '\\':
			j++
			inner++
		case src[j] == q && (quotes == 1 || j+2 < len(src) && src[j+1] == q && src[j+2] == q):
			bodyEnd, end = j, j+quotes
			break scan
		case src[j] == '\n' && quotes == 1:
			bodyEnd, end = j, j
			break scan
		}
	}
	if interpolated {
		inner += Tokens(src[body:min(bodyEnd, len(src))])
	}
	return end, inner
}

// skipNumber returns the offset after the number starting at i: digits,
// '_', '.', letters (0x, 1e, 2j) and an exponent's sign.
func skipNumber(src []byte, i int) int {
	for i++; i < len(src); i++ {
		c := src[i]
		switch {
		case word(c) || c == '.':
		case (c == '+' || c == '-') && (src[i-1] == 'e' || src[i-1] == 'E'):
		default:
			return i
		}
	}
	return i
}

// word reports name and number characters (any byte of a non-ASCII
// character counts: Python names may hold letters of any script).
func word(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80
}

func operator(c byte) bool {
	switch c {
	case '+', '-', '*', '/', '%', '&', '|', '^', '~', '<', '>', '=', '!', '.', ':', '@':
		return true
	}
	return false
}
