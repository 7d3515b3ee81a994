package scan

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"unicode/utf8"
)

// errChanged refuses a write that would lose someone else's edit.
var errChanged = errors.New("the file changed since it was read; scan it again")

// writeAtomic replaces the file at path with data, so that readers see
// the old file or the new one, never part of either. It replaces only the
// file that was read (read is its stat at the time) and only where it was
// found:
//   - path is resolved once (collect decided which symlinks may be
//     followed); everything after that happens through a handle on the
//     directory holding the resolved file, which no symlink can lead out
//     of, and the final rename replaces that directory entry, never the
//     target of a symlink put there meanwhile;
//   - the file must still be a regular file the user may write, the same
//     file as read, with the same size and modification time;
//   - the new content goes to a temporary file in the same directory,
//     with the old file's permissions, and is synced before the rename.
func writeAtomic(path string, data []byte, read fs.FileInfo) error {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	dir, name := filepath.Split(real)
	if dir == "" {
		dir = "."
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()

	cur, err := checkUnchanged(root, name, read)
	if err != nil {
		return err
	}
	tmp, tmpName, err := createTemp(root, name)
	if err != nil {
		return fmt.Errorf("cannot create a file in %s: %s", filepath.Clean(dir), describeError(err))
	}
	defer root.Remove(tmpName) // fails harmlessly after the rename
	if err := fill(tmp, data, cur.Mode().Perm()); err != nil {
		return err
	}
	// The file may have been edited while the new one was written.
	if _, err := checkUnchanged(root, name, read); err != nil {
		return err
	}
	if err := root.Rename(tmpName, name); err != nil {
		return err
	}
	syncDir(root)
	return nil
}

// checkUnchanged opens the file for writing, without writing, to learn
// that the user may write it (replacing it by a rename would not need
// that), and checks through the open file that it is the one read.
func checkUnchanged(root *os.Root, name string, read fs.FileInfo) (fs.FileInfo, error) {
	if fi, err := root.Lstat(name); err != nil {
		return nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, errNotRegular
	}
	// O_NONBLOCK: should a FIFO take the file's place, opening must not hang.
	f, err := root.OpenFile(name, os.O_WRONLY|syscall.O_NONBLOCK, 0)
	if errors.Is(err, fs.ErrPermission) {
		return nil, errors.New("the file is not writable (permission denied)")
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cur, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !cur.Mode().IsRegular() {
		return nil, errNotRegular
	}
	if !os.SameFile(cur, read) || cur.Size() != read.Size() || !cur.ModTime().Equal(read.ModTime()) {
		return nil, errChanged
	}
	return cur, nil
}

// createTemp creates a new hidden file next to name. Its name starts with
// name's (shortened, so that it fits the file system's limit), so that
// one left by a crash is recognisable. It returns the file and its name
// in root (f.Name() is the path through the root).
func createTemp(root *os.Root, name string) (f *os.File, tmpName string, err error) {
	prefix := "." + shorten(name, 64) + ".pyguard-"
	for {
		tmpName = prefix + strconv.FormatUint(rand.Uint64(), 36)
		f, err = root.OpenFile(tmpName, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if !errors.Is(err, fs.ErrExist) {
			return f, tmpName, err
		}
	}
}

// fill writes data to f with the given permissions (set after creating
// the file, so that the umask does not change them) and closes it.
func fill(f *os.File, data []byte, perm fs.FileMode) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Chmod(perm)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes the rename durable where the platform allows; the file
// is already complete either way, so failures are ignored.
func syncDir(root *os.Root) {
	if d, err := root.Open("."); err == nil {
		d.Sync()
		d.Close()
	}
}

// shorten cuts s to at most n bytes without splitting a character.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
