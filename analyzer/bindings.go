package analyzer

import "sort"

// BindingsOf returns the bindings whose value is exactly expression n, in
// source order: `v = n` gives one, `a, b = n` gives one per target (each
// Unpacked), `a, b = n, m` gives only a. nil when n is bound to no name.
func (f *File) BindingsOf(n *Node) []*Def {
	n = Unparen(n)
	if n == nil {
		return nil
	}
	s := f.ScopeOf(n)
	var out []*Def
	for _, defs := range s.defs {
		for _, d := range defs {
			if d.Value != nil && Unparen(d.Value) == n {
				out = append(out, d)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Target.Start < out[j].Target.Start })
	return out
}

// Uses returns the identifiers of scope s that read binding d of s: the
// same name, in s itself (not a nested SCOPE), not a binding target, an
// attribute name or a keyword name, with d the binding visible there.
func (s *Scope) Uses(d *Def) []*Node {
	var out []*Node
	s.Node.Walk(func(m *Node) bool {
		if m.Kind != KIdentifier || !m.Is(d.Name) || s.File.ScopeOf(m) != s || !isNameRead(m) {
			return true
		}
		for _, t := range s.defs[d.Name] {
			if t.Target == m {
				return true
			}
		}
		if s.DefAt(d.Name, m.Start) == d {
			out = append(out, m)
		}
		return true
	})
	return out
}

// isNameRead reports whether identifier m can be a read of a variable (it
// is not an attribute or keyword name, an import path, a parameter or a
// global/nonlocal declaration).
func isNameRead(m *Node) bool {
	p := m.Parent()
	if p == nil {
		return false
	}
	switch p.Kind {
	case KAttribute:
		return m.FieldName() != "attribute"
	case KKeywordArgument, KDefaultParameter, KTypedDefaultParameter, KFunctionDefinition, KClassDefinition:
		return m.FieldName() != "name"
	case KDottedName, KAliasedImport, KParameters, KTypedParameter, KListSplatPattern, KDictSplatPattern,
		KGlobal, KNonlocal:
		return false
	}
	return true
}

// IsNameRead reports whether identifier m can be a read of a variable (not
// an attribute or keyword name, an import path, a parameter or a
// global/nonlocal declaration).
func IsNameRead(m *Node) bool { return isNameRead(m) }
