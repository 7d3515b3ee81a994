package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/pyguard/pyguard/internal/diffscope"
)

// maxDiffSize bounds what --diff reads.
const maxDiffSize = 256 << 20

// loadDiffScope reads the --diff file ("-" is stdin).
func loadDiffScope(std stdio, name, cwd string) (*diffScope, error) {
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(io.LimitReader(std.in, maxDiffSize+1))
	} else {
		var f *os.File
		if f, err = os.Open(name); err == nil {
			data, err = io.ReadAll(io.LimitReader(f, maxDiffSize+1))
			f.Close()
		}
	}
	if err != nil {
		return nil, fmt.Errorf("--diff: %w", err)
	}
	if len(data) > maxDiffSize {
		return nil, fmt.Errorf("--diff: larger than %d MiB", maxDiffSize>>20)
	}
	s, err := diffscope.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("--diff: %w", err)
	}
	bases := []string{cwd}
	if top := gitTopLevel(cwd); top != "" && top != cwd {
		bases = append(bases, top)
	}
	return &diffScope{scope: s, bases: bases}, nil
}

// diffScope matches scanned paths against diff paths. A diff's paths are
// relative to the repository root (git diff) or to the directory it was
// made in; a scanned path matches when it names the same file relative to
// the working directory or to the enclosing git repository's root.
type diffScope struct {
	scope *diffscope.Scope
	bases []string // absolute
}

func (d *diffScope) Has(path string) bool {
	for _, k := range d.keys(path) {
		if d.scope.Has(k) {
			return true
		}
	}
	return false
}

func (d *diffScope) Contains(path string, line int) bool {
	for _, k := range d.keys(path) {
		if d.scope.Contains(k, line) {
			return true
		}
	}
	return false
}

func (d *diffScope) keys(path string) []string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return []string{path}
	}
	var out []string
	for _, b := range d.bases {
		if rel, err := filepath.Rel(b, abs); err == nil {
			out = append(out, rel)
		}
	}
	return out
}

// gitTopLevel is the nearest directory upward from dir holding .git (a
// directory, or a file in worktrees and submodules), or "".
func gitTopLevel(dir string) string {
	for {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
