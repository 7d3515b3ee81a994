package analyzer

// Call is a view of a call node: callee, receiver and arguments.
type Call struct {
	Node *Node
	Func *Node // the callee expression
	Args *Node // argument_list (nil for a generator-argument call)
	f    *File
}

// AsCall returns the call view of n, or ok=false if n is not a call.
func (f *File) AsCall(n *Node) (c Call, ok bool) {
	n = Unparen(n)
	if n == nil || n.Kind != KCall {
		return Call{}, false
	}
	c = Call{Node: n, Func: n.fieldByID(fieldFunction), f: f}
	if a := n.fieldByID(fieldArguments); a != nil && a.Kind == KArgumentList {
		c.Args = a
	}
	return c, true
}

// Callee is the qualified name of the called function ("" if unresolved).
func (c Call) Callee() string { return c.f.Qualname(c.Func) }

// Is reports whether the callee resolves to one of qualnames.
func (c Call) Is(qualnames ...string) bool {
	q := c.Callee()
	if q == "" {
		return false
	}
	for _, want := range qualnames {
		if q == want {
			return true
		}
	}
	return false
}

// Method is the attribute name of a method call (`fit` in `s.fit(X)`), or "".
func (c Call) Method() string {
	fn := Unparen(c.Func)
	if fn == nil || fn.Kind != KAttribute {
		return ""
	}
	if a := fn.fieldByID(fieldAttribute); a != nil {
		return a.Text()
	}
	return ""
}

// MethodNode is the identifier token of the method name, or nil.
func (c Call) MethodNode() *Node {
	fn := Unparen(c.Func)
	if fn == nil || fn.Kind != KAttribute {
		return nil
	}
	return fn.fieldByID(fieldAttribute)
}

// Receiver is the object of a method call (`s` in `s.fit(X)`), or nil.
func (c Call) Receiver() *Node {
	fn := Unparen(c.Func)
	if fn == nil || fn.Kind != KAttribute {
		return nil
	}
	return fn.fieldByID(fieldObject)
}

// ReceiverType is the §3.4 type of the receiver, or "".
func (c Call) ReceiverType() string {
	r := c.Receiver()
	if r == nil {
		return ""
	}
	return c.f.TypeOf(r)
}

// NameNode is the callee's last identifier: where "the call" is reported.
func (c Call) NameNode() *Node {
	fn := Unparen(c.Func)
	if fn == nil {
		return c.Node
	}
	if fn.Kind == KAttribute {
		if a := fn.fieldByID(fieldAttribute); a != nil {
			return a
		}
	}
	return fn
}

// Positional returns the positional arguments in order (splats excluded).
func (c Call) Positional() []*Node {
	if c.Args == nil {
		return nil
	}
	var out []*Node
	for a := c.Args.FirstChild(); a != nil; a = a.NextSibling() {
		if !a.Named() || a.Kind == KComment || a.Kind == KKeywordArgument || a.Kind == KListSplat || a.Kind == KDictSplat {
			continue
		}
		out = append(out, a)
	}
	return out
}

// Pos returns positional argument i, or nil. A *splat before i makes the
// position unknowable, so nil is returned.
func (c Call) Pos(i int) *Node {
	if c.Args == nil {
		return nil
	}
	k := 0
	for a := c.Args.FirstChild(); a != nil; a = a.NextSibling() {
		if !a.Named() || a.Kind == KComment || a.Kind == KKeywordArgument || a.Kind == KDictSplat {
			continue
		}
		if a.Kind == KListSplat {
			return nil
		}
		if k == i {
			return a
		}
		k++
	}
	return nil
}

// Keyword returns the keyword_argument node for name, or nil.
func (c Call) Keyword(name string) *Node {
	if c.Args == nil {
		return nil
	}
	for a := c.Args.FirstChild(); a != nil; a = a.NextSibling() {
		if a.Kind == KKeywordArgument {
			if n := a.Field("name"); n != nil && n.Is(name) {
				return a
			}
		}
	}
	return nil
}

// Kwarg returns the value of keyword argument name, or nil.
func (c Call) Kwarg(name string) *Node {
	if k := c.Keyword(name); k != nil {
		return k.Field("value")
	}
	return nil
}

// Arg returns positional argument i if present, else the first keyword
// argument among names that is present.
func (c Call) Arg(i int, names ...string) *Node {
	if i >= 0 {
		if a := c.Pos(i); a != nil {
			return a
		}
	}
	for _, n := range names {
		if v := c.Kwarg(n); v != nil {
			return v
		}
	}
	return nil
}

// HasKwargsSplat reports whether the call passes **kwargs.
func (c Call) HasKwargsSplat() bool {
	if c.Args == nil {
		return false
	}
	for a := c.Args.FirstChild(); a != nil; a = a.NextSibling() {
		if a.Kind == KDictSplat {
			return true
		}
	}
	return false
}

// HasArgsSplat reports whether the call passes *args.
func (c Call) HasArgsSplat() bool {
	if c.Args == nil {
		return false
	}
	for a := c.Args.FirstChild(); a != nil; a = a.NextSibling() {
		if a.Kind == KListSplat {
			return true
		}
	}
	return false
}

// CallsIn returns the calls lexically inside n, in order.
func CallsIn(n *Node) []*Node {
	var out []*Node
	n.Walk(func(m *Node) bool {
		if m.Kind == KCall {
			out = append(out, m)
		}
		return true
	})
	return out
}

// ScopeCallsAny reports whether scope s contains a call to any of qualnames,
// including calls in nested lambdas and comprehensions but not in nested defs.
func (f *File) ScopeCallsAny(s *Scope, qualnames ...string) bool {
	return f.ScopeHasCall(s, func(c Call) bool { return c.Is(qualnames...) })
}

// ScopeHasCall reports whether scope s contains a call for which match is
// true, including calls in nested lambdas and comprehensions but not in
// nested defs or classes (their own SCOPEs).
func (f *File) ScopeHasCall(s *Scope, match func(Call) bool) bool {
	if s == nil {
		return false
	}
	found := false
	s.Node.Walk(func(m *Node) bool {
		if found || m != s.Node && (m.Kind == KFunctionDefinition || m.Kind == KClassDefinition) {
			return false
		}
		if m.Kind == KCall {
			if c, _ := f.AsCall(m); match(c) {
				found = true
			}
		}
		return true
	})
	return found
}

// ArgValues returns the value of every argument in order: positional
// arguments, splatted expressions and keyword values.
func (c Call) ArgValues() []*Node {
	if c.Args == nil {
		return nil
	}
	var out []*Node
	for a := c.Args.FirstChild(); a != nil; a = a.NextSibling() {
		if !a.Named() || a.Kind == KComment {
			continue
		}
		if a.Kind == KKeywordArgument {
			if v := a.Field("value"); v != nil {
				out = append(out, v)
			}
			continue
		}
		out = append(out, a)
	}
	return out
}
