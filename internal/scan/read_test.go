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
		"ok.py":     "x = 'é'\n",
		"nul.py":    "x = 1\x00\n",
		"latin1.py": "x = 1\ny = 'caf\xe9'\n",
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
		"ok.py":     "",
		"limit.py":  "",
		"nul.py":    "binary file (contains NUL bytes)",
		"latin1.py": "not valid UTF-8: invalid byte 0xe9 at line 2, column 9",
		"big.py":    "file too large: 5242881 bytes (the limit is 5 MiB)",
		"absent.py": "no such file or directory",
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
