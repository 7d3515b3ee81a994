package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFindUpAndLoad(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "a", FileName), []byte("ignore: [AIML172]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := FindUp(deep)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, "a", FileName); got != want {
		t.Fatalf("FindUp = %q, want %q", got, want)
	}
	c, err := Load(got)
	if err != nil {
		t.Fatal(err)
	}
	if c.Root != filepath.Join(root, "a") || len(c.Ignore) != 1 {
		t.Errorf("Load = %+v", c)
	}

	// A directory named like the file is not the file.
	if err := os.Mkdir(filepath.Join(deep, FileName), 0o755); err != nil {
		t.Fatal(err)
	}
	if got2, _ := FindUp(deep); got2 != got {
		t.Errorf("FindUp with a directory in the way = %q", got2)
	}
}

func TestFindUpNone(t *testing.T) {
	// The temp dir's ancestors (/, /tmp) are assumed to hold no .pyguard.yml.
	got, err := FindUp(t.TempDir())
	if err != nil || got != "" {
		t.Errorf("FindUp = %q, %v; want none", got, err)
	}
}

func TestLoadNamesTheFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(p, []byte("fail_on: maybe\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(p)
	if err == nil || !strings.HasPrefix(err.Error(), p+": line 1: fail_on") {
		t.Errorf("Load error = %v", err)
	}
}
