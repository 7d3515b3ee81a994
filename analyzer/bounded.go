package analyzer

// BOUNDED (README §3.7), the engine predicate rules call for request values
// that size a batch, a generation or an allocation, and Exits, the "body
// always leaves" test it shares with ALLOW-GUARD.

// IsBounded reports whether v, a value where it is used (a sink argument),
// is BOUNDED. v stands for itself, for the argument of an int()/float()
// around it and, when it is a local name, for the value of the plain
// assignment it reads (with the same int()/float() step); the value is
// BOUNDED when one of these is
//
//   - clamped: `min(x, N)` (either order), `max(lo, min(x, N))` or
//     `numpy.clip(x, lo, hi)`, with N an int/float literal or a module-level
//     name assigned once;
//   - checked: an `if` of the same function, ending before v, is true when
//     it is too large (`x > N`, `N <= x`, `not x <= N`, `not lo <= x <= N`,
//     either side of and/or; an int()/float() around it counts) and its body
//     leaves (Exits; by continue/break only when v is in that loop's body);
//   - declared: it reads a request field declared in this module with an
//     upper bound: a parameter whose default or annotation holds a bound
//     call (`Query(32, le=256)`, `Annotated[int, Query(lt=65)]`), or
//     `<param>.<field>`, `body["<field>"]` or `body.get("<field>")` where a
//     class declares `<field>: T = Field(le=N)`, `<field>: conint(le=N)` or
//     `<field>: Annotated[T, Field(le=N)]` (for a parameter annotated with a
//     class of this module, that class; otherwise any class of the module).
func (f *File) IsBounded(v *Node) bool { return f.IsBoundedAt(v, v) }

// IsBoundedAt is IsBounded for an expression v that the value used at sink
// is computed from: v may stand before sink (the n of `m = n * 2` for a
// sink reading m), and a bound check counts when it ends before sink.
func (f *File) IsBoundedAt(v, sink *Node) bool {
	v = Unparen(v)
	if v == nil || sink == nil {
		return false
	}
	keys := f.boundKeys(v)
	for _, k := range keys {
		if f.clamped(k) || f.declaredBound(k) {
			return true
		}
	}
	return f.boundChecked(keys, sink)
}

// boundKeys are the expressions the value v is: v, the argument of an
// int()/float() around it, and the same for the value of the plain
// assignment an identifier v reads.
func (f *File) boundKeys(v *Node) []*Node {
	var keys []*Node
	var add func(e *Node, follow bool)
	add = func(e *Node, follow bool) {
		e = Unparen(e)
		if e == nil {
			return
		}
		keys = append(keys, e)
		if c, ok := f.AsCall(e); ok && c.Is("builtins.int", "builtins.float") && c.Pos(0) != nil {
			add(c.Pos(0), follow)
			return
		}
		if follow && e.Kind == KIdentifier {
			if d := f.plainDef(e); d != nil {
				add(d.Value, false)
			}
		}
	}
	add(v, true)
	return keys
}

// plainDef is the plain assignment (`x = v`, not unpacked) an identifier
// reads in its own SCOPE, or nil.
func (f *File) plainDef(id *Node) *Def {
	s := f.ScopeOf(id)
	if s == nil {
		return nil
	}
	d := s.DefAt(id.Text(), id.Start)
	if d == nil || d.Kind != DefAssign || d.Unpacked || d.Value == nil {
		return nil
	}
	return d
}

// clamped: e is min(...) with a bound among its arguments, max(...) whose
// arguments are all bounds or clamped, or numpy.clip(x, lo, hi) with an
// upper limit.
func (f *File) clamped(e *Node) bool {
	c, ok := f.AsCall(e)
	if !ok {
		return false
	}
	switch {
	case c.Is("builtins.min"):
		for _, a := range c.Positional() {
			if f.isBoundConst(a) {
				return true
			}
		}
	case c.Is("builtins.max"):
		args := c.Positional()
		for _, a := range args {
			if !f.isBoundConst(a) && !f.clamped(a) {
				return false
			}
		}
		return len(args) > 0
	case c.Is("numpy.clip"):
		hi := Unparen(c.Arg(2, "a_max", "max"))
		return hi != nil && hi.Kind != KNone
	}
	return false
}

// isBoundConst: an int/float literal, or a module-level name assigned
// exactly once and not rebound where n reads it.
func (f *File) isBoundConst(n *Node) bool {
	n = Unparen(n)
	if n == nil {
		return false
	}
	switch LiteralValue(n).Kind {
	case LitInt, LitFloat:
		return true
	}
	if n.Kind != KIdentifier {
		return false
	}
	defs := f.Module.Defs(n.Text())
	s := f.ScopeOf(n)
	return len(defs) == 1 && defs[0].Kind == DefAssign && !defs[0].Unpacked && s != nil && s.lookupScope(n.Text()) == f.Module
}

// boundChecked: an `if` of sink's function, ending before sink, tests one
// of keys against an upper bound and its body leaves before sink.
func (f *File) boundChecked(keys []*Node, sink *Node) bool {
	isKey := func(x *Node) bool {
		x = Unparen(x)
		if c, ok := f.AsCall(x); ok && c.Is("builtins.int", "builtins.float") && sameAsAny(Unparen(c.Pos(0)), keys) {
			return true
		}
		return sameAsAny(x, keys)
	}
	found := false
	f.FunctionScope(sink).Walk(func(m *Node) {
		if found || m.Kind != KIf || m.End > sink.Start {
			return
		}
		found = f.leavesBefore(m.Field("consequence"), sink) && upperBoundTest(m.Field("condition"), false, isKey)
	})
	return found
}

func sameAsAny(x *Node, keys []*Node) bool {
	for _, k := range keys {
		if SameExpression(x, k) {
			return true
		}
	}
	return false
}

// upperBoundTest reports whether condition cond (negated when neg) is true
// when the key is too large: `k > X`, `k >= X`, `X < k`, `X <= k`, or under
// `not` the opposite comparisons (`not k <= X`), also inside and/or.
func upperBoundTest(cond *Node, neg bool, isKey func(*Node) bool) bool {
	cond = Unparen(cond)
	if cond == nil {
		return false
	}
	switch cond.Kind {
	case KNotOperator:
		return upperBoundTest(cond.Field("argument"), !neg, isKey)
	case KBooleanOperator:
		return upperBoundTest(cond.Field("left"), neg, isKey) || upperBoundTest(cond.Field("right"), neg, isKey)
	case KComparisonOperator:
		parts := cond.NamedChildren()
		ops := ComparisonOps(cond)
		if len(ops) != len(parts)-1 {
			return false
		}
		for i, op := range ops {
			a, b := parts[i], parts[i+1]
			greater := op == ">" || op == ">="
			less := op == "<" || op == "<="
			if neg {
				greater, less = less, greater
			}
			if greater && isKey(a) || less && isKey(b) {
				return true
			}
		}
	}
	return false
}

// leavesBefore reports whether block, the body of a bound check, leaves
// before sink runs: Exits(block), where leaving by continue or break counts
// only when sink is in the body of the loop it leaves (a sink after the
// loop still runs), or a call to flask/werkzeug abort or sys.exit under
// another name (`from flask import abort as deny`).
func (f *File) leavesBefore(block, sink *Node) bool {
	last := lastStatement(block)
	switch {
	case last == nil:
		return false
	case isLoopExit(last):
		body := loopBodyOf(last)
		return body != nil && body.Contains(sink)
	case Exits(block):
		return true
	case last.Kind == KExpressionStatement:
		c, ok := f.AsCall(last.NamedChild(0))
		return ok && c.Is("flask.abort", "werkzeug.exceptions.abort", "sys.exit", "builtins.exit")
	}
	return false
}

// Exits reports whether block always leaves: its last statement is raise,
// return, continue or break, or a call to a function named abort or exit
// (`abort(400)`, `flask.abort(404)`, `sys.exit(1)`). It reads names only,
// so it can run while scopes are being built (ALLOW-GUARD).
func Exits(block *Node) bool {
	last := lastStatement(block)
	if last == nil {
		return false
	}
	switch last.Kind {
	case KRaise, KReturn:
		return true
	case KExpressionStatement:
		if c := Unparen(last.NamedChild(0)); c != nil && c.Kind == KCall {
			name := lastName(c.Field("function"))
			return name == "abort" || name == "exit"
		}
	}
	return isLoopExit(last)
}

// lastStatement is the last statement of block, or nil.
func lastStatement(block *Node) *Node {
	if block == nil {
		return nil
	}
	stmts := block.NamedChildren()
	if len(stmts) == 0 {
		return nil
	}
	return stmts[len(stmts)-1]
}

func isLoopExit(st *Node) bool {
	t := st.Type()
	return t == "continue_statement" || t == "break_statement"
}

// loopBodyOf is the body of the loop a continue/break statement leaves, or
// nil outside a loop of its function.
func loopBodyOf(st *Node) *Node {
	for child, n := st, st.Parent(); n != nil; child, n = n, n.Parent() {
		switch n.Kind {
		case KFor, KWhile:
			if body := n.Field("body"); body == child {
				return body
			}
		case KFunctionDefinition, KClassDefinition, KLambda:
			return nil
		}
	}
	return nil
}

// declaredBound: k reads a request field declared with an upper bound in
// this module (the last form of IsBounded), directly or through int(),
// float() and plain local assignments.
func (f *File) declaredBound(k *Node) bool {
	k = Unparen(k)
	if k == nil {
		return false
	}
	if c, ok := f.AsCall(k); ok && c.Is("builtins.int", "builtins.float") && c.Pos(0) != nil {
		return f.declaredBound(c.Pos(0))
	}
	switch k.Kind {
	case KIdentifier:
		s := f.ScopeOf(k)
		if s == nil {
			return false
		}
		d := s.DefAt(k.Text(), k.Start)
		if d == nil {
			return false
		}
		switch d.Kind {
		case DefParam:
			return f.hasBoundCall(d.Param.Default) || f.hasBoundCall(d.Param.Annotation)
		case DefAssign:
			return !d.Unpacked && d.Value != nil && d.Value != k && f.declaredBound(d.Value)
		}
	case KAttribute:
		return f.fieldBounded(f.fieldClasses(k.Field("object")), k.Field("attribute").Text())
	case KSubscript:
		if l := LiteralValue(k.Field("subscript")); l.Kind == LitStr {
			return f.fieldBounded(f.fieldClasses(nil), l.Str)
		}
	case KCall:
		if c, _ := f.AsCall(k); c.Method() == "get" {
			if l := LiteralValue(c.Pos(0)); l.Kind == LitStr {
				return f.fieldBounded(f.fieldClasses(nil), l.Str)
			}
		}
	}
	return false
}

// fieldClasses are the classes whose declarations give `<obj>.<field>` its
// bound: the annotated class of a parameter obj when that is a class of
// this module, otherwise every class of the module.
func (f *File) fieldClasses(obj *Node) []*Node {
	if obj = Unparen(obj); obj != nil && obj.Kind == KIdentifier {
		if s := f.ScopeOf(obj); s != nil {
			if d := s.DefAt(obj.Text(), obj.Start); d != nil && d.Kind == DefParam {
				ann := Unparen(d.Param.Annotation)
				if ann != nil && ann.Kind == KType {
					ann = Unparen(ann.NamedChild(0))
				}
				if cls := f.LocalClass(ann); cls != nil {
					return []*Node{cls}
				}
			}
		}
	}
	classes := make([]*Node, 0, len(f.Classes))
	for _, s := range f.Classes {
		classes = append(classes, s.Node)
	}
	return classes
}

// fieldBounded: one of classes declares `field: T = <bound call>`,
// `field: <bound call>` or `field: Annotated[T, <bound call>]`.
func (f *File) fieldBounded(classes []*Node, field string) bool {
	for _, cls := range classes {
		body := cls.Field("body")
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
			if left == nil || left.Kind != KIdentifier || !left.Is(field) {
				continue
			}
			if f.hasBoundCall(a.Field("type")) || f.hasBoundCall(a.Field("right")) {
				return true
			}
		}
	}
	return false
}

// boundCallNames and boundCallQualnames are the declarations whose
// `le=`/`lt=` gives a field an upper bound (FastAPI's parameter functions,
// pydantic's and SQLModel's Field, conint, confloat): by the name called
// (`Field(...)`, `fastapi.Query(...)`), or by the qualified name for
// another spelling (`Q(...)` after `from fastapi import Query as Q`).
var (
	boundCallNames = map[string]bool{"Query": true, "Path": true, "Body": true, "Form": true, "Header": true,
		"Cookie": true, "Param": true, "Field": true, "conint": true, "confloat": true}
	boundCallQualnames = Set([]string{"pydantic.Field", "pydantic.fields.Field", "pydantic.conint",
		"pydantic.types.conint", "pydantic.confloat", "pydantic.types.confloat", "fastapi.Query", "fastapi.Path",
		"fastapi.Body", "fastapi.Form", "fastapi.Header", "fastapi.params.Query", "fastapi.params.Path",
		"fastapi.params.Body", "fastapi.params.Form", "fastapi.param_functions.Query", "sqlmodel.Field"})
)

// hasBoundCall: expression e is or contains a bound declaration with `le=`
// or `lt=`.
func (f *File) hasBoundCall(e *Node) bool {
	if e == nil {
		return false
	}
	found := false
	e.Walk(func(m *Node) bool {
		if found {
			return false
		}
		if m.Kind == KCall {
			c, _ := f.AsCall(m)
			if (c.Keyword("le") != nil || c.Keyword("lt") != nil) && boundDeclaration(c) {
				found = true
			}
		}
		return true
	})
	return found
}

func boundDeclaration(c Call) bool {
	if name := c.NameNode(); name != nil && boundCallNames[name.Text()] {
		return true
	}
	return boundCallQualnames[c.Callee()]
}
