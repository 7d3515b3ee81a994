package scan

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
)

func TestCollect(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	write(t, dir, map[string]string{
		"a.py": "", "pkg/b.py": "", "pkg/notes.txt": "", "pkg/sub/c.py": "",
		".git/hooks/x.py": "", "venv/lib/x.py": "", ".venv/x.py": "", "node_modules/x.py": "",
		"lib/site-packages/x.py": "", "pkg/__pycache__/x.py": "", "build/gen/y.py": "",
		"script": "", "explicit_venv/venv/z.py": "", "data/real.txt": "",
	})
	if err := os.Symlink(filepath.Join(dir, "pkg"), filepath.Join(dir, "linkdir")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../data/real.txt", filepath.Join(dir, "pkg", "alias.py")); err != nil {
		t.Fatal(err)
	}
	// The same file under a second name is analysed once.
	if err := os.Symlink("../a.py", filepath.Join(dir, "pkg", "same.py")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("nowhere.py", filepath.Join(dir, "dangling.py")); err != nil {
		t.Fatal(err)
	}
	exclude := func(p string) bool { return strings.HasPrefix(filepath.ToSlash(p), "build") }

	files, errs, missing := collect([]string{".", "./a.py", "script", "gone.py", "explicit_venv/venv"}, exclude)
	// linkdir (a symlink to pkg) is not followed while walking.
	want := []string{"a.py", "pkg/alias.py", "pkg/b.py", "pkg/sub/c.py", "explicit_venv/venv/z.py"}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("files = %v, want %v", files, want)
	}
	gotErrs := map[string]string{}
	for _, e := range errs {
		gotErrs[e.Path] = e.Message
	}
	wantErrs := map[string]string{
		"dangling.py": "no such file or directory",
		"script":      "not a Python file: only .py files are analysed",
		"gone.py":     "no such file or directory",
	}
	if !reflect.DeepEqual(gotErrs, wantErrs) {
		t.Errorf("errors = %v, want %v", gotErrs, wantErrs)
	}
	if !reflect.DeepEqual(missing, []string{"gone.py"}) {
		t.Errorf("missing = %v", missing)
	}

	// Named explicitly, a symlinked directory is walked; its tree is the
	// target's, so the links in it that lead back out are not followed.
	files, errs, _ = collect([]string{"linkdir"}, nil)
	if want := []string{"linkdir/b.py", "linkdir/sub/c.py"}; !reflect.DeepEqual(files, want) {
		t.Errorf("symlinked operand: %v, want %v", files, want)
	}
	if len(errs) != 2 || errs[0].Path != "linkdir/alias.py" || errs[1].Path != "linkdir/same.py" {
		t.Errorf("symlinked operand: errors %v", errs)
	}
}

func TestCollectSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.py")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	files, errs, _ := collect([]string{dir, fifo}, nil)
	if len(files) != 0 || len(errs) != 2 || errs[0].Message != "not a regular file" {
		t.Errorf("files %v errs %v", files, errs)
	}
}
