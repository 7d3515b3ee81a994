package analyzer

// ComprehensionBinds reports whether identifier n is bound by a `for ... in`
// clause of a comprehension or generator expression that encloses it: the
// loop variables `k, v` of `{k: v for k, v in d.items() if k != "x"}` are
// bound in the element, the conditions and later clauses (not in the first
// iterable, which is evaluated in the enclosing SCOPE). Scopes do not record
// comprehension variables, so File.Bound needs this to accept fixes that
// write a comprehension (AIML225).
func ComprehensionBinds(n *Node) bool {
	if n == nil || n.Kind != KIdentifier {
		return false
	}
	name := n.Text()
	for p := n.Parent(); p != nil && p.Kind != KFunctionDefinition && p.Kind != KLambda && p.Kind != KModule && p.Kind != KClassDefinition; p = p.Parent() {
		switch p.Kind {
		case KListComprehension, KSetComprehension, KGeneratorExpression, KDictComprehension:
			first := true
			for _, c := range p.NamedChildren() {
				if c.Kind != KForInClause {
					continue
				}
				// The first clause's iterable is evaluated outside.
				if first && c.Field("right") != nil && c.Field("right").Contains(n) {
					break
				}
				first = false
				if bindsName(c.Field("left"), name) {
					return true
				}
			}
		}
	}
	return false
}
