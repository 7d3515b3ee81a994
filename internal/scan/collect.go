package scan

import (
	"errors"
	"fmt"
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
// order, each file once. Explicitly named files are taken as given (a
// named symlink is followed) but must be .py files. Directories are walked
// in lexical order; what the walk finds is followed only while it stays
// in the tree:
//   - symlinked directories are never followed (trees may loop);
//   - a symlinked file is followed only when its target lies inside the
//     walked directory, and is then treated as that target: a file reached
//     both directly and through links is listed once, under its own name,
//     and an alias of a skipped or excluded file is skipped with it;
//   - a symlinked file that leads out of the tree is reported, not read.
//
// Fixes are written to the file that was read (see writeAtomic), so these
// rules are also what keeps `scan --fix` inside the tree.
func collect(operands []string, exclude func(string) bool) (files []string, errs []report.FileError, missing []string) {
	c := &collector{exclude: exclude, index: map[string]int{}}
	for _, op := range operands {
		fi, err := os.Stat(op)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			c.missing = append(c.missing, op)
			c.fail(op, err)
		case err != nil:
			c.fail(op, err)
		case fi.IsDir():
			c.walk(op)
		case c.excluded(op):
		case !fi.Mode().IsRegular():
			c.fail(op, errNotRegular)
		case !isPython(op):
			c.fail(op, errNotPython)
		default:
			c.add(op, false)
		}
	}
	return c.files, c.errs, c.missing
}

type collector struct {
	exclude func(string) bool
	files   []string
	// viaLink[i] says that files[i] is a symlink the walk found; a direct
	// path to the same file replaces it.
	viaLink []bool
	index   map[string]int // resolved absolute path -> position in files
	errs    []report.FileError
	missing []string
}

// add lists p unless the file it resolves to is listed already.
func (c *collector) add(p string, viaLink bool) {
	key, err := resolve(p)
	if err != nil {
		key = p
	}
	if i, ok := c.index[key]; ok {
		if c.viaLink[i] && !viaLink {
			c.files[i], c.viaLink[i] = p, false
		}
		return
	}
	c.index[key] = len(c.files)
	c.files = append(c.files, p)
	c.viaLink = append(c.viaLink, viaLink)
}

func (c *collector) fail(p string, err error) {
	c.errs = append(c.errs, report.FileError{Path: p, Message: describeError(err)})
}

func (c *collector) excluded(p string) bool { return c.exclude != nil && c.exclude(p) }

// tree is a directory operand being walked.
type tree struct {
	root string // as walked
	real string // resolved and absolute: the boundary symlinks may not cross
}

// walk walks a directory operand. A named directory is walked even when
// it is a symlink: its tree is then the target's.
func (c *collector) walk(op string) {
	real, err := resolve(op)
	if err != nil {
		c.fail(op, err)
		return
	}
	t := tree{root: op, real: real}
	// WalkDir does not follow a symlinked root unless it ends in a separator.
	if li, err := os.Lstat(op); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		t.root += string(filepath.Separator)
	}
	filepath.WalkDir(t.root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			c.fail(p, err)
			return nil // WalkDir skips an unreadable directory itself
		}
		if d.IsDir() {
			if p != t.root && (skipDirs[d.Name()] || c.excluded(p)) {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case !isPython(p) || c.excluded(p):
		case d.Type()&fs.ModeSymlink != 0:
			c.walkedLink(t, p)
		case !d.Type().IsRegular():
			c.fail(p, errNotRegular)
		default:
			c.add(p, false)
		}
		return nil
	})
}

// walkedLink decides about a symlink the walk found.
func (c *collector) walkedLink(t tree, p string) {
	fi, err := os.Stat(p)
	if err != nil {
		c.fail(p, err)
		return
	}
	if fi.IsDir() {
		return // not followed: symlinked trees may loop
	}
	target, err := resolve(p)
	if err != nil {
		c.fail(p, err)
		return
	}
	rel, inside := t.contains(target)
	switch {
	case !inside:
		c.fail(p, outsideTree(p))
	case !fi.Mode().IsRegular():
		c.fail(p, errNotRegular)
	case c.skipped(t, rel):
	default:
		c.add(p, true)
	}
}

// contains reports whether the resolved path lies inside the tree, and
// where.
func (t tree) contains(resolved string) (rel string, ok bool) {
	rel, err := filepath.Rel(t.real, resolved)
	return rel, err == nil && filepath.IsLocal(rel)
}

// skipped reports whether the walk would skip the file at rel inside t
// (a skipped directory or an excluded path on the way).
func (c *collector) skipped(t tree, rel string) bool {
	dirs := strings.Split(filepath.Dir(rel), string(filepath.Separator))
	for _, d := range dirs {
		if skipDirs[d] {
			return true
		}
	}
	return c.excluded(filepath.Join(t.root, rel))
}

// outsideTree says where a link leads, as written in the link, so that
// the entry can be checked without the machine's absolute paths.
func outsideTree(link string) error {
	to, err := os.Readlink(link)
	if err != nil {
		return errors.New("symlink to a file outside the scanned tree: not followed")
	}
	return fmt.Errorf("symlink to %s, outside the scanned tree: not followed", to)
}

// resolve is the absolute path p names once every symlink is followed.
func resolve(p string) (string, error) {
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", err
	}
	return filepath.Abs(real)
}

func isPython(p string) bool { return strings.HasSuffix(p, ".py") }
