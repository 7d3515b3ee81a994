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
