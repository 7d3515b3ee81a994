package analyzer

// ENV-SET(K, v), the shared environment-write predicate of §3.8:
//
//	os.environ[K] = v
//	os.environ.setdefault(K, v)
//	os.environ.update({K: v}) / os.environ.update(K=v)
//	os.putenv(K, v)
//
// with K a str literal. `os.environ` and `os.putenv` resolve through imports
// and aliases (`from os import environ`, `env = os.environ`).

// EnvSet is one ENV-SET(K, v).
type EnvSet struct {
	Key     string // K
	KeyNode *Node  // the str literal K, or the keyword name of update(K=v)
	Value   *Node  // v
	// At is what the finding reports (§3.9): the assignment statement for
	// `os.environ[K] = v` (the outermost assignment of a chain), else the call.
	At   *Node
	Call *Call // the ENV-SET call, nil for a subscript assignment
}

// EnvSetKinds are the node kinds EnvSets answers for; rules using ENV-SET
// subscribe to them (a function: kinds are resolved from the grammar at init).
func EnvSetKinds() []Kind { return []Kind{KAssignment, KCall} }

// EnvSets returns the ENV-SETs that node n performs, in source order: n is
// an assignment whose target (or a target of a tuple assignment) is
// `os.environ[K]`, or a setdefault/update/putenv call. Keys that are not
// str literals, and values that are absent, are skipped. Each ENV-SET is
// returned for exactly one node, so a rule subscribed to EnvSetKinds()
// sees it once.
func (f *File) EnvSets(n *Node) []EnvSet {
	switch n.Kind {
	case KAssignment:
		return f.envAssignments(n)
	case KCall:
		return f.envCalls(n)
	}
	return nil
}

// envAssignments: `os.environ[K] = v`, element-wise for
// `os.environ[A], os.environ[B] = a, b`. In a chain `os.environ[A] = x = v`
// each assignment node answers for its own target with the chain's value.
func (f *File) envAssignments(n *Node) []EnvSet {
	value := n.Field("right")
	for value != nil && value.Kind == KAssignment {
		value = value.Field("right")
	}
	if value == nil {
		return nil // annotation only
	}
	stmt := n
	for stmt.Parent() != nil && stmt.Parent().Kind == KAssignment {
		stmt = stmt.Parent()
	}
	target := Unparen(n.Field("left"))
	if target == nil {
		return nil
	}
	var out []EnvSet
	switch target.Kind {
	case KSubscript:
		if k, key, ok := f.environKey(target); ok {
			out = append(out, EnvSet{Key: k, KeyNode: key, Value: value, At: stmt})
		}
	case KPatternList, KTuplePattern, KListPattern, KTuple, KList:
		elems := target.NamedChildren()
		uv := Unparen(value)
		if uv == nil || !(uv.Kind == KTuple || uv.Kind == KList || uv.Kind == KExpressionList) {
			return nil
		}
		vals := uv.NamedChildren()
		if len(vals) != len(elems) {
			return nil
		}
		for i, e := range elems {
			if k, key, ok := f.environKey(Unparen(e)); ok {
				out = append(out, EnvSet{Key: k, KeyNode: key, Value: vals[i], At: stmt})
			}
		}
	}
	return out
}

// environKey: s is `os.environ[K]` with K a str literal.
func (f *File) environKey(s *Node) (key string, keyNode *Node, ok bool) {
	if s == nil || s.Kind != KSubscript || f.Qualname(s.Field("value")) != "os.environ" {
		return "", nil, false
	}
	subs := s.FieldAll("subscript")
	if len(subs) != 1 {
		return "", nil, false
	}
	l := LiteralValue(subs[0])
	if l.Kind != LitStr {
		return "", nil, false
	}
	return l.Str, subs[0], true
}

func (f *File) envCalls(n *Node) []EnvSet {
	c, ok := f.AsCall(n)
	if !ok || c.Args == nil {
		return nil
	}
	one := func(k, v *Node) []EnvSet {
		l := LiteralValue(k)
		if l.Kind != LitStr || v == nil {
			return nil
		}
		return []EnvSet{{Key: l.Str, KeyNode: k, Value: v, At: n, Call: &c}}
	}
	switch c.Callee() {
	case "os.putenv":
		if c.HasArgsSplat() {
			return nil
		}
		return one(c.Arg(0, "key"), c.Arg(1, "value"))
	case "os.environ.setdefault":
		if c.HasArgsSplat() {
			return nil
		}
		return one(c.Arg(0, "key"), c.Arg(1, "default"))
	case "os.environ.update":
		var out []EnvSet
		for a := c.Args.FirstChild(); a != nil; a = a.NextSibling() {
			switch {
			case a.Kind == KKeywordArgument:
				if name, v := a.Field("name"), a.Field("value"); name != nil && v != nil {
					out = append(out, EnvSet{Key: name.Text(), KeyNode: name, Value: v, At: n, Call: &c})
				}
			case Unparen(a) != nil && Unparen(a).Kind == KDict:
				for _, pair := range Unparen(a).NamedChildren() {
					if pair.Kind == KPair {
						out = append(out, one(pair.Field("key"), pair.Field("value"))...)
					}
				}
			}
		}
		return out
	}
	return nil
}

// ReportEnvSet reports an ENV-SET at its §3.9 position: the assignment
// statement, or "the call" for setdefault/update/putenv.
func (p *Pass) ReportEnvSet(e EnvSet, fix *Fix) *Finding {
	if e.Call != nil {
		return p.ReportCall(*e.Call, fix)
	}
	return p.Report(e.At, fix)
}
