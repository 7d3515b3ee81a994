package pysource

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
)

func TestDecodeUTF8IsTheSameBytes(t *testing.T) {
	for _, src := range []string{"x = 'é'\n", "\xef\xbb\xbfx = 1\n", "# -*- coding: utf-8 -*-\nx = 'é'\n", "", "# coding: latin-1\nx = 1\n"} {
		in := []byte(src)
		out, err := Decode(in)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if len(in) > 0 && &out[0] != &in[0] || len(out) != len(in) {
			t.Errorf("%q: decoded to a copy %q; UTF-8 (and ASCII) must be returned as is", src, out)
		}
	}
}

func TestDecodeDeclarations(t *testing.T) {
	cases := []struct{ name, src, want, enc string }{
		{"emacs latin-1", "# -*- coding: latin-1 -*-\nname = 'caf\xe9'\n", "# -*- coding: latin-1 -*-\nname = 'café'\n", "iso8859-1"},
		{"line 2 after a shebang", "#!/usr/bin/env python\n# coding=iso-8859-15\ncur = '\xa4'\n", "#!/usr/bin/env python\n# coding=iso-8859-15\ncur = '€'\n", "iso8859-15"},
		{"line 2 after a blank line", "\n# coding: latin1\nx = '\xe9'\n", "\n# coding: latin1\nx = 'é'\n", "iso8859-1"},
		{"vim", "# vim: set fileencoding=cp1252 :\nq = '\x93hi\x94'\n", "# vim: set fileencoding=cp1252 :\nq = '“hi”'\n", "cp1252"},
		{"windows name", "# coding: windows-1252\nx = '\x80'\n", "# coding: windows-1252\nx = '€'\n", "cp1252"},
		{"upper case and underscores", "# coding: ISO_8859_1\nx = '\xe9'\n", "# coding: ISO_8859_1\nx = 'é'\n", "iso8859-1"},
		{"latin-1 variant", "# coding: latin-1-unix\nx = '\xe9'\n", "# coding: latin-1-unix\nx = 'é'\n", "iso8859-1"},
		{"utf-8 variant", "# coding: utf_8\nx = 'é'\n", "# coding: utf_8\nx = 'é'\n", "utf-8"},
		{"utf-8 with BOM", "\xef\xbb\xbf# coding: utf-8\nx = 'é'\n", "\xef\xbb\xbf# coding: utf-8\nx = 'é'\n", "utf-8"},
		{"cyrillic", "# coding: koi8-r\ns = '\xd0\xd2\xc9\xd7\xc5\xd4'\n", "# coding: koi8-r\ns = 'привет'\n", "koi8-r"},
		{"shift_jis", "# coding: shift_jis\ns = '\x93\xfa\x96\x7b'\n", "# coding: shift_jis\ns = '日本'\n", "shift_jis"},
		{"CRLF", "# coding: latin-1\r\nx = '\xe9'\r\n", "# coding: latin-1\r\nx = 'é'\r\n", "iso8859-1"},
		{"no final newline", "# coding: latin-1", "# coding: latin-1", "iso8859-1"},
	}
	for _, c := range cases {
		got, err := Decode([]byte(c.src))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if string(got) != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
		if enc, err := Encoding([]byte(c.src)); err != nil || enc != c.enc {
			t.Errorf("%s: Encoding = %q, %v; want %q", c.name, enc, err, c.enc)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"no declaration", "x = 1\ny = 'caf\xe9'\n", "not valid UTF-8: invalid byte 0xe9 at line 2, column 9"},
		{"declared on line 3", "#!/usr/bin/env python\n\n# coding: latin-1\nx = '\xe9'\n", "not valid UTF-8: invalid byte 0xe9 at line 4"},
		{"line 2 after code", "x = 1\n# coding: latin-1\ny = '\xe9'\n", "not valid UTF-8: invalid byte 0xe9 at line 3"},
		{"declared utf-8", "# coding: utf-8\nx = '\xe9'\n", "not valid UTF-8: invalid byte 0xe9 at line 2, column 6"},
		{"unknown", "# -*- coding: klingon -*-\nx = 1\n", `unknown encoding "klingon" in the coding declaration on line 1`},
		{"unsupported", "# coding: utf-16\nx = 1\n", `the coding declaration on line 1 names "utf-16", which PyGuard does not read`},
		{"BOM and latin-1", "\xef\xbb\xbf# coding: latin-1\nx = 1\n", `starts with a UTF-8 byte-order mark but line 1 declares "latin-1"`},
		{"UTF-16 BOM", "\xff\xfex\x00=\x001\x00", "UTF-16 or UTF-32 text"},
		{"ascii", "# coding: ascii\nx = '\xe9'\n", "not valid ASCII (declared on line 1): byte 0xe9 at line 2, column 6"},
		{"bad shift_jis", "# coding: shift_jis\nx = 1\ns = '\x81'\n", "not valid shift_jis (declared on line 1): an invalid byte sequence on line 3"},
	}
	for _, c := range cases {
		_, err := Decode([]byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}

// Decoding keeps every line where it was, whatever the encoding.
func TestDecodeKeepsLines(t *testing.T) {
	text := "# -*- coding: %s -*-\n\"\"\"Modulé.\"\"\"\r\nx = 'àéîõü'  # ç\n\n\ty = \"ñ\" \\\n  + 'ß'\n"
	for _, enc := range []string{"latin-1", "cp1252", "iso-8859-15", "cp850", "mac-roman", "utf-8"} {
		want := strings.Replace(text, "%s", enc, 1)
		src, err := Encode([]byte(want), enc)
		if err != nil {
			t.Fatalf("%s: %v", enc, err)
		}
		if enc != "utf-8" && bytes.Equal(src, []byte(want)) {
			t.Fatalf("%s: encoding changed nothing", enc)
		}
		got, err := Decode(src)
		if err != nil {
			t.Fatalf("%s: %v", enc, err)
		}
		if string(got) != want {
			t.Errorf("%s: round trip %q, want %q", enc, got, want)
		}
		if a, b := strings.Split(string(got), "\n"), strings.Split(string(src), "\n"); len(a) != len(b) {
			t.Errorf("%s: %d lines decoded from %d", enc, len(a), len(b))
		}
	}
}

func TestEncode(t *testing.T) {
	out, err := Encode([]byte("x = 'é€'\n"), "cp1252")
	if err != nil || string(out) != "x = '\xe9\x80'\n" {
		t.Errorf("cp1252: %q, %v", out, err)
	}
	want, _ := japanese.ShiftJIS.NewEncoder().Bytes([]byte("日本"))
	if out, err := Encode([]byte("日本"), "shift_jis"); err != nil || !bytes.Equal(out, want) {
		t.Errorf("shift_jis: %q, %v", out, err)
	}
	if _, err := Encode([]byte("x = '€'\n"), "iso8859-1"); err == nil {
		t.Error("€ encoded in latin-1")
	}
	if _, err := Encode([]byte("x = 'é'\n"), "ascii"); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("ascii: %v", err)
	}
	if _, err := Encode([]byte("x"), "klingon"); err == nil {
		t.Error("unknown encoding accepted")
	}
	// Decode's output under the file's encoding comes back byte for byte.
	src := []byte("# coding: latin-1\nx = '\xe9'\n")
	text, _ := Decode(src)
	enc, _ := Encoding(src)
	if back, err := Encode(text, enc); err != nil || !bytes.Equal(back, src) {
		t.Errorf("round trip %q, %v", back, err)
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{"x = 1\n", "# coding: latin-1\nx = '\xe9'\n", "\xef\xbb\xbf# coding: utf-8\n",
		"# coding: shift_jis\ns = '\x93\xfa\x81'\n", "#!\n# coding: gbk\n\xc4\xe3\n", "# coding: big5\r\n\xa4\xa4\r\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		text, err := Decode(src)
		if err != nil {
			return
		}
		if bytes.Count(text, []byte{'\n'}) != bytes.Count(src, []byte{'\n'}) {
			t.Fatalf("lines changed: %q -> %q", src, text)
		}
		if !utf8.Valid(text) {
			t.Fatalf("not UTF-8: %q -> %q", src, text)
		}
	})
}
