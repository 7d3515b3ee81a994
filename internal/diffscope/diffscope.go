// Package diffscope answers "is this line an added line of the change?"
// for a unified diff (git diff output) or for GitHub's per-file patches.
package diffscope

import (
	"bytes"
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/sourcegraph/go-diff/diff"
)

// Scope is the set of added lines per file, keyed by the file's clean,
// slash-separated path on the new side of the diff.
type Scope struct {
	files map[string]map[int]bool
}

// New returns an empty scope; fill it with AddPatch.
func New() *Scope { return &Scope{files: map[string]map[int]bool{}} }

// Parse reads a multi-file unified diff. Deleted files are left out;
// renamed and copied files are keyed by their new name.
func Parse(unified []byte) (*Scope, error) {
	fds, err := diff.ParseMultiFileDiff(unified)
	if err != nil {
		return nil, fmt.Errorf("parse diff: %w", err)
	}
	if len(fds) == 0 && len(bytes.TrimSpace(unified)) > 0 {
		return nil, fmt.Errorf("parse diff: no file headers found (want unified diff output such as git diff's)")
	}
	s := New()
	for _, fd := range fds {
		name, ok := newName(fd)
		if !ok {
			continue
		}
		lines := s.files[name]
		if lines == nil {
			lines = map[int]bool{}
			s.files[name] = lines
		}
		for l := range AddedLines(fd) {
			lines[l] = true
		}
	}
	return s, nil
}

// AddPatch records the added lines of one file's patch, as GitHub's
// pull-request files API gives it (hunks without file headers).
func (s *Scope) AddPatch(file, patch string) error {
	lines, err := ParsePatch(patch)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	s.files[Clean(file)] = lines
	return nil
}

// Contains reports whether line (1-based) of file is an added line.
// file may be relative ("./x.py" matches "x.py") but is not resolved
// against any directory: callers relativise absolute paths first.
func (s *Scope) Contains(file string, line int) bool {
	return s.files[Clean(file)][line]
}

// Has reports whether the diff touches file on its new side, even if only
// by deletions.
func (s *Scope) Has(file string) bool {
	_, ok := s.files[Clean(file)]
	return ok
}

// Files lists the new-side paths in the scope, sorted.
func (s *Scope) Files() []string {
	out := make([]string, 0, len(s.files))
	for f := range s.files {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// AddedLines returns the new-side line numbers of fd's added lines.
func AddedLines(fd *diff.FileDiff) map[int]bool {
	return hunksAddedLines(fd.Hunks)
}

// ParsePatch returns the added lines of a bare patch: one or more hunks
// starting with "@@", as in GitHub's pull-request files API.
func ParsePatch(patch string) (map[int]bool, error) {
	if strings.TrimSpace(patch) == "" {
		return map[int]bool{}, nil
	}
	hunks, err := diff.ParseHunks([]byte(patch))
	if err != nil {
		return nil, fmt.Errorf("parse patch: %w", err)
	}
	return hunksAddedLines(hunks), nil
}

func hunksAddedLines(hunks []*diff.Hunk) map[int]bool {
	added := map[int]bool{}
	for _, h := range hunks {
		line, end := int(h.NewStartLine), int(h.NewStartLine)+int(h.NewLines) // no int32 overflow
		body := bytes.TrimSuffix(h.Body, []byte("\n"))
		if len(body) == 0 {
			continue
		}
		for _, l := range bytes.Split(body, []byte("\n")) {
			if line >= end {
				break // trailing text beyond the hunk's declared length
			}
			switch {
			case len(l) == 0: // a context line whose leading space was stripped
				line++
			case l[0] == '+':
				added[line] = true
				line++
			case l[0] == ' ':
				line++
			}
			// '-' lines exist only on the old side; go-diff has already
			// dropped "\ No newline at end of file" markers.
		}
	}
	return added
}

// newName is fd's path on the new side, without git's "b/" prefix, or
// ok=false for a deleted file.
func newName(fd *diff.FileDiff) (string, bool) {
	orig, name := unquote(fd.OrigName), unquote(fd.NewName)
	if name == "/dev/null" || name == "" {
		return "", false
	}
	// Strip a/ and b/ only when both sides carry them (or one side is
	// /dev/null), so a real top-level directory "b" survives --no-prefix.
	if strings.HasPrefix(name, "b/") && (strings.HasPrefix(orig, "a/") || orig == "/dev/null") {
		name = name[2:]
	}
	return Clean(name), true
}

// unquote undoes git's C-style quoting of unusual file names.
func unquote(name string) string {
	if len(name) >= 2 && name[0] == '"' {
		if u, err := strconv.Unquote(name); err == nil {
			return u
		}
	}
	return name
}

// Clean normalises a path for comparison: slash-separated, no "./".
func Clean(p string) string {
	return path.Clean(filepath.ToSlash(p))
}
