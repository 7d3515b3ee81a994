// Package pysource reads Python source bytes the way Python does: UTF-8
// by default, or the encoding a PEP 263 declaration on line 1 or 2 names
// (`# -*- coding: latin-1 -*-`), with an optional UTF-8 byte-order mark.
// Both `pyguard scan` and the GitHub App decode files through it.
package pysource

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"unicode/utf8"
)

// UTF8 is the name Encoding returns for UTF-8 source.
const UTF8 = "utf-8"

var bom = []byte("\xef\xbb\xbf")

// PEP 263's patterns, as Python's tokenizer applies them: the declaration
// is a comment on line 1, or on line 2 when line 1 is blank or a comment.
var (
	cookie         = regexp.MustCompile(`^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`)
	blankOrComment = regexp.MustCompile(`^[ \t\f]*(?:[#\r\n]|$)`)
)

// declaration is the coding declaration of a file.
type declaration struct {
	c    *codec
	name string // as written
	line int    // 0 without a declaration
}

// Encoding names the encoding Python reads src in: Python's name for the
// declared codec ("iso8859-1" for `coding: latin-1`), or UTF8. An
// unknown or unsupported declared encoding is an error.
func Encoding(src []byte) (string, error) {
	d, err := declared(src)
	if err != nil {
		return "", err
	}
	return d.c.name, nil
}

// Decode returns src as UTF-8 text, decoded from the encoding Python reads
// it in. Text that is already UTF-8 (or ASCII under any declaration) is
// returned as is, byte-order mark included, so offsets into it are offsets
// into the file. Decoding never changes lines: the text has the same line
// breaks at the same line numbers, and only columns after a non-ASCII
// character move (they count UTF-8 bytes of the decoded text).
func Decode(src []byte) ([]byte, error) {
	d, err := declared(src)
	if err != nil {
		return nil, err
	}
	switch d.c {
	case utf8Codec:
		if !utf8.Valid(src) {
			return nil, notUTF8(src)
		}
		return src, nil
	case asciiCodec:
		if i := nonASCII(src); i >= 0 {
			line, col := position(src, i)
			return nil, fmt.Errorf("not valid ASCII (declared on line %d): byte 0x%02x at line %d, column %d", d.line, src[i], line, col)
		}
		return src, nil
	}
	if nonASCII(src) < 0 {
		return src, nil // every supported codec keeps ASCII as it is
	}
	text, err := d.c.enc.NewDecoder().Bytes(src)
	if err != nil {
		return nil, fmt.Errorf("not valid %s (declared on line %d): %v", d.name, d.line, err)
	}
	// Decoders replace what they cannot decode; Python refuses the file.
	if i := bytes.IndexRune(text, utf8.RuneError); i >= 0 {
		line, _ := position(text, i)
		return nil, fmt.Errorf("not valid %s (declared on line %d): an invalid byte sequence on line %d", d.name, d.line, line)
	}
	if bytes.Count(text, []byte{'\n'}) != bytes.Count(src, []byte{'\n'}) ||
		bytes.Count(text, []byte{'\r'}) != bytes.Count(src, []byte{'\r'}) {
		return nil, fmt.Errorf("decoding %s changed the file's lines", d.name) // not for an ASCII-compatible codec
	}
	return text, nil
}

// Encode converts UTF-8 text back to the named encoding (as Encoding
// returned it), to write a decoded file back. A character the encoding
// cannot represent is an error.
func Encode(text []byte, name string) ([]byte, error) {
	c := lookup(name)
	if c == nil {
		return nil, fmt.Errorf("unknown encoding %q", name)
	}
	switch c {
	case utf8Codec:
		return text, nil
	case asciiCodec:
		if i := nonASCII(text); i >= 0 {
			r, _ := utf8.DecodeRune(text[i:])
			line, _ := position(text, i)
			return nil, fmt.Errorf("%q on line %d cannot be written in ASCII", r, line)
		}
		return text, nil
	}
	if nonASCII(text) < 0 {
		return text, nil
	}
	out, err := c.enc.NewEncoder().Bytes(text)
	if err != nil {
		return nil, fmt.Errorf("the text cannot be written in %s: %v", c.name, err)
	}
	return out, nil
}

// declared finds the file's encoding: its declaration, the byte-order
// mark, or UTF-8.
func declared(src []byte) (declaration, error) {
	switch {
	case bytes.HasPrefix(src, []byte("\xff\xfe")) || bytes.HasPrefix(src, []byte("\xfe\xff")):
		return declaration{}, errors.New("UTF-16 or UTF-32 text (it starts with such a byte-order mark); Python source is read in an ASCII-compatible encoding")
	}
	hasBOM := bytes.HasPrefix(src, bom)
	rest := bytes.TrimPrefix(src, bom)
	for n := 1; n <= 2 && len(rest) > 0; n++ {
		line, next, _ := bytes.Cut(rest, []byte{'\n'})
		rest = next
		m := cookie.FindSubmatch(line)
		if m == nil {
			if !blankOrComment.Match(line) {
				break
			}
			continue
		}
		name := string(m[1])
		c := lookup(name)
		switch {
		case c == nil && python[key(name)]:
			return declaration{}, fmt.Errorf("the coding declaration on line %d names %q, which PyGuard does not read (it is not ASCII-compatible or not supported)", n, name)
		case c == nil:
			return declaration{}, fmt.Errorf("unknown encoding %q in the coding declaration on line %d", name, n)
		case hasBOM && c != utf8Codec:
			return declaration{}, fmt.Errorf("the file starts with a UTF-8 byte-order mark but line %d declares %q", n, name)
		}
		return declaration{c: c, name: name, line: n}, nil
	}
	return declaration{c: utf8Codec, name: UTF8}, nil
}

// python are encodings Python knows that Decode does not read: not
// ASCII-compatible (Python refuses most of them for source too) or without
// a decoder here.
var python = map[string]bool{}

func init() {
	for _, n := range []string{"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-7",
		"cp037", "cp500", "cp1026", "cp1140", "cp273", "cp424", "cp875", "iso2022_jp", "iso2022_jp_2", "iso2022_kr",
		"hz", "big5hkscs", "euc_jis_2004", "shift_jis_2004", "johab", "iso8859_11", "tis_620", "cp1006", "cp737",
		"cp775", "cp856", "cp857", "cp861", "cp864", "cp869", "mac_greek", "mac_iceland", "mac_latin2", "mac_turkish",
		"ptcp154", "kz1048", "hp_roman8", "idna", "punycode", "raw_unicode_escape", "unicode_escape"} {
		python[key(n)] = true
	}
}

func nonASCII(b []byte) int {
	for i, c := range b {
		if c >= 0x80 {
			return i
		}
	}
	return -1
}

// position is the 1-based line and byte column of offset i.
func position(src []byte, i int) (line, col int) {
	line = 1 + bytes.Count(src[:i], []byte{'\n'})
	return line, i - (bytes.LastIndexByte(src[:i], '\n') + 1) + 1
}

// notUTF8 names the position of the first invalid byte.
func notUTF8(src []byte) error {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			line, col := position(src, i)
			return fmt.Errorf("not valid UTF-8: invalid byte 0x%02x at line %d, column %d", src[i], line, col)
		}
		i += size
	}
	return errors.New("not valid UTF-8")
}
