package scan

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// writeAtomic replaces the file at path with data: a temporary file in the
// same directory, renamed over the target, so readers never see half a
// file. A symlink's target is replaced, not the link. The file keeps its
// mode; it is not written when it changed since it was read (as read).
func writeAtomic(path string, data []byte, read fs.FileInfo) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	now, err := os.Stat(target)
	if err != nil {
		return err
	}
	if now.Size() != read.Size() || !now.ModTime().Equal(read.ModTime()) {
		return errors.New("the file changed during the scan")
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".pyguard-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename this fails harmlessly
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(now.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), target)
}
