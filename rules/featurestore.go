package rules

import . "github.com/pyguard/pyguard/analyzer"

// Shared pieces of the feature-store and feature-monitoring rules
// AIML176–AIML182 (the FEAST STORE call itself is in feast.go).

// fsScopeCallsMethod reports whether SCOPE s calls a method named name
// (`model.fit(...)`), including calls in lambdas and comprehensions of s
// but not in nested function or class definitions (their own SCOPEs).
func fsScopeCallsMethod(p *Pass, s *Scope, name string) bool {
	return p.ScopeHasCall(s, func(c Call) bool { return c.Method() == name })
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
				ForTargets(m.Field("left"), func(t *Node) {
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

// fsCalleeName is the last identifier of a call's callee (`DataDriftPreset`
// in `presets.DataDriftPreset()`), or "".
func fsCalleeName(c Call) string {
	if n := c.NameNode(); n != nil && n.Kind == KIdentifier {
		return n.Text()
	}
	return ""
}
