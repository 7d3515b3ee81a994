package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// git runs git in dir with a fixed identity and no user configuration.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

type lineRef struct {
	Path string
	Line int
}

func found(rep jsonReport) []lineRef {
	out := []lineRef{}
	for _, f := range rep.Findings {
		out = append(out, lineRef{filepath.ToSlash(f.Path), f.Line})
	}
	return out
}

func TestScanDiff(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := project(t, map[string]string{
		"pkg/load.py":  srcAIML173 + "a = 1\nb = 2\n",
		"pkg/old.py":   srcAIML173,
		"untouched.py": srcAIML173,
		"gone.py":      srcAIML173,
	})
	git(t, dir, "init", "-q")
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "base")

	// Modify: line 4 stays, line 5 is deleted and a second finding is
	// added as line 6; a rename with an added line; a deletion; a new file.
	call := `warnings.filterwarnings("ignore", category=InconsistentVersionWarning)`
	os.WriteFile(filepath.Join(dir, "pkg/load.py"), []byte(srcAIML173+"b = 2\n"+call+"\n"), 0o644)
	git(t, dir, "mv", "pkg/old.py", "pkg/new.py")
	os.WriteFile(filepath.Join(dir, "pkg/new.py"), []byte(srcAIML173+call+"\n"), 0o644)
	git(t, dir, "rm", "-q", "gone.py")
	os.WriteFile(filepath.Join(dir, "fresh.py"), []byte(srcAIML161), 0o644)
	git(t, dir, "add", "-A")
	diff := git(t, dir, "diff", "--cached", "-M")

	want := []lineRef{{"fresh.py", 8}, {"pkg/load.py", 6}, {"pkg/new.py", 5}}
	r := pyguard(t, dir, diff, "scan", "--format", "json", "--diff", "-").wantCode(t, 1)
	rep := decode(t, r.stdout)
	if got := found(rep); !reflect.DeepEqual(got, want) {
		t.Errorf("--diff -: %v, want %v", got, want)
	}
	if rep.FilesScanned != 3 {
		t.Errorf("files_scanned %d: files outside the diff must not be analysed", rep.FilesScanned)
	}

	// From a file, and from a subdirectory: git diff paths are relative to
	// the repository root, scanned paths to the working directory.
	patch := filepath.Join(t.TempDir(), "change.diff")
	os.WriteFile(patch, []byte(diff), 0o644)
	sub := filepath.Join(dir, "pkg")
	rep = scanJSON(t, sub, 1, "--diff", patch, ".")
	if got := found(rep); !reflect.DeepEqual(got, []lineRef{{"load.py", 6}, {"new.py", 5}}) {
		t.Errorf("from pkg/: %v", got)
	}
	// Absolute and ./ operands match diff paths too.
	rep = scanJSON(t, dir, 1, "--diff", patch, filepath.Join(dir, "pkg", "load.py"), "./fresh.py")
	if len(rep.Findings) != 2 {
		t.Errorf("absolute/./ operands: %v", found(rep))
	}

	// An empty diff keeps nothing.
	if rep := scanJSON(t, dir, 0, "--diff", os.DevNull); len(rep.Findings) != 0 || rep.FilesScanned != 0 {
		t.Errorf("empty diff: %v", found(rep))
	}
	// Not a diff, or no such file: usage error.
	if r := pyguard(t, dir, "hello\n", "scan", "--diff", "-").wantCode(t, 2); !strings.Contains(r.stderr, "--diff") {
		t.Errorf("stderr %q", r.stderr)
	}
	pyguard(t, dir, "", "scan", "--diff", "nope.diff").wantCode(t, 2)
}
