package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestScanFix(t *testing.T) {
	dir := project(t, map[string]string{"load.py": srcAIML173, "app.py": srcAIML161})
	load := filepath.Join(dir, "load.py")

	// Safe fixes only: the unsafe AIML173 fix is not applied.
	r := pyguard(t, dir, "", "scan", "--fix").wantCode(t, 1)
	if b, _ := os.ReadFile(load); string(b) != srcAIML173 {
		t.Fatalf("--fix applied an unsafe fix:\n%s", b)
	}
	if !strings.Contains(r.stderr, "applied 0 fixes") {
		t.Errorf("stderr %q", r.stderr)
	}

	r = pyguard(t, dir, "", "scan", "--fix", "--unsafe-fixes", "--format", "json").wantCode(t, 1)
	fixed := strings.Replace(srcAIML173, `"ignore"`, `"error"`, 1)
	if b, _ := os.ReadFile(load); string(b) != fixed {
		t.Fatalf("after --fix --unsafe-fixes:\n%s", b)
	}
	rep := decode(t, r.stdout)
	if got := rep.ids(); len(got) != 1 || got[0] != "AIML161" {
		t.Errorf("findings after fixing: %v (the guidance-only AIML161 stays)", got)
	}
	if !strings.Contains(r.stderr, "applied 1 fix in 1 file") {
		t.Errorf("stderr %q", r.stderr)
	}
	// The fixed file parses and is clean; a second run changes nothing.
	scanJSON(t, dir, 0, "load.py")
	r = pyguard(t, dir, "", "scan", "--fix", "--unsafe-fixes", "load.py").wantCode(t, 0)
	if b, _ := os.ReadFile(load); string(b) != fixed {
		t.Errorf("second --fix changed the file:\n%s", b)
	}
	if !strings.Contains(r.stderr, "applied 0 fixes") {
		t.Errorf("stderr %q", r.stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "app.py")); string(b) != srcAIML161 {
		t.Error("a guidance fix changed a file")
	}
}

// --unsafe-fixes alone, as in Ruff, applies nothing.
func TestScanUnsafeFixesAloneChangesNothing(t *testing.T) {
	dir := project(t, map[string]string{"load.py": srcAIML173})
	pyguard(t, dir, "", "scan", "--unsafe-fixes").wantCode(t, 1)
	if b, _ := os.ReadFile(filepath.Join(dir, "load.py")); string(b) != srcAIML173 {
		t.Error("file changed")
	}
}

// --fix stays inside the scanned tree: a symlinked file or directory that
// leads out of it is reported in the JSON errors and neither read nor
// written; the tree's own files are fixed.
func TestScanFixStaysInTree(t *testing.T) {
	outside := project(t, map[string]string{"load.py": srcAIML173, "pkg/mod.py": srcAIML173})
	dir := project(t, map[string]string{"app.py": srcAIML173})
	for link, target := range map[string]string{"evil.py": filepath.Join(outside, "load.py"), "vendor": filepath.Join(outside, "pkg")} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	r := pyguard(t, dir, "", "scan", "--fix", "--unsafe-fixes", "--format", "json").wantCode(t, 0)
	rep := decode(t, r.stdout)
	want := "symlink to " + filepath.Join(outside, "load.py") + ", outside the scanned tree: not followed"
	if len(rep.Errors) != 1 || rep.Errors[0].Path != "evil.py" || rep.Errors[0].Message != want {
		t.Errorf("errors %+v, want evil.py: %s", rep.Errors, want)
	}
	if rep.FilesScanned != 1 || !strings.Contains(r.stderr, "applied 1 fix in 1 file") {
		t.Errorf("scanned %d files; stderr %q", rep.FilesScanned, r.stderr)
	}
	for _, p := range []string{filepath.Join(outside, "load.py"), filepath.Join(outside, "pkg/mod.py")} {
		if b, _ := os.ReadFile(p); string(b) != srcAIML173 {
			t.Errorf("%s outside the tree was changed:\n%s", p, b)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "app.py")); string(b) == srcAIML173 {
		t.Error("app.py was not fixed")
	}
}

// A symlink named on the command line is followed: its target is fixed
// and the link stays a link.
func TestScanFixNamedSymlink(t *testing.T) {
	outside := project(t, map[string]string{"load.py": srcAIML173})
	dir := project(t, nil)
	link := filepath.Join(dir, "load.py")
	if err := os.Symlink(filepath.Join(outside, "load.py"), link); err != nil {
		t.Fatal(err)
	}
	r := pyguard(t, dir, "", "scan", "--fix", "--unsafe-fixes", "load.py").wantCode(t, 0)
	if !strings.Contains(r.stderr, "applied 1 fix in 1 file") {
		t.Errorf("stderr %q", r.stderr)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced (%v)", err)
	}
	if b, _ := os.ReadFile(filepath.Join(outside, "load.py")); string(b) != strings.Replace(srcAIML173, `"ignore"`, `"error"`, 1) {
		t.Errorf("target:\n%s", b)
	}
}
