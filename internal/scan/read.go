package scan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/pyguard/pyguard/internal/pysource"
)

var (
	errNotRegular = errors.New("not a regular file")
	errNotPython  = errors.New("not a Python file: only .py files are analysed")
	errBinary     = errors.New("binary file (contains NUL bytes)")
)

// source is a file's content, as UTF-8 text, and the stat it was read with.
type source struct {
	src  []byte
	info fs.FileInfo
	// encoding is the encoding the file was decoded from (its PEP 263
	// declaration) when decoding changed its bytes, or "".
	encoding string
}

// encode turns (fixed) text back into the file's bytes, in the encoding it
// was read in.
func (s *source) encode(text []byte) ([]byte, error) {
	if s.encoding == "" {
		return text, nil
	}
	out, err := pysource.Encode(text, s.encoding)
	if err != nil {
		return nil, fmt.Errorf("the fixed file cannot be written in its encoding: %w", err)
	}
	return out, nil
}

// readSource reads a file for analysis, refusing what is not a Python
// source: non-regular files, files over MaxFileSize (before reading them),
// binary content, and text that is neither UTF-8 nor in the encoding its
// PEP 263 declaration names. Declared encodings are decoded to UTF-8
// (pysource.Decode), with the same lines.
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
	text, err := pysource.Decode(src)
	if err != nil {
		return nil, err
	}
	s := &source{src: text, info: fi}
	if !bytes.Equal(text, src) {
		s.encoding, _ = pysource.Encoding(src)
	}
	return s, nil
}

func tooLarge(size int64) error {
	return fmt.Errorf("file too large: %d bytes (the limit is %d MiB)", size, MaxFileSize>>20)
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
