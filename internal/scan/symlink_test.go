package scan

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/pyguard/pyguard/analyzer"
)

// Every call is fixed to "g": any file that is analysed with Fix changes.
var fixCalls = []*analyzer.Rule{callRule("TEST1", "g")}

// base/proj is the scanned tree; base/out holds what it must not touch.
func outsideAndIn(t *testing.T) (proj, out string) {
	t.Helper()
	base := t.TempDir()
	proj, out = filepath.Join(base, "proj"), filepath.Join(base, "out")
	write(t, base, map[string]string{"proj/app.py": "f()\n", "out/secret.py": "f()\n", "out/pkg/mod.py": "f()\n"})
	chdir(t, proj)
	return proj, out
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

func wantContent(t *testing.T, path, want string) {
	t.Helper()
	if b, err := os.ReadFile(path); err != nil || string(b) != want {
		t.Errorf("%s is %q (%v), want %q", path, b, err, want)
	}
}

func wantSymlink(t *testing.T, path string) {
	t.Helper()
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("%s is no longer a symlink (%v)", path, err)
	}
}

func errorsByPath(res *Result) map[string]string {
	m := map[string]string{}
	for _, e := range res.Errors {
		m[e.Path] = e.Message
	}
	return m
}

func TestFixDoesNotFollowSymlinksOutOfTheTree(t *testing.T) {
	_, out := outsideAndIn(t)
	symlink(t, "../out/secret.py", "up.py")
	symlink(t, filepath.Join(out, "secret.py"), "abs.py")
	symlink(t, "../out/pkg", "vendor")
	symlink(t, out, "outdir")

	res := mustRun(t, nil, Options{Rules: fixCalls, Fix: true})
	if res.FilesScanned != 1 || res.FilesFixed != 1 {
		t.Errorf("scanned %d, fixed %d files: want app.py alone", res.FilesScanned, res.FilesFixed)
	}
	for _, f := range res.Findings {
		t.Errorf("finding in %s", f.Path)
	}
	want := map[string]string{
		"up.py":  "symlink to ../out/secret.py, outside the scanned tree: not followed",
		"abs.py": "symlink to " + filepath.Join(out, "secret.py") + ", outside the scanned tree: not followed",
	}
	if got := errorsByPath(res); len(got) != len(want) || got["up.py"] != want["up.py"] || got["abs.py"] != want["abs.py"] {
		t.Errorf("errors %v, want %v", got, want)
	}
	wantContent(t, "app.py", "g\n")
	wantContent(t, filepath.Join(out, "secret.py"), "f()\n")
	wantContent(t, filepath.Join(out, "pkg/mod.py"), "f()\n")
	wantSymlink(t, "up.py")
}

// A named symlinked directory is walked, but its tree is the target's: a
// link inside it that leads back out is not followed.
func TestSymlinkedOperandTreeIsItsTarget(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	write(t, dir, map[string]string{"a.py": "f()\n", "pkg/b.py": "f()\n"})
	symlink(t, "pkg", "linkdir")
	symlink(t, "../a.py", "pkg/same.py")

	res := mustRun(t, []string{"linkdir"}, Options{Rules: fixCalls, Fix: true})
	if got := errorsByPath(res); len(got) != 1 || got["linkdir/same.py"] != "symlink to ../a.py, outside the scanned tree: not followed" {
		t.Errorf("errors %v", got)
	}
	wantContent(t, "pkg/b.py", "g\n")
	wantContent(t, "a.py", "f()\n")
}

// A link to a file in the tree is that file: analysed once, under its own
// name when the walk reaches it, and fixed there; the link stays a link.
func TestSymlinkInsideTheTreeIsItsTarget(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	write(t, dir, map[string]string{"z.py": "f()\n", "data/real.txt": "f()\n", "venv/lib/v.py": "f()\n", "build/gen.py": "f()\n"})
	symlink(t, "z.py", "a_first.py")           // walked before z.py
	symlink(t, "data/real.txt", "alias.py")    // the only .py name of real.txt
	symlink(t, "venv/lib/v.py", "vendored.py") // the walk skips venv
	symlink(t, "build/gen.py", "gen.py")       // excluded below

	exclude := func(p string) bool { return strings.HasPrefix(filepath.ToSlash(p), "build") }
	res := mustRun(t, nil, Options{Rules: fixCalls, Fix: true, Exclude: exclude})
	var paths []string
	for _, f := range res.Findings {
		paths = append(paths, f.Path)
	}
	// After fixing, "g" is not a call: no findings are left.
	if len(paths) != 0 || res.FilesScanned != 2 || res.FilesFixed != 2 || len(res.Errors) != 0 {
		t.Fatalf("findings %v, scanned %d, fixed %d, errors %v", paths, res.FilesScanned, res.FilesFixed, res.Errors)
	}
	wantContent(t, "z.py", "g\n")
	wantContent(t, "data/real.txt", "g\n")
	wantContent(t, "venv/lib/v.py", "f()\n")
	wantContent(t, "build/gen.py", "f()\n")
	for _, l := range []string{"a_first.py", "alias.py", "vendored.py", "gen.py"} {
		wantSymlink(t, l)
	}

	// A file is listed under its own name even when a link to it is
	// walked first, in the link's place.
	files, _, _ := collect([]string{"."}, exclude)
	if got := strings.Join(files, " "); got != "z.py alias.py" {
		t.Errorf("collected %s, want z.py alias.py", got)
	}
}

// A symlink named on the command line is followed wherever it leads, but
// only to a regular file, and is kept as a link.
func TestFixThroughNamedSymlink(t *testing.T) {
	_, out := outsideAndIn(t)
	symlink(t, "../out/secret.py", "named.py")
	res := mustRun(t, []string{"named.py"}, Options{Rules: fixCalls, Fix: true})
	if res.FilesFixed != 1 || len(res.Errors) != 0 {
		t.Errorf("fixed %d, errors %v", res.FilesFixed, res.Errors)
	}
	wantContent(t, filepath.Join(out, "secret.py"), "g\n")
	wantSymlink(t, "named.py")

	if err := syscall.Mkfifo(filepath.Join(out, "pipe"), 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	symlink(t, "../out/pipe", "pipe.py")
	res = mustRun(t, []string{"pipe.py"}, Options{Rules: fixCalls, Fix: true})
	if got := errorsByPath(res); got["pipe.py"] != "not a regular file" {
		t.Errorf("errors %v", got)
	}
}

// An edit made while the scan runs is kept: the fixes are not written.
func TestFixRefusesFileChangedSinceRead(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	write(t, dir, map[string]string{"a.py": "f()\n"})
	edit := callRule("TEST1", "g")
	var once sync.Once
	fix := edit.Check
	edit.Check = func(p *analyzer.Pass, n *analyzer.Node) {
		once.Do(func() { // between the read and the write
			if err := os.WriteFile("a.py", []byte("f()\n# edited meanwhile\n"), 0o644); err != nil {
				t.Error(err)
			}
		})
		fix(p, n)
	}
	res := mustRun(t, nil, Options{Rules: []*analyzer.Rule{edit}, Fix: true})
	if got := errorsByPath(res); got["a.py"] != "fixes not written: the file changed since it was read; scan it again" {
		t.Errorf("errors %v", got)
	}
	if res.FixesApplied != 0 || res.FilesFixed != 0 {
		t.Errorf("counted %d fixes in %d files", res.FixesApplied, res.FilesFixed)
	}
	wantContent(t, "a.py", "f()\n# edited meanwhile\n")
	noTempFiles(t, dir)
}

// Replacements that keep size and modification time are still noticed,
// and a symlink put in the file's place is not written through.
func TestWriteAtomicChecksItIsTheFileRead(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	write(t, dir, map[string]string{"a.py": "f()\n", "other/b.py": "x()\n"})
	read := stat(t, "a.py")

	// An editor saving by rename: a new file, same size, same mtime.
	write(t, dir, map[string]string{"new.py": "h()\n"})
	os.Chtimes("new.py", time.Time{}, read.ModTime())
	os.Rename("new.py", "a.py")
	if err := writeAtomic("a.py", []byte("g\n"), read); !errors.Is(err, errChanged) {
		t.Errorf("renamed over: %v", err)
	}
	wantContent(t, "a.py", "h()\n")

	read = stat(t, "a.py")
	os.Remove("a.py")
	symlink(t, "other/b.py", "a.py")
	if err := writeAtomic("a.py", []byte("g\n"), read); !errors.Is(err, errChanged) {
		t.Errorf("swapped for a symlink: %v", err)
	}
	wantContent(t, "other/b.py", "x()\n")
	noTempFiles(t, dir)
	noTempFiles(t, filepath.Join(dir, "other"))
}

// The temporary file's name must fit the file system's limit (255 bytes)
// whatever the file is called.
func TestFixLongFileName(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	name := strings.Repeat("é", 120) + ".py" // 243 bytes
	write(t, dir, map[string]string{name: "f()\n"})
	os.Chmod(name, 0o640)
	res := mustRun(t, nil, Options{Rules: fixCalls, Fix: true})
	if res.FilesFixed != 1 || len(res.Errors) != 0 {
		t.Fatalf("fixed %d, errors %v", res.FilesFixed, res.Errors)
	}
	wantContent(t, name, "g\n")
	if fi := stat(t, name); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v not kept", fi.Mode())
	}
}

// Permissions are respected and reported: a directory where no file can
// be created, a read-only file. Root ignores permissions, so as root the
// test runs again as an unprivileged user.
func TestFixPermissionDenied(t *testing.T) {
	if os.Getuid() == 0 {
		rerunUnprivileged(t)
		return
	}
	dir := t.TempDir()
	chdir(t, dir)
	write(t, dir, map[string]string{"ro/a.py": "f()\n", "b.py": "f()\n", "c.py": "f()\n"})
	os.Chmod("b.py", 0o444)
	os.Chmod("ro", 0o555)
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, "ro"), 0o755) })

	res := mustRun(t, nil, Options{Rules: fixCalls, Fix: true})
	want := map[string]string{
		"ro/a.py": "fixes not written: cannot create a file in ro: permission denied",
		"b.py":    "fixes not written: the file is not writable (permission denied)",
	}
	if got := errorsByPath(res); len(got) != 2 || got["ro/a.py"] != want["ro/a.py"] || got["b.py"] != want["b.py"] {
		t.Errorf("errors %v, want %v", got, want)
	}
	if res.FilesFixed != 1 {
		t.Errorf("fixed %d files, want c.py alone", res.FilesFixed)
	}
	wantContent(t, "ro/a.py", "f()\n")
	wantContent(t, "b.py", "f()\n")
	wantContent(t, "c.py", "g\n")
}

// rerunUnprivileged runs the current test in a copy of the test binary as
// user and group 65534 (nobody), and fails when it does.
func rerunUnprivileged(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "pyguard-unprivileged-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	copyBin := filepath.Join(dir, "scan.test")
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(copyBin, bin, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(copyBin, "-test.run=^"+t.Name()+"$", "-test.v")
	cmd.Dir = dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if errors.Is(err, syscall.EPERM) {
		t.Skip("cannot run as an unprivileged user:", err)
	}
	if err != nil || !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("as user 65534: %v\n%s", err, out)
	}
}

func stat(t *testing.T, p string) os.FileInfo {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi
}

func noTempFiles(t *testing.T, dir string) {
	t.Helper()
	if left, _ := filepath.Glob(filepath.Join(dir, ".*pyguard*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
