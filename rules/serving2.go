package rules

import . "github.com/pyguard/pyguard/analyzer"

// Shared pieces of the 2.3.1 serving rules AIML233–AIML240 (batch
// "serving2"): the BOUNDED predicate of README §3.7 (AIML234; also what
// AIML214/215/244 need), request-object recognition, the one-local
// assignment step, and the builtin-name check for fixes.

// boundCallsServing2 are the declarations that give a request field an
// upper bound when they carry `le=`/`lt=` (README §3.7 BOUNDED).
var boundCallsServing2 = setOf([]string{"pydantic.Field", "pydantic.fields.Field", "pydantic.conint",
	"pydantic.types.conint", "pydantic.confloat", "pydantic.types.confloat", "fastapi.Query", "fastapi.Path",
	"fastapi.Body", "fastapi.Form", "fastapi.Header", "fastapi.params.Query", "fastapi.params.Path",
	"fastapi.params.Body", "fastapi.params.Form", "fastapi.param_functions.Query", "sqlmodel.Field"})

// boundedServing2 reports whether the sink value v is BOUNDED (README
// §3.7) in the ways taint does not already see: compared against a bound
// in an `if` that leaves before the sink, or read from a field declared
// with an upper bound. (`min(...)`, `max(lo, min(...))` and `numpy.clip`
// do not propagate taint, so a value wrapped in them is clean already.)
func boundedServing2(p *Pass, v *Node) bool {
	keys := valueKeysServing2(p, v)
	if guardedByBoundServing2(p, v, keys) {
		return true
	}
	for _, k := range keys {
		if declaredBoundServing2(p, k) {
			return true
		}
	}
	return false
}

// valueKeysServing2 are the expressions whose value the sink value v is:
// v, the argument of an int()/float() around it, and the same for the
// value of the one local assignment an identifier v reads.
func valueKeysServing2(p *Pass, v *Node) []*Node {
	var keys []*Node
	var add func(e *Node, depth int)
	add = func(e *Node, depth int) {
		e = Unparen(e)
		if e == nil {
			return
		}
		keys = append(keys, e)
		if c, ok := p.AsCall(e); ok && c.Is("builtins.int", "builtins.float") && len(c.Positional()) >= 1 {
			add(c.Pos(0), depth)
			return
		}
		if e.Kind == KIdentifier && depth == 0 {
			if d := localDefServing2(p, e); d != nil {
				add(d.Value, depth+1)
			}
		}
	}
	add(v, 0)
	return keys
}

// localDefServing2 is the plain assignment an identifier reads in its own
// SCOPE (`x = v`, not unpacked), or nil.
func localDefServing2(p *Pass, id *Node) *Def {
	s := p.ScopeOf(id)
	if s == nil || !s.Binds(id.Text()) {
		return nil
	}
	d := s.DefAt(id.Text(), id.Start)
	if d == nil || d.Kind != DefAssign || d.Unpacked || d.Value == nil {
		return nil
	}
	return d
}

// guardedByBoundServing2: an `if` of the same SCOPE, ending before v,
// whose test orders (<, <=, >, >=) one of keys against something and whose
// body always leaves (raise, return, abort(...)).
func guardedByBoundServing2(p *Pass, v *Node, keys []*Node) bool {
	scope := p.FunctionScope(v)
	found := false
	scope.Walk(func(m *Node) {
		if found || m.Kind != KIf || m.End > v.Start {
			return
		}
		if body := m.Field("consequence"); body == nil || !leavesServing2(body) {
			return
		}
		cond := m.Field("condition")
		if cond == nil {
			return
		}
		cond.Walk(func(c *Node) bool {
			if found {
				return false
			}
			if c.Kind != KComparisonOperator || !orderingServing2(c) {
				return true
			}
			for _, operand := range c.NamedChildren() {
				o := Unparen(operand)
				if oc, ok := p.AsCall(o); ok && oc.Is("builtins.int", "builtins.float") {
					o = Unparen(oc.Pos(0))
				}
				for _, k := range keys {
					if SameExpression(o, k) {
						found = true
					}
				}
			}
			return true
		})
	})
	return found
}

// orderingServing2: the comparison uses <, <=, > or >=.
func orderingServing2(c *Node) bool {
	for ch := c.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if ch.Named() {
			continue
		}
		switch ch.Text() {
		case "<", "<=", ">", ">=":
			return true
		}
	}
	return false
}

// leavesServing2: the block's last statement is raise, return,
// continue/break, or a call to abort(...)/exit(...).
func leavesServing2(block *Node) bool {
	stmts := block.NamedChildren()
	if len(stmts) == 0 {
		return false
	}
	last := stmts[len(stmts)-1]
	switch last.Kind {
	case KRaise, KReturn:
		return true
	case KExpressionStatement:
		if c := Unparen(last.NamedChild(0)); c != nil && c.Kind == KCall {
			f := Unparen(c.Field("function"))
			name := ""
			switch {
			case f == nil:
			case f.Kind == KIdentifier:
				name = f.Text()
			case f.Kind == KAttribute:
				name = f.Field("attribute").Text()
			}
			return name == "abort" || name == "exit"
		}
	}
	t := last.Type()
	return t == "continue_statement" || t == "break_statement"
}

// declaredBoundServing2: k reads a request field declared with an upper
// bound — a handler parameter whose default or annotation is a bound call
// (`Query(32, le=256)`, `Annotated[int, Query(le=256)]`), or a field
// (`req.batch_size`, `body["batch_size"]`, `body.get("batch_size")`) whose
// name is a class attribute of this module declared with one
// (`batch_size: int = Field(32, le=256)`, `batch_size: conint(le=256)`).
func declaredBoundServing2(p *Pass, k *Node) bool {
	k = Unparen(k)
	switch k.Kind {
	case KIdentifier:
		s := p.ScopeOf(k)
		if s == nil {
			return false
		}
		if d := s.DefAt(k.Text(), k.Start); d != nil && d.Kind == DefParam {
			return hasBoundCallServing2(p, d.Param.Default) || hasBoundCallServing2(p, d.Param.Annotation)
		}
	case KAttribute:
		return boundFieldsServing2(p)[k.Field("attribute").Text()]
	case KSubscript:
		if l := LiteralValue(k.Field("subscript")); l.Kind == LitStr {
			return boundFieldsServing2(p)[l.Str]
		}
	case KCall:
		c, _ := p.AsCall(k)
		if c.Method() == "get" {
			if l := LiteralValue(c.Pos(0)); l.Kind == LitStr {
				return boundFieldsServing2(p)[l.Str]
			}
		}
	}
	return false
}

// hasBoundCallServing2: expression e is, or contains, a bound call with
// `le=` or `lt=`.
func hasBoundCallServing2(p *Pass, e *Node) bool {
	if e == nil {
		return false
	}
	found := false
	e.Walk(func(m *Node) bool {
		if found {
			return false
		}
		if m.Kind == KCall {
			c, _ := p.AsCall(m)
			if (c.Keyword("le") != nil || c.Keyword("lt") != nil) && boundCallsServing2[c.Callee()] {
				found = true
			}
		}
		return true
	})
	return found
}

// boundFieldsServing2 are the class attributes of the module declared with
// an upper bound (in any class body, annotated or not).
func boundFieldsServing2(p *Pass) map[string]bool {
	out := map[string]bool{}
	for _, cls := range p.Classes {
		body := cls.Node.Field("body")
		if body == nil {
			continue
		}
		for _, st := range body.NamedChildren() {
			if st.Kind != KExpressionStatement {
				continue
			}
			a := st.NamedChild(0)
			if a == nil || a.Kind != KAssignment {
				continue
			}
			left := Unparen(a.Field("left"))
			if left == nil || left.Kind != KIdentifier {
				continue
			}
			if hasBoundCallServing2(p, a.Field("type")) || hasBoundCallServing2(p, a.Field("right")) {
				out[left.Text()] = true
			}
		}
	}
	return out
}

// builtinsFreeServing2 reports whether the builtins names are unshadowed
// where at is evaluated (no binding in its SCOPE chain, no star import), so
// a fix may write them.
func builtinsFreeServing2(p *Pass, at *Node, names ...string) bool {
	for _, st := range p.Tree.Root().NamedChildren() {
		if st.Kind != KImportFromStatement {
			continue
		}
		for c := st.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Kind == KWildcardImport {
				return false
			}
		}
	}
	own := p.ScopeOf(at)
	for s := own; s != nil; s = s.Parent {
		if s != own && s.Kind == ScopeClass {
			continue
		}
		for _, n := range names {
			if s.Binds(n) || len(s.Defs(n)) > 0 {
				return false
			}
		}
	}
	return true
}

// requestObjectServing2 reports whether identifier n is a request object:
// the Flask/Quart `request` global, or a parameter the engine classifies
// as a FastAPI/Starlette or Django request.
func requestObjectServing2(p *Pass, n *Node) bool {
	n = Unparen(n)
	if n == nil || n.Kind != KIdentifier {
		return false
	}
	switch p.Qualname(n) {
	case "flask.request", "quart.request":
		return true
	}
	s := p.ScopeOf(n)
	if s == nil || !s.Binds(n.Text()) {
		return false
	}
	d := s.DefAt(n.Text(), n.Start)
	if d == nil || d.Kind != DefParam {
		return false
	}
	fn := s.Func()
	return fn != nil && fn.RequestParam(d.Param) != ""
}

// requestAttrServing2 reports whether n is `<request object>.<attr>` with
// attr one of attrs.
func requestAttrServing2(p *Pass, n *Node, attrs ...string) bool {
	n = Unparen(n)
	if n == nil || n.Kind != KAttribute {
		return false
	}
	name := n.Field("attribute").Text()
	for _, a := range attrs {
		if name == a {
			return requestObjectServing2(p, n.Field("object"))
		}
	}
	return false
}

// subscriptKeyServing2 reports whether n is the key of a subscript
// (`MODELS[n]`).
func subscriptKeyServing2(n *Node) bool {
	par := n.Parent()
	return par != nil && par.Kind == KSubscript && par.Field("subscript") == n
}
