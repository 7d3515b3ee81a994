package config

import (
	"errors"
	"path"
	"path/filepath"
	"strings"
)

// glob is one paths.exclude pattern, split into slash-separated segments.
// Segments use path.Match syntax; "**" matches any number of directories.
// As in .gitignore, a pattern without a slash matches at any depth, and a
// pattern matching a directory excludes everything below it.
type glob []string

func compileGlob(p string) (glob, error) {
	p = strings.TrimPrefix(filepath.ToSlash(p), "./")
	p = strings.Trim(p, "/")
	if p == "" {
		return nil, errors.New("empty pattern")
	}
	segs := strings.Split(p, "/")
	for _, s := range segs {
		if _, err := path.Match(s, ""); err != nil {
			return nil, errors.New("malformed glob pattern")
		}
	}
	if len(segs) == 1 && segs[0] != "**" {
		segs = append([]string{"**"}, segs...)
	}
	return segs, nil
}

// Excluded reports whether path, relative to the configuration's Root (or
// to the repository root for the GitHub App), matches paths.exclude.
func (c *Config) Excluded(p string) bool {
	if len(c.excludes) == 0 {
		return false
	}
	p = path.Clean(filepath.ToSlash(p))
	if p == "." || p == ".." || strings.HasPrefix(p, "../") || path.IsAbs(p) {
		return false
	}
	segs := strings.Split(p, "/")
	for _, g := range c.excludes {
		// A match on any leading directories excludes the whole subtree.
		for n := len(segs); n > 0; n-- {
			if matchSegments(g, segs[:n]) {
				return true
			}
		}
	}
	return false
}

// matchSegments matches by dynamic programming, so patterns with many "**"
// cannot take exponential time: ok[j] says whether pat[i:] matches segs[j:].
func matchSegments(pat, segs []string) bool {
	ok := make([]bool, len(segs)+1)
	ok[len(segs)] = true // the empty pattern matches only the empty path
	for i := len(pat) - 1; i >= 0; i-- {
		next := make([]bool, len(segs)+1)
		if pat[i] == "**" {
			// "**" consumes zero segments (ok[j]) or one more (next[j+1]).
			next[len(segs)] = ok[len(segs)]
			for j := len(segs) - 1; j >= 0; j-- {
				next[j] = ok[j] || next[j+1]
			}
		} else {
			for j := len(segs) - 1; j >= 0; j-- {
				m, _ := path.Match(pat[i], segs[j])
				next[j] = m && ok[j+1]
			}
		}
		ok = next
	}
	return ok[0]
}
