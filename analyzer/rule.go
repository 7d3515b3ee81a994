package analyzer

import (
	"fmt"
	"strings"
)

// Severity of a finding (§1 of the rule glossary).
type Severity uint8

const (
	Low Severity = iota + 1
	Medium
	High
	Critical
)

var severityNames = map[Severity]string{Low: "low", Medium: "medium", High: "high", Critical: "critical"}

func (s Severity) String() string { return severityNames[s] }

// ParseSeverity parses "critical", "high", "medium" or "low".
func ParseSeverity(s string) (Severity, error) {
	for k, v := range severityNames {
		if v == strings.ToLower(s) {
			return k, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want critical, high, medium or low)", s)
}

// Applicability says how safe a fix is to apply (§2).
type Applicability string

const (
	Safe     Applicability = "safe"
	Unsafe   Applicability = "unsafe"
	Guidance Applicability = "guidance"
	NoFix    Applicability = "none"
)

// Mechanical reports whether the rule offers a mechanical edit for at
// least one form.
func (r *Rule) Mechanical() bool {
	return r.Fix == Safe || r.Fix == Unsafe || r.EditFix == Safe || r.EditFix == Unsafe
}

// Rule is one check: metadata plus a detector. It is a value, like
// go/analysis's Analyzer; the engine calls Check for every node of the
// kinds the rule subscribes to, during the one traversal of each file.
type Rule struct {
	ID         string
	Title      string
	Section    string
	Severity   Severity
	References []string
	Fix        Applicability // the main fix kind, as the spec labels it
	// EditFix is, for a rule whose spec gives only guidance, the kind of
	// the mechanical edit PyGuard offers for the rule's common form
	// (Unsafe, with the behaviour change named); EditFixDoc says what that
	// edit does and what it may change. Other forms keep the guidance.
	EditFix    Applicability
	EditFixDoc string
	Message    string // one line, at most 140 characters
	Doc        string // what and why, one paragraph
	FixDoc     string // what the fix does
	// Example and Safe are short code samples for the rule's doc page.
	Example, SafeExample string

	// InTestFiles makes the rule run in test files too (§3.1).
	InTestFiles bool
	// Kinds are the node kinds Check is called for.
	Kinds []Kind
	Check func(p *Pass, n *Node)
}

// Fix is a suggested change. Guidance fixes carry only a description.
type Fix struct {
	Applicability Applicability
	// Description says what this change does to this code ("Raise
	// ValueError when `lat` is NaN or infinite, right after the
	// conversion").
	Description string
	// Behavior names, for an unsafe fix, what legitimate code may see
	// change ("requests that send \"nan\" for `lat` now get an error").
	Behavior string
	// Edits place any import the fix needs after the module's last
	// top-level import: what `pyguard scan --fix` applies.
	Edits []Edit
	// Local, when set, is the same fix with those imports on their own
	// lines directly before the fixed statement: what a pull-request
	// suggestion applies (it can only replace lines of one hunk).
	Local []Edit
}

// Edit replaces source bytes [Start, End) with NewText.
type Edit struct {
	Start, End uint32
	NewText    string
}

// Finding is one reported defect.
type Finding struct {
	Rule       *Rule
	Path       string
	Start, End uint32 // byte range reported
	Line, Col  int    // 1-based; Col is a byte column
	EndLine    int
	EndCol     int // exclusive
	Message    string
	Fix        *Fix

	ownedBy    []string
	ownedNodes []*Node
}

// UnlessReportedBy drops this finding in the ownership post-pass (§5.4) if
// one of rules reports a node that contains one of nodes.
func (fd *Finding) UnlessReportedBy(rules []string, nodes ...*Node) {
	fd.ownedBy = append(fd.ownedBy, rules...)
	fd.ownedNodes = append(fd.ownedNodes, nodes...)
}

// Pass is what a rule sees while checking one file.
type Pass struct {
	*File
	Rule     *Rule
	findings []*Finding
}

// Report records a finding spanning node at with the rule's message.
func (p *Pass) Report(at *Node, fix *Fix) *Finding {
	return p.ReportRange(at.Start, at.End, fix)
}

// ReportCall reports "the call" (§3.9): from the callee's last identifier to
// the end of the call, so the line is that of the function or method name.
func (p *Pass) ReportCall(c Call, fix *Fix) *Finding {
	return p.ReportRange(c.NameNode().Start, c.Node.End, fix)
}

// ReportRange records a finding over bytes [start, end).
func (p *Pass) ReportRange(start, end uint32, fix *Fix) *Finding {
	t := p.Tree
	fd := &Finding{Rule: p.Rule, Path: p.Path, Start: start, End: end, Message: p.Rule.Message, Fix: fix}
	fd.Line, fd.Col = t.Position(start)
	fd.EndLine, fd.EndCol = t.Position(end)
	p.findings = append(p.findings, fd)
	return fd
}

// Changing sets the behaviour an unsafe fix may change.
func (fx *Fix) Changing(behavior string) *Fix {
	fx.Behavior = behavior
	return fx
}

// Summary is the description with the behaviour change, in one line, for
// reports that have one text field.
func (fx *Fix) Summary() string {
	if fx.Behavior == "" {
		return fx.Description
	}
	return strings.TrimRight(fx.Description, ". ") + ". May change behaviour: " + fx.Behavior
}

// GuidanceFix is a prose-only fix.
func GuidanceFix(text string) *Fix { return &Fix{Applicability: Guidance, Description: text} }

// Guidance is the rule's prose fix (its FixDoc).
func (p *Pass) Guidance() *Fix { return GuidanceFix(p.Rule.FixDoc) }

// Edits is a mechanical fix of the given applicability; desc says what it
// does to this code. Fixes that need an import use NewFix.
func (p *Pass) Edits(a Applicability, desc string, edits ...Edit) *Fix {
	return &Fix{Applicability: a, Description: desc, Edits: edits}
}
