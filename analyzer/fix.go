package analyzer

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Edit builders for fixes (§5.5). Each returns byte-range edits; rules
// combine them into a Fix with the applicability their spec gives.

// ReplaceNode replaces n's text.
func ReplaceNode(n *Node, text string) Edit { return Edit{Start: n.Start, End: n.End, NewText: text} }

// RenameMethod replaces the method name of a method call (fit_transform -> transform).
func RenameMethod(c Call, name string) (Edit, bool) {
	m := c.MethodNode()
	if m == nil {
		return Edit{}, false
	}
	return ReplaceNode(m, name), true
}

// Statement returns the simple statement containing n (the line-level unit
// an inserted line goes after), or nil.
func Statement(n *Node) *Node {
	for p := n; p != nil; p = p.Parent() {
		if pp := p.Parent(); pp != nil && (pp.Kind == KBlock || pp.Kind == KModule) {
			return p
		}
	}
	return nil
}

// Indent is the leading whitespace of the line n starts on.
func Indent(n *Node) string {
	t := n.tree
	line, _ := t.Position(n.Start)
	start := t.LineStart(line)
	i := start
	for i < uint32(len(t.Src)) && (t.Src[i] == ' ' || t.Src[i] == '\t') {
		i++
	}
	return string(t.Src[start:i])
}

// InsertLineAfter inserts text as a new line after statement stmt, at the
// statement's indentation, keeping the file's line ending and the
// statement's trailing comment on its own line.
func InsertLineAfter(stmt *Node, text string) Edit { return InsertBlockAfter(stmt, text) }

// InsertBlockAfter inserts the lines of block after statement stmt, each at
// the statement's indentation plus the block's own relative indentation,
// written with four spaces per level and converted to the file's indent
// unit:
//
//	InsertBlockAfter(stmt, "if not math.isfinite(x):\n    raise ValueError(...)")
func InsertBlockAfter(stmt *Node, block string) Edit {
	t := stmt.tree
	endLine, _ := t.Position(stmt.End)
	at := t.lineEndBeforeCR(endLine)
	nl, base, unit := t.Newline(), Indent(stmt), t.IndentUnit()
	var b strings.Builder
	for _, line := range strings.Split(block, "\n") {
		rest := strings.TrimLeft(line, " ")
		levels := (len(line) - len(rest)) / 4
		b.WriteString(nl + base + strings.Repeat(unit, levels) + rest)
	}
	return Edit{Start: at, End: at, NewText: b.String()}
}

// lineEndBeforeCR is LineEnd, before the "\r" of a CRLF ending.
func (t *Tree) lineEndBeforeCR(line int) uint32 {
	at := t.LineEnd(line)
	if at > 0 && at < uint32(len(t.Src)) && t.Src[at] == '\n' && t.Src[at-1] == '\r' {
		at--
	}
	return at
}

// IndentUnit is one level of the file's indentation: a tab when its first
// indented block uses tabs, else that block's spaces (four by default).
func (t *Tree) IndentUnit() string {
	if t.indentUnit != "" {
		return t.indentUnit
	}
	t.indentUnit = "    "
	for i := range t.Nodes {
		n := &t.Nodes[i]
		if n.Kind != KBlock {
			continue
		}
		child, parent := n.NamedChild(0), n.Parent()
		if child == nil || parent == nil {
			continue
		}
		cl, _ := t.Position(child.Start)
		pl, _ := t.Position(parent.Start)
		if cl == pl {
			continue // if x: y, on one line
		}
		inner, outer := Indent(child), Indent(parent)
		if strings.HasPrefix(inner, outer) && len(inner) > len(outer) {
			t.indentUnit = inner[len(outer):]
		}
		break
	}
	return t.indentUnit
}

// importLine returns the edit that adds the import statement stmt after the
// last top-level import (or at the top, after a docstring).
func (f *File) importLine(stmt string) Edit {
	root := f.Tree.Root()
	var last *Node
	for _, st := range root.NamedChildren() {
		switch st.Kind {
		case KImportStatement, KImportFromStatement, KFutureImport:
			last = st
		}
	}
	if last != nil {
		return InsertLineAfter(last, stmt)
	}
	// After a module docstring and any leading comments, else at the top.
	var at uint32
	if first := root.NamedChild(0); first != nil && first.Kind == KExpressionStatement {
		if s := first.NamedChild(0); s != nil && s.Kind == KString {
			line, _ := f.Tree.Position(first.End)
			at = f.Tree.lineEndBeforeCR(line)
			return Edit{Start: at, End: at, NewText: f.Tree.Newline() + stmt}
		}
	}
	return Edit{Start: at, End: at, NewText: stmt + f.Tree.Newline()}
}

// ApplyEdits applies non-overlapping edits to src. Edits at the same
// offset keep their given order.
func ApplyEdits(src []byte, edits []Edit) ([]byte, error) {
	sorted := append([]Edit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Start != sorted[j].Start {
			return sorted[i].Start < sorted[j].Start
		}
		return sorted[i].End == sorted[i].Start && sorted[j].End != sorted[j].Start // insertions first
	})
	var out bytes.Buffer
	var pos uint32
	for _, e := range sorted {
		if e.Start < pos || e.End < e.Start || int(e.End) > len(src) {
			return nil, fmt.Errorf("overlapping or out-of-range edit at byte %d", e.Start)
		}
		out.Write(src[pos:e.Start])
		out.WriteString(e.NewText)
		pos = e.End
	}
	out.Write(src[pos:])
	return out.Bytes(), nil
}

// ApplyFixes applies the fixes of findings whose applicability is allowed.
// A fix that conflicts with one already taken is left for the next round
// (callers loop until nothing changes); an edit identical to one already
// taken (the same inserted import) is merged. It returns the new source and
// how many fixes were applied.
func ApplyFixes(src []byte, findings []*Finding, allowUnsafe bool) ([]byte, int) {
	var edits []Edit
	taken := 0
	for _, fd := range findings {
		fx := fd.Fix
		if fx == nil || len(fx.Edits) == 0 || fx.Applicability == Guidance || (fx.Applicability == Unsafe && !allowUnsafe) {
			continue
		}
		add, ok := mergeEdits(edits, fx.Edits)
		if !ok {
			continue
		}
		edits = append(edits, add...)
		taken++
	}
	if taken == 0 {
		return src, 0
	}
	out, err := ApplyEdits(src, edits)
	if err != nil {
		return src, 0
	}
	return out, taken
}

// mergeEdits returns the edits of next not already in have, or ok=false if
// one of them conflicts with an edit in have.
func mergeEdits(have, next []Edit) (add []Edit, ok bool) {
	for _, x := range next {
		if containsEdit(have, x) {
			continue
		}
		for _, y := range have {
			overlap := x.Start < y.End && y.Start < x.End
			bothInsert := x.Start == x.End && y.Start == y.End && x.Start == y.Start
			if overlap || bothInsert {
				return nil, false
			}
		}
		add = append(add, x)
	}
	return add, true
}

func containsEdit(edits []Edit, e Edit) bool {
	for _, x := range edits {
		if x == e {
			return true
		}
	}
	return false
}

// HasSyntaxErrors reports whether the tree contains ERROR or MISSING nodes.
func (t *Tree) HasSyntaxErrors() bool {
	if t.hasError {
		return true
	}
	for i := range t.Nodes {
		if t.Nodes[i].Kind == KError || t.Nodes[i].Missing() {
			return true
		}
	}
	return false
}

// ReplaceStringContent replaces the contents of a plain string literal,
// keeping its prefix and quotes ("ignore" -> "error").
func ReplaceStringContent(str *Node, text string) Edit {
	str = Unparen(str)
	open, close := str.FirstChild(), str.FirstChild()
	for c := str.FirstChild(); c != nil; c = c.NextSibling() {
		close = c
	}
	if open == nil || open == close {
		return ReplaceNode(str, `"`+text+`"`)
	}
	return Edit{Start: open.End, End: close.Start, NewText: text}
}

// SyntaxError locates the first place the tree is not Python 3: a syntax
// error tree-sitter recovered around (a notebook `%pip` or `!ls` line
// often causes one), or Python 2 syntax the grammar still accepts (`print
// x`, `exec code`, `except E, e:`). Rules then see only part of the file,
// or see it with Python 3 meaning, so reports say so. ok is false for a
// clean tree.
func (t *Tree) SyntaxError() (line int, what string, ok bool) {
	for i := range t.Nodes {
		n := &t.Nodes[i]
		switch {
		case n.Kind == kPrintStatement:
			line, _ = t.Position(n.Start)
			return line, "Python 2 syntax (`print` statement)", true
		case n.Kind == kExecStatement:
			line, _ = t.Position(n.Start)
			return line, "Python 2 syntax (`exec` statement)", true
		case n.Kind == KExcept && py2ExceptComma(n):
			line, _ = t.Position(n.Start)
			return line, "Python 2 syntax (`except X, e:`)", true
		case n.Kind == KError || n.Missing():
			line, _ = t.Position(n.Start)
			return line, t.describeError(line), true
		}
	}
	if t.hasError {
		return 1, "syntax error", true
	}
	return 0, "", false
}

// describeError names a recognisable cause of a syntax error at line: the
// recovered error often starts a line or two after the culprit.
func (t *Tree) describeError(line int) string {
	for l := line; l >= max(1, line-2); l-- {
		text := strings.TrimSpace(string(t.Src[t.LineStart(l):t.lineEndBeforeCR(l)]))
		if strings.HasPrefix(text, "%") || strings.HasPrefix(text, "!") {
			return "line " + strconv.Itoa(l) + " is a notebook magic or shell line (`" + clipText(text, 40) + "`), not Python"
		}
	}
	return "syntax error"
}

// py2ExceptComma reports `except E, e:`: two expressions separated by a
// comma directly in the clause.
func py2ExceptComma(n *Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Is(",") {
			return true
		}
	}
	return false
}

var kPrintStatement, kExecStatement = internKind("print_statement"), internKind("exec_statement")

func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
