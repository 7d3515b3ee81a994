package scan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"unicode/utf8"
)

var (
	errNotRegular = errors.New("not a regular file")
	errNotPython  = errors.New("not a Python file: only .py files are analysed")
	errBinary     = errors.New("binary file (contains NUL bytes)")
)

// source is a file's content and the stat it was read with.
type source struct {
	src  []byte
	info fs.FileInfo
}

// readSource reads a file for analysis, refusing what is not a Python
// source: non-regular files, files over MaxFileSize (before reading them),
// binary and non-UTF-8 content.
func readSource(path string) (*source, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() { // opening a FIFO would block
		return nil, errNotRegular
	}
	if fi.Size() > MaxFileSize {
		return nil, tooLarge(fi.Size())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The file may grow after the stat; never read more than the limit.
	src, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(src) > MaxFileSize {
		return nil, tooLarge(int64(len(src)))
	}
	if bytes.IndexByte(src, 0) >= 0 {
		return nil, errBinary
	}
	if !utf8.Valid(src) {
		return nil, notUTF8(src)
	}
	return &source{src: src, info: fi}, nil
}

func tooLarge(size int64) error {
	return fmt.Errorf("file too large: %d bytes (the limit is %d MiB)", size, MaxFileSize>>20)
}

// notUTF8 names the position of the first invalid byte.
func notUTF8(src []byte) error {
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return fmt.Errorf("not valid UTF-8: invalid byte 0x%02x at line %d, column %d", src[i], line, col)
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col += size
		}
		i += size
	}
	return errors.New("not valid UTF-8")
}

// describeError words an error for the errors list, without repeating
// the path that the entry already carries.
func describeError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(pe.Err, fs.ErrNotExist):
			return "no such file or directory"
		case errors.Is(pe.Err, fs.ErrPermission):
			return "permission denied"
		}
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}
