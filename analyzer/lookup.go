package analyzer

// Lookups shared by rules: the constructor behind a receiver's type, local
// classes, self-attribute assignments, scope walks.

// Walk visits the statements of SCOPE s (a function body or the module),
// including nested lambdas and comprehensions but not nested defs or classes.
func (s *Scope) Walk(fn func(*Node)) {
	s.Node.Walk(func(m *Node) bool {
		if m != s.Node && (m.Kind == KFunctionDefinition || m.Kind == KClassDefinition) {
			return false
		}
		fn(m)
		return true
	})
}

// FunctionScope is the function SCOPE containing n, or the module SCOPE.
func (f *File) FunctionScope(n *Node) *Scope {
	if s := f.EnclosingFunc(n); s != nil {
		return s
	}
	return f.Module
}

// TypingCall returns the constructor call that gives recv its §3.4 type,
// when that is a call: the receiver itself (`Cls(...).m()`), the value of
// the local binding visible at recv (assignment or `with … as`), of a
// module-level name assigned exactly once and not bound in the current
// SCOPE, or of the one `self.<attr> = …` assignment of the class. Callers
// check the type with TypeOf first; this only locates the call so that its
// arguments can be inspected.
func (f *File) TypingCall(recv *Node) (Call, bool) {
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
		s := f.ScopeOf(recv)
		if d := s.DefAt(name, recv.Start); d != nil {
			if (d.Kind == DefAssign || d.Kind == DefWith) && !d.Unpacked {
				value = d.Value
			}
		} else if !s.Binds(name) {
			if defs := f.Module.Defs(name); len(defs) == 1 && defs[0].Kind == DefAssign && !defs[0].Unpacked {
				value = defs[0].Value
			}
		}
	case KAttribute:
		obj := Unparen(recv.Field("object"))
		if obj == nil || obj.Kind != KIdentifier || !obj.Is("self") {
			return Call{}, false
		}
		fn := f.EnclosingFunc(recv)
		if fn == nil || fn.Class() == nil {
			return Call{}, false
		}
		values := f.selfAttrs(fn.Class())[recv.Field("attribute").Text()]
		if len(values) == 1 {
			value = values[0]
		}
	}
	return f.AsCall(value)
}

// ForTargets calls fn for the target and, for a tuple/list pattern, each
// of its elements.
func ForTargets(t *Node, fn func(*Node)) {
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
			ForTargets(e, fn)
		}
	default:
		fn(t)
	}
}

// LocalClass returns the class_definition the name fn is bound to: the
// single binding of the name in the nearest SCOPE that binds it, when that
// binding is a class statement of this module. nil otherwise.
func (f *File) LocalClass(fn *Node) *Node {
	fn = Unparen(fn)
	if fn == nil || fn.Kind != KIdentifier {
		return nil
	}
	for s := f.ScopeOf(fn); s != nil; s = s.Parent {
		if s != f.ScopeOf(fn) && s.Kind == ScopeClass {
			continue
		}
		if defs := s.Defs(fn.Text()); len(defs) > 0 {
			if len(defs) == 1 && defs[0].Kind == DefClass {
				return defs[0].Stmt
			}
			return nil
		}
	}
	return nil
}
