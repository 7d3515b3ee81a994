package rules

import . "github.com/pyguard/pyguard/analyzer"

// Shared pieces of the feature-store and feature-monitoring rules
// AIML176–AIML182 (the FEAST STORE call itself is in feast.go).

// fsScopeCallsMethod reports whether SCOPE s calls a method named name
// (`model.fit(...)`), including calls in lambdas and comprehensions of s
// but not in nested function or class definitions (their own SCOPEs).
func fsScopeCallsMethod(p *Pass, s *Scope, name string) bool {
	if s == nil {
		return false
	}
	found := false
	s.Node.Walk(func(m *Node) bool {
		if found {
			return false
		}
		if m != s.Node && (m.Kind == KFunctionDefinition || m.Kind == KClassDefinition) {
			return false
		}
		if m.Kind == KCall {
			if c, _ := p.AsCall(m); c.Method() == name {
				found = true
			}
		}
		return true
	})
	return found
}

// fsChain reports whether n is a name or an attribute/subscript chain on a
// name (`batch`, `self.ref`, `df.iloc[:n]`, `data["x"]`) that contains no
// call, and returns its root name. These are the expressions the
// "same data" rules compare textually; expressions with calls are never
// compared.
func fsChain(n *Node) (root *Node, ok bool) {
	n = Unparen(n)
	if n == nil {
		return nil, false
	}
	hasCall := false
	n.Walk(func(m *Node) bool {
		if m.Kind == KCall {
			hasCall = true
		}
		return !hasCall
	})
	if hasCall {
		return nil, false
	}
	for {
		switch n.Kind {
		case KIdentifier:
			return n, true
		case KAttribute:
			n = Unparen(n.Field("object"))
		case KSubscript:
			n = Unparen(n.Field("value"))
		default:
			return nil, false
		}
		if n == nil {
			return nil, false
		}
	}
}

// fsRebound reports whether, in SCOPE s, something between byte offsets
// from and to rebinds chain (a fsChain expression): a binding of its root
// name (assignment, for, with, walrus, …), or an assignment whose target is
// the chain itself or one of its prefixes (`self.ref = …` for `self.ref[0]`).
func fsRebound(p *Pass, s *Scope, chain *Node, from, to uint32) bool {
	root, ok := fsChain(chain)
	if !ok {
		return true
	}
	for _, d := range s.Defs(root.Text()) {
		if d.Kind != DefParam && d.Pos > from && d.Pos <= to {
			return true
		}
	}
	var prefixes []*Node
	for n := Unparen(chain); n != nil && n != root; {
		prefixes = append(prefixes, n)
		switch n.Kind {
		case KAttribute:
			n = Unparen(n.Field("object"))
		case KSubscript:
			n = Unparen(n.Field("value"))
		default:
			n = nil
		}
	}
	rebound := false
	s.Node.Walk(func(m *Node) bool {
		if rebound {
			return false
		}
		if m != s.Node && (m.Kind == KFunctionDefinition || m.Kind == KClassDefinition || m.Kind == KLambda) {
			return false
		}
		if m.Kind == KAssignment || m.Kind == KAugmentedAssignment {
			if m.Start > from && m.End <= to {
				fsForTargets(m.Field("left"), func(t *Node) {
					for _, pre := range prefixes {
						if SameExpression(t, pre) {
							rebound = true
						}
					}
				})
			}
		}
		return true
	})
	return rebound
}

// fsForTargets calls fn for the target and, for a tuple/list pattern, each
// of its elements.
func fsForTargets(t *Node, fn func(*Node)) {
	t = Unparen(t)
	if t == nil {
		return
	}
	switch t.Kind {
	case KPatternList, KTuplePattern, KListPattern, KTuple, KList:
		for _, e := range t.NamedChildren() {
			if e.Kind == KListSplatPattern || e.Kind == KListSplat {
				e = e.NamedChild(0)
			}
			fsForTargets(e, fn)
		}
	default:
		fn(t)
	}
}

// fsTypingCall returns the constructor call that gives recv its §3.4 type,
// when that is a call: the receiver itself (`Cls(...).m()`), the value of
// the local binding visible at recv (assignment or `with … as`), of a
// module-level name assigned exactly once and not bound in the current
// SCOPE, or of the one `self.<attr> = …` assignment of the class. Callers
// check the type with TypeOf first; this only locates the call so that its
// arguments can be inspected.
func fsTypingCall(p *Pass, recv *Node) (Call, bool) {
	recv = Unparen(recv)
	if recv == nil {
		return Call{}, false
	}
	var value *Node
	switch recv.Kind {
	case KCall:
		value = recv
	case KIdentifier:
		name := recv.Text()
		s := p.ScopeOf(recv)
		if d := s.DefAt(name, recv.Start); d != nil {
			if (d.Kind == DefAssign || d.Kind == DefWith) && !d.Unpacked {
				value = d.Value
			}
		} else if !s.Binds(name) {
			if defs := p.Module.Defs(name); len(defs) == 1 && defs[0].Kind == DefAssign && !defs[0].Unpacked {
				value = defs[0].Value
			}
		}
	case KAttribute:
		obj := Unparen(recv.Field("object"))
		if obj == nil || obj.Kind != KIdentifier || !obj.Is("self") {
			return Call{}, false
		}
		fn := p.EnclosingFunc(recv)
		if fn == nil || fn.Class() == nil {
			return Call{}, false
		}
		values := fsSelfAssignments(fn.Class(), recv.Field("attribute").Text())
		if len(values) == 1 {
			value = values[0]
		}
	}
	return p.AsCall(value)
}

// fsSelfAssignments returns the right-hand sides of `self.<attr> = v` in
// the methods of class (not nested classes); an augmented or unpacking
// assignment contributes its statement, which is never a call.
func fsSelfAssignments(class *Node, attr string) []*Node {
	var out []*Node
	body := class.Field("body")
	if body == nil {
		return nil
	}
	body.Walk(func(m *Node) bool {
		if m.Kind == KClassDefinition {
			return false
		}
		if m.Kind != KAssignment && m.Kind != KAugmentedAssignment {
			return true
		}
		left := Unparen(m.Field("left"))
		value := m.Field("right")
		for value != nil && value.Kind == KAssignment {
			value = value.Field("right")
		}
		if m.Kind == KAugmentedAssignment || left.Kind != KAttribute {
			value = m
		}
		fsForTargets(left, func(t *Node) {
			if t.Kind != KAttribute {
				return
			}
			o := Unparen(t.Field("object"))
			if o != nil && o.Kind == KIdentifier && o.Is("self") && t.Field("attribute").Is(attr) {
				out = append(out, value)
			}
		})
		return true
	})
	return out
}

// fsCalleeName is the last identifier of a call's callee (`DataDriftPreset`
// in `presets.DataDriftPreset()`), or "".
func fsCalleeName(c Call) string {
	if n := c.NameNode(); n != nil && n.Kind == KIdentifier {
		return n.Text()
	}
	return ""
}

// fsLocalClass returns the class definition that the name n refers to when
// it is a class defined in this module (its only binding in the nearest
// enclosing SCOPE that binds it), or nil. The engine's Qualname resolves
// only imported names, so TypeOf leaves instances of such classes untyped.
func fsLocalClass(p *Pass, n *Node) *Node {
	n = Unparen(n)
	if n == nil || n.Kind != KIdentifier {
		return nil
	}
	for s := p.ScopeOf(n); s != nil; s = s.Parent {
		if defs := s.Defs(n.Text()); len(defs) > 0 {
			if len(defs) == 1 && defs[0].Kind == DefClass {
				return defs[0].Stmt
			}
			return nil
		}
	}
	return nil
}
