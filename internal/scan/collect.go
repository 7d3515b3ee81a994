package scan

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/pyguard/pyguard/internal/report"
)

// skipDirs are never walked into (they may still be named explicitly).
var skipDirs = map[string]bool{
	".git": true, "venv": true, ".venv": true, "node_modules": true, "site-packages": true, "__pycache__": true,
}

// collect expands operands into the .py files to analyse, in operand
// order, each file once. Directories are walked in lexical order without
// following symlinked directories; explicitly named files are taken as
// given but must be .py files.
func collect(operands []string, exclude func(string) bool) (files []string, errs []report.FileError, missing []string) {
	seen := map[string]bool{}
	// Files are told apart by their resolved path, so that a file reached
	// twice (an operand inside a walked directory, a symlink) is analysed,
	// and fixed, once.
	add := func(p string) {
		key, err := filepath.EvalSymlinks(p)
		if err == nil {
			key, err = filepath.Abs(key)
		}
		if err != nil {
			key = p
		}
		if !seen[key] {
			seen[key] = true
			files = append(files, p)
		}
	}
	excluded := func(p string) bool { return exclude != nil && exclude(p) }
	fail := func(p string, err error) { errs = append(errs, report.FileError{Path: p, Message: describeError(err)}) }

	for _, op := range operands {
		fi, err := os.Stat(op)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			missing = append(missing, op)
			fail(op, err)
		case err != nil:
			fail(op, err)
		case fi.IsDir():
			// WalkDir does not follow a symlinked root unless it ends in a
			// separator; a named directory is walked even through a link.
			root := op
			if li, err := os.Lstat(op); err == nil && li.Mode()&fs.ModeSymlink != 0 {
				root += string(filepath.Separator)
			}
			walk(root, excluded, add, fail)
		case excluded(op):
		case !fi.Mode().IsRegular():
			fail(op, errNotRegular)
		case !isPython(op):
			fail(op, errNotPython)
		default:
			add(op)
		}
	}
	return files, errs, missing
}

func walk(root string, excluded func(string) bool, add func(string), fail func(string, error)) {
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			fail(p, err)
			return nil // WalkDir skips an unreadable directory itself
		}
		if d.IsDir() {
			if p != root && (skipDirs[d.Name()] || excluded(p)) {
				return filepath.SkipDir
			}
			return nil
		}
		if !isPython(p) || excluded(p) {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			switch {
			case err != nil:
				fail(p, err)
				return nil
			case fi.IsDir(): // not followed: symlinked trees may loop
				return nil
			case !fi.Mode().IsRegular():
				fail(p, errNotRegular)
				return nil
			}
		} else if !d.Type().IsRegular() {
			fail(p, errNotRegular)
			return nil
		}
		add(p)
		return nil
	})
}

func isPython(p string) bool { return strings.HasSuffix(p, ".py") }
