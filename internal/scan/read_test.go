package scan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadSource(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"ok.py":      "x = 'é'\n",
		"nul.py":     "x = 1\x00\n",
		"latin1.py":  "x = 1\ny = 'caf\xe9'\n",
		"coding.py":  "# -*- coding: latin-1 -*-\ny = 'caf\xe9'\n",
		"unknown.py": "# coding: klingon\ny = 1\n",
		"bom.py":     "\xef\xbb\xbfx = 1\n",
	})
	big := filepath.Join(dir, "big.py")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(MaxFileSize + 1) // sparse: nothing is written
	f.Close()
	limit := filepath.Join(dir, "limit.py")
	os.WriteFile(limit, []byte(strings.Repeat("#", MaxFileSize)), 0o644)

	cases := map[string]string{
		"ok.py":      "",
		"limit.py":   "",
		"nul.py":     "binary file (contains NUL bytes)",
		"latin1.py":  "not valid UTF-8: invalid byte 0xe9 at line 2, column 9",
		"coding.py":  "",
		"unknown.py": `unknown encoding "klingon" in the coding declaration on line 1`,
		"bom.py":     "",
		"big.py":     "file too large: 5242881 bytes (the limit is 5 MiB)",
		"absent.py":  "no such file or directory",
	}
	for name, want := range cases {
		_, err := readSource(filepath.Join(dir, name))
		got := ""
		if err != nil {
			got = describeError(err)
		}
		if got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}

// A file in a declared encoding is analysed as UTF-8 text, line for
// line, and fixed text goes back in its encoding.
func TestReadSourceDecodesDeclaredEncoding(t *testing.T) {
	dir := t.TempDir()
	raw := "# -*- coding: latin-1 -*-\nname = 'caf\xe9'\nx = 1\n"
	write(t, dir, map[string]string{"coding.py": raw, "ascii.py": "# coding: latin-1\nx = 1\n", "utf8.py": "x = 'é'\n"})
	s, err := readSource(filepath.Join(dir, "coding.py"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "# -*- coding: latin-1 -*-\nname = 'café'\nx = 1\n"; string(s.src) != want || s.encoding != "iso8859-1" {
		t.Errorf("read %q (%q), want %q", s.src, s.encoding, want)
	}
	fixed := strings.Replace(string(s.src), "x = 1", "x = 'é' * 2", 1)
	out, err := s.encode([]byte(fixed))
	if err != nil || string(out) != strings.Replace(raw, "x = 1", "x = '\xe9' * 2", 1) {
		t.Errorf("encode: %q, %v", out, err)
	}
	if _, err := s.encode([]byte("x = '€'\n")); err == nil || !strings.Contains(err.Error(), "cannot be written in its encoding") {
		t.Errorf("€ in latin-1: %v", err)
	}
	// Nothing to convert: the text is the file's bytes.
	for _, name := range []string{"ascii.py", "utf8.py"} {
		s, err := readSource(filepath.Join(dir, name))
		if err != nil || s.encoding != "" {
			t.Errorf("%s: encoding %q, %v", name, s.encoding, err)
		}
	}
}
