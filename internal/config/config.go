// Package config reads a repository's .pyguard.yml: which rules run, which
// paths are skipped, and how the GitHub App reports (gate, suggestions,
// comment budget, files it could not analyse).
package config

import (
	"fmt"
	"os"
	"path/filepath"
)

// FileName is the configuration file looked up in a repository.
const FileName = ".pyguard.yml"

// Never is the FailOn value for a gate that no finding fails.
const Never = "never"

// Config is a validated .pyguard.yml. The zero value is not valid; use
// Default, Parse or Load.
type Config struct {
	// FailOn is the check-run gate: critical, high, medium, low or never.
	FailOn string
	// Select and Ignore are rule IDs or ID prefixes (upper case).
	Select, Ignore []string
	// Exclude are path globs relative to Root; see Excluded.
	Exclude []string
	// Suggestions is which fixes become suggestion blocks: SuggestAll,
	// SuggestSafe or SuggestNone.
	Suggestions string
	// MaxComments bounds inline comments per push.
	MaxComments int
	// SkippedFiles is what a changed Python file the App could not analyse
	// (or not fully) does to the check run: SkippedFail or SkippedWarn.
	SkippedFiles string
	// Root is the directory the file was loaded from; Exclude globs are
	// relative to it. Empty for Default and Parse.
	Root string

	excludes []glob
}

// Defaults, as documented in CONTRACT.md.
const (
	DefaultFailOn      = "high"
	DefaultSuggestions = SuggestAll
	DefaultMaxComments = 50
	DefaultSkipped     = SkippedFail
)

// Values of SkippedFiles. A file that was not analysed may hold anything,
// so by default it fails the check: a pull request cannot pass the gate by
// making its files too large or unreadable.
const (
	SkippedFail = "fail" // the check run fails, listing the files
	SkippedWarn = "warn" // the check run passes on them, listing the files
)

// Values of Suggestions. A suggestion is applied only when a person clicks
// it, so by default every mechanical fix is offered, unsafe ones labelled.
const (
	SuggestAll  = "all"  // safe and unsafe fixes
	SuggestSafe = "safe" // safe fixes only
	SuggestNone = "none" // no suggestion blocks
)

// Default is the configuration used when a repository has no .pyguard.yml.
func Default() *Config {
	return &Config{FailOn: DefaultFailOn, Suggestions: DefaultSuggestions, MaxComments: DefaultMaxComments, SkippedFiles: DefaultSkipped}
}

// Load reads and validates the file at path. Errors name the file.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	abs, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return nil, err
	}
	c.Root = abs
	return c, nil
}

// FindUp returns the path of the nearest .pyguard.yml in dir or one of its
// ancestors, or "" when there is none.
func FindUp(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		// An ancestor we may not look into is treated like one without
		// the file: the search goes on upward.
		p := filepath.Join(dir, FileName)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}
