// Package report is PyGuard's scan result and its output formats: text for
// people, JSON per the contract, SARIF 2.1.0 for code scanning, and GitHub
// Actions workflow commands.
package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/pyguard/pyguard/analyzer"
)

// Report is the outcome of one scan.
type Report struct {
	Version      string
	FilesScanned int
	Findings     []Finding   // sorted by path, line, column, rule ID
	Errors       []FileError // sorted by path
	// Notes are files analysed only in part (a syntax error the parser
	// recovered from, or Python 2 syntax); their findings stand.
	Notes []FileNote // sorted by path
	// Rules are the rules that ran; SARIF lists them as the driver's rules.
	Rules []*analyzer.Rule
	// BaseDir is the absolute directory relative paths are relative to
	// (the working directory); SARIF declares it as %SRCROOT%.
	BaseDir string
}

// Finding is one finding in the contract's JSON shape. Rule and Source are
// for the formats that need more than the JSON carries.
type Finding struct {
	RuleID     string   `json:"rule_id"`
	Severity   string   `json:"severity"`
	Title      string   `json:"title"`
	Message    string   `json:"message"`
	Path       string   `json:"path"`
	Line       int      `json:"line"`
	Column     int      `json:"column"`
	EndLine    int      `json:"end_line"`
	EndColumn  int      `json:"end_column"`
	References []string `json:"references"`
	Fix        *Fix     `json:"fix,omitempty"`

	Rule   *analyzer.Rule `json:"-"`
	Source *Source        `json:"-"` // the file as analysed; nil in some tests
}

// Fix is a finding's suggested change. Guidance fixes have no edits.
type Fix struct {
	Applicability string `json:"applicability"`
	Description   string `json:"description"`
	Edits         []Edit `json:"edits,omitempty"`
}

// Edit replaces the text between two positions (1-based lines, 1-based
// byte columns, end exclusive) with NewText.
type Edit struct {
	StartLine   int    `json:"start_line"`
	StartColumn int    `json:"start_column"`
	EndLine     int    `json:"end_line"`
	EndColumn   int    `json:"end_column"`
	NewText     string `json:"new_text"`
}

// FileError is a file that could not be analysed (or a rule that failed on
// it); the scan went on without it.
type FileError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// FileNote says that a file was analysed only in part, and where.
type FileNote struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

// PartialParseNote is the note for a tree that is not clean Python 3, or
// ok=false.
func PartialParseNote(path string, t *analyzer.Tree) (FileNote, bool) {
	line, what, ok := t.SyntaxError()
	if !ok {
		return FileNote{}, false
	}
	return FileNote{Path: path, Line: line, Message: "analysed only in part: " + what + " at line " + strconv.Itoa(line) +
		"; findings cover the code that parses as Python 3"}, true
}

// NewFinding converts an engine finding. t is the tree the finding was
// made on (for edit positions), src the same source for display.
func NewFinding(fd *analyzer.Finding, t *analyzer.Tree, src *Source) Finding {
	r := fd.Rule
	f := Finding{
		RuleID: r.ID, Severity: r.Severity.String(), Title: r.Title, Message: fd.Message,
		Path: fd.Path, Line: fd.Line, Column: fd.Col, EndLine: fd.EndLine, EndColumn: fd.EndCol,
		References: append([]string{}, r.References...),
		Rule:       r, Source: src,
	}
	if fd.Fix != nil {
		f.Fix = &Fix{Applicability: string(fd.Fix.Applicability), Description: fd.Fix.Summary()}
		if fd.Fix.Applicability != analyzer.Guidance {
			for _, e := range fd.Fix.Edits {
				sl, sc := t.Position(e.Start)
				el, ec := t.Position(e.End)
				f.Fix.Edits = append(f.Fix.Edits, Edit{StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec, NewText: e.NewText})
			}
		}
	}
	return f
}

// Formats are the values of scan's --format.
var Formats = []string{"text", "json", "sarif", "github"}

// Options tune the output.
type Options struct {
	Color bool // ANSI colours in text output
}

// Write renders r in format.
func Write(w io.Writer, format string, r *Report, opt Options) error {
	switch format {
	case "text":
		return WriteText(w, r, opt.Color)
	case "json":
		return WriteJSON(w, r)
	case "sarif":
		return WriteSARIF(w, r)
	case "github":
		return WriteGitHub(w, r)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// byseverity picks the value for a severity name: critical and high share
// the first (unknown names too, erring on the loud side).
func byseverity(severity, high, medium, low string) string {
	switch severity {
	case "medium":
		return medium
	case "low":
		return low
	}
	return high
}
