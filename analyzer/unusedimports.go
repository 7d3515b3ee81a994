package analyzer

import "sort"

// `pyguard scan --fix` rewrites callees and arguments; when that removes
// the last read of an imported name (`pickle.load` -> `joblib.load`), the
// import is left unused. UnusedImportEdits removes exactly those imports:
// names that before read at least once and after never do.

// UnusedImportEdits returns edits on after that delete the imports whose
// names before read and after does not. An import that was already unused
// before is left alone (it may be there for its side effects).
func UnusedImportEdits(before, after *File) []Edit {
	was := nameReads(before)
	now := nameReads(after)
	// Group by statement: a statement whose names all go is deleted whole.
	drop := map[*Node][]*Node{}
	var stmts []*Node
	for _, s := range after.allScopes() {
		for name, defs := range s.defs {
			if was[name] == 0 || now[name] > 0 {
				continue
			}
			for _, d := range defs {
				if d.Kind != DefImport || d.Stmt == nil || d.Stmt.Kind == KFutureImport {
					continue
				}
				if _, ok := drop[d.Stmt]; !ok {
					stmts = append(stmts, d.Stmt)
				}
				drop[d.Stmt] = append(drop[d.Stmt], importedItem(d))
			}
		}
	}
	sort.Slice(stmts, func(i, j int) bool { return stmts[i].Start < stmts[j].Start })
	var edits []Edit
	for _, st := range stmts {
		edits = append(edits, removeImportItems(st, drop[st])...)
	}
	return edits
}

// nameReads counts, per name, the identifiers of f that read a variable.
func nameReads(f *File) map[string]int {
	reads := map[string]int{}
	f.Tree.Root().Walk(func(n *Node) bool {
		if n.Kind == KIdentifier && isNameRead(n) {
			reads[n.Text()]++
		}
		return true
	})
	return reads
}

// importedItem is the child of the import statement that binds d: the
// dotted name or the aliased import.
func importedItem(d *Def) *Node {
	for n := d.Target; n != nil; n = n.Parent() {
		if n.Parent() == d.Stmt {
			return n
		}
	}
	return nil
}

// removeImportItems deletes items from import statement st: the whole
// statement's lines when all its names go (and it has its lines to
// itself, and its block keeps another statement), else each item with its
// separating comma.
func removeImportItems(st *Node, items []*Node) []Edit {
	names := st.FieldAll("name")
	for _, it := range items {
		if it == nil {
			return nil
		}
	}
	t := st.Tree()
	if len(items) >= len(names) {
		first, last := st.Line(), 0
		last, _ = t.Position(st.End)
		ls, le := t.LineStart(first), t.LineStart(last+1)
		if string(t.Src[ls:st.Start]) != Indent(st) || !onlyCommentAfter(t, st.End, le) || !blockKeepsAnother(st) {
			return nil
		}
		return []Edit{{Start: ls, End: le}}
	}
	gone := map[*Node]bool{}
	for _, it := range items {
		gone[it] = true
	}
	var edits []Edit
	for i, n := range names {
		if !gone[n] {
			continue
		}
		if i > 0 {
			edits = append(edits, Edit{Start: names[i-1].End, End: n.End})
			continue
		}
		edits = append(edits, Edit{Start: n.Start, End: names[i+1].Start})
	}
	// Two adjacent removals would overlap at a shared boundary; keep the
	// statement when that happens rather than produce broken code.
	for i := 1; i < len(edits); i++ {
		if edits[i].Start < edits[i-1].End {
			return nil
		}
	}
	return edits
}

func onlyCommentAfter(t *Tree, from, lineEnd uint32) bool {
	for i := from; i < lineEnd && int(i) < len(t.Src); i++ {
		switch t.Src[i] {
		case ' ', '\t', '\r', '\n':
		case '#':
			return true
		default:
			return false
		}
	}
	return true
}

// blockKeepsAnother reports whether st's block has another statement, so
// deleting st leaves valid code.
func blockKeepsAnother(st *Node) bool {
	p := st.Parent()
	if p == nil || p.Kind == KModule {
		return true
	}
	n := 0
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Named() && c.Kind != KComment {
			n++
		}
	}
	return n > 1
}
