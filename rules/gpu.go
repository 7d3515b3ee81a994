package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// Shared pieces of the 2.2.2 GPU & accelerator rules (AIML206–AIML215):
// response/serialisation sinks, the BOUNDED predicate of §3.7 (AIML214,
// AIML215), STREAMING generation (§3.8, AIML215), and small call helpers.

// isResponseCallGPU reports whether c builds an HTTP response body or
// serialises for one (AIML206): flask.jsonify/Response/make_response,
// fastapi.responses.*Response, starlette.responses.*Response, json.dumps.
func isResponseCallGPU(c Call) bool {
	q := c.Callee()
	switch q {
	case "flask.jsonify", "flask.Response", "flask.make_response", "json.dumps",
		"flask.wrappers.Response", "quart.jsonify", "quart.Response":
		return true
	}
	for _, pre := range []string{"fastapi.responses.", "starlette.responses.", "fastapi."} {
		if rest, ok := strings.CutPrefix(q, pre); ok && !strings.Contains(rest, ".") && strings.HasSuffix(rest, "Response") {
			return true
		}
	}
	return false
}

// exitsGPU reports whether block always leaves the function or raises: its
// last statement is raise/return, or a call to abort(...)/HTTPException
// raise. (Loops' continue/break do not count: the sink may still run.)
func exitsGPU(p *Pass, block *Node) bool {
	if block == nil {
		return false
	}
	stmts := block.NamedChildren()
	if len(stmts) == 0 {
		return false
	}
	last := stmts[len(stmts)-1]
	switch last.Kind {
	case KRaise, KReturn:
		return true
	case KExpressionStatement:
		if c, ok := p.AsCall(last.NamedChild(0)); ok {
			q := c.Callee()
			if q == "flask.abort" || q == "werkzeug.exceptions.abort" || q == "sys.exit" || q == "builtins.exit" {
				return true
			}
			if name := c.NameNode(); name != nil && (name.Is("abort") || name.Is("exit")) {
				return true
			}
		}
	}
	return false
}

// boundCheckedGPU reports whether, in the function holding sink, an `if`
// statement that ends before sink compares value (the same expression, or
// for a value derived from a local name, that name) against something with
// an ordering operator and its body raises, returns or aborts (§3.7
// BOUNDED: "compared against a bound in an if that raises/returns/aborts
// before the sink").
func boundCheckedGPU(p *Pass, sink, value *Node) bool {
	value = Unparen(value)
	if value == nil {
		return false
	}
	scope := p.FunctionScope(sink)
	cands := []*Node{value}
	// int(x), float(x): the check is usually on x or on the converted value.
	if c, ok := p.AsCall(value); ok && c.Is("builtins.int", "builtins.float") && c.Pos(0) != nil {
		cands = append(cands, Unparen(c.Pos(0)))
	}
	// A local name: its single visible assignment's value is a candidate too
	// (n = int(body["n"]); if n > MAX: abort(400)).
	for _, v := range append([]*Node(nil), cands...) {
		if v.Kind == KIdentifier {
			if d := p.ScopeOf(v).DefAt(v.Text(), v.Start); d != nil && d.Kind == DefAssign && !d.Unpacked && d.Value != nil {
				dv := Unparen(d.Value)
				cands = append(cands, dv)
				if c, ok := p.AsCall(dv); ok && c.Is("builtins.int", "builtins.float") && c.Pos(0) != nil {
					cands = append(cands, Unparen(c.Pos(0)))
				}
			}
		}
	}
	isCand := func(x *Node) bool {
		for _, c := range cands {
			if SameExpression(Unparen(x), c) {
				return true
			}
		}
		return false
	}
	found := false
	scope.Walk(func(m *Node) {
		if found || m.Kind != KIf || m.End > sink.Start {
			return
		}
		if !exitsGPU(p, m.Field("consequence")) {
			return
		}
		found = upperBoundTest(m.Field("condition"), false, isCand)
	})
	return found
}

// upperBoundTest reports whether condition cond (negated when neg) is true
// when the candidate value is too large: `v > X`, `v >= X`, `X < v`,
// `X <= v`, or under `not` the opposite comparisons (`not v <= X`), also
// inside `and`/`or`.
func upperBoundTest(cond *Node, neg bool, isCand func(*Node) bool) bool {
	cond = Unparen(cond)
	if cond == nil {
		return false
	}
	switch cond.Kind {
	case KNotOperator:
		return upperBoundTest(cond.Field("argument"), !neg, isCand)
	case KBooleanOperator:
		return upperBoundTest(cond.Field("left"), neg, isCand) || upperBoundTest(cond.Field("right"), neg, isCand)
	case KComparisonOperator:
		parts := cond.NamedChildren()
		ops := comparisonOpsGPU(cond)
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
			if greater && isCand(a) || less && isCand(b) {
				return true
			}
		}
	}
	return false
}

// comparisonOpsGPU lists the operator tokens of a comparison.
func comparisonOpsGPU(n *Node) []string {
	var ops []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if !c.Named() {
			ops = append(ops, c.Text())
		}
	}
	return ops
}

// upperBoundCallGPU reports whether call c declares an upper bound:
// Query/Path/Body/Form/Header/Field(..., le=N | lt=N) or conint(le=N | lt=N).
func upperBoundCallGPU(p *Pass, c Call) bool {
	name := c.NameNode()
	if name == nil {
		return false
	}
	switch name.Text() {
	case "Query", "Path", "Body", "Form", "Header", "Cookie", "Field", "conint", "confloat", "Param":
	default:
		return false
	}
	return c.Keyword("le") != nil || c.Keyword("lt") != nil
}

// annotationBoundedGPU: an annotation `conint(le=N)` or
// `Annotated[int, Field(le=N)]` / `Annotated[int, Query(le=N)]`.
func annotationBoundedGPU(p *Pass, ann *Node) bool {
	ann = Unparen(ann)
	if ann == nil {
		return false
	}
	if ann.Kind == KType {
		ann = Unparen(ann.NamedChild(0))
	}
	found := false
	ann.Walk(func(x *Node) bool {
		if c, ok := p.AsCall(x); ok && upperBoundCallGPU(p, c) {
			found = true
		}
		return !found
	})
	return found
}

// declaredBoundGPU reports whether the request field value reads is
// declared with an upper bound in this module (§3.7 BOUNDED, last form):
// a route parameter with a `Query(..., le=N)`-style default or bounded
// annotation, or `<param>.<field>` where a class of the module declares
// `<field>` with `Field(..., le=N)`, `conint(le=N)` or `Annotated[int,
// Field(le=N)]` (the parameter's annotated class when it is a class of the
// module, otherwise any class of the module that declares that field).
func declaredBoundGPU(p *Pass, value *Node) bool {
	value = Unparen(value)
	if value == nil {
		return false
	}
	if c, ok := p.AsCall(value); ok && c.Is("builtins.int", "builtins.float") && c.Pos(0) != nil {
		return declaredBoundGPU(p, c.Pos(0))
	}
	switch value.Kind {
	case KIdentifier:
		d := p.ScopeOf(value).DefAt(value.Text(), value.Start)
		if d == nil {
			return false
		}
		switch d.Kind {
		case DefParam:
			if c, ok := p.AsCall(d.Param.Default); ok && upperBoundCallGPU(p, c) {
				return true
			}
			return annotationBoundedGPU(p, d.Param.Annotation)
		case DefAssign:
			if !d.Unpacked && d.Value != nil && d.Value != value {
				return declaredBoundGPU(p, d.Value)
			}
		}
	case KAttribute:
		field := value.Field("attribute").Text()
		obj := Unparen(value.Field("object"))
		var classes []*Node
		if obj != nil && obj.Kind == KIdentifier {
			if d := p.ScopeOf(obj).DefAt(obj.Text(), obj.Start); d != nil && d.Kind == DefParam {
				if cls := p.LocalClass(unwrapAnnotationGPU(d.Param.Annotation)); cls != nil {
					classes = []*Node{cls}
				}
			}
		}
		if classes == nil {
			for _, s := range p.Classes {
				classes = append(classes, s.Node)
			}
		}
		for _, cls := range classes {
			if classFieldBoundedGPU(p, cls, field) {
				return true
			}
		}
	}
	return false
}

func unwrapAnnotationGPU(a *Node) *Node {
	a = Unparen(a)
	if a != nil && a.Kind == KType {
		a = Unparen(a.NamedChild(0))
	}
	return a
}

// classFieldBoundedGPU: class cls declares `field: T = Field(le=N)`,
// `field: conint(le=N)` or `field: Annotated[T, Field(le=N)]`.
func classFieldBoundedGPU(p *Pass, cls *Node, field string) bool {
	body := cls.Field("body")
	if body == nil {
		return false
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
		if annotationBoundedGPU(p, a.Field("type")) {
			return true
		}
		if c, ok := p.AsCall(a.Field("right")); ok && upperBoundCallGPU(p, c) {
			return true
		}
	}
	return false
}

// boundedGPU is §3.7 BOUNDED for a value that reached sink: wrapping in
// min()/numpy.clip is already untainted in the engine, so this checks the
// if-guard and declared-bound forms.
func boundedGPU(p *Pass, sink, value *Node) bool {
	return boundCheckedGPU(p, sink, value) || declaredBoundGPU(p, value)
}

// streamingResponseCallees construct a streaming response (§3.8 STREAMING).
var streamingResponseCallees = setOf([]string{"starlette.responses.StreamingResponse", "fastapi.responses.StreamingResponse",
	"sse_starlette.EventSourceResponse", "sse_starlette.sse.EventSourceResponse"})

// streamingGPU is §3.8 STREAMING generation for a sink call c: it has a
// `streamer=` keyword or `stream=True`, or its ROUTE HANDLER yields,
// returns or constructs a streaming response, or is a websocket route.
func streamingGPU(p *Pass, c Call) bool {
	if c.Keyword("streamer") != nil || IsTrue(c.Kwarg("stream")) {
		return true
	}
	fn := p.FuncOf(c.Node)
	if fn == nil || !fn.IsRoute() {
		return false
	}
	if d := fn.RouteDecorator; d != nil {
		if dc, ok := p.AsCall(d); ok && dc.Method() == "websocket" {
			return true
		}
	}
	found := false
	fn.Scope.Walk(func(m *Node) {
		if found {
			return
		}
		switch m.Kind {
		case KYield:
			found = true
		case KCall:
			mc, _ := p.AsCall(m)
			if streamingResponseCallees[mc.Callee()] {
				found = true
			}
			if mc.Is("flask.Response") {
				if a, ok := p.AsCall(mc.Pos(0)); ok && a.Is("flask.stream_with_context") {
					found = true
				}
			}
		}
	})
	return found
}

// minBoundFixGPU wraps value in min(value, limit) when the builtin min is
// not shadowed where value stands; ok is false otherwise.
func minBoundFixGPU(p *Pass, value *Node, limit string) (Edit, bool) {
	if p.ScopeOf(value) == nil {
		return Edit{}, false
	}
	for s := p.ScopeOf(value); s != nil; s = s.Parent {
		if s.Binds("min") {
			return Edit{}, false
		}
	}
	v := Unparen(value)
	return ReplaceNode(v, "min("+v.Text()+", "+limit+")"), true
}

// sizeAttrsGPU are sizes of server-side buffers and arrays.
var sizeAttrsGPU = map[string]bool{"size": true, "shape": true, "nbytes": true, "ndim": true, "itemsize": true}

// sizeMethodsGPU return sizes of an array or tensor.
var sizeMethodsGPU = map[string]bool{"size": true, "numel": true, "nelement": true, "dim": true}

// SizeTaintGPU is the taint of a size-like argument (launch grid/block,
// allocation size, generation length) for the sink call: element-wise for
// tuples and through any arithmetic, where sizes of existing arrays
// (`x.size`, `x.shape[0]`, `t.size(0)`, `t.numel()`, `len(x)`: bounded by
// the data actually received) and BOUNDED values (§3.7: min/clip, an
// if-check that exits, a declared `le=`/`lt=`) are clean. Other
// expressions take the engine's taint with spec.
func SizeTaintGPU(p *Pass, sink, e *Node, spec *TaintSpec) Label {
	return sizeTaintGPU(p, sink, e, spec, 0)
}

func sizeTaintGPU(p *Pass, sink, e *Node, spec *TaintSpec, depth int) Label {
	e = Unparen(e)
	if e == nil || depth > 8 {
		return 0
	}
	switch e.Kind {
	case KTuple, KList, KExpressionList:
		var l Label
		for _, el := range e.NamedChildren() {
			l |= sizeTaintGPU(p, sink, el, spec, depth+1)
		}
		return l
	case KBinaryOperator:
		return sizeTaintGPU(p, sink, e.Field("left"), spec, depth+1) | sizeTaintGPU(p, sink, e.Field("right"), spec, depth+1)
	case KUnaryOperator:
		return sizeTaintGPU(p, sink, e.Field("argument"), spec, depth+1)
	case KAttribute:
		// x.size of an array; not a field of a request model (req.size).
		if sizeAttrsGPU[e.Field("attribute").Text()] && !isParamGPU(p, e.Field("object")) {
			return 0
		}
	case KSubscript:
		if v := Unparen(e.Field("value")); v != nil && v.Kind == KAttribute && v.Field("attribute").Is("shape") {
			return 0
		}
	case KCall:
		c, _ := p.AsCall(e)
		switch {
		case c.Is("builtins.len"):
			return 0
		case sizeMethodsGPU[c.Method()] && c.Callee() == "":
			return 0
		case c.Is("builtins.int", "builtins.round", "builtins.abs", "numpy.int32", "numpy.uint32", "numpy.int64",
			"cupy.int32", "cupy.uint32", "cupy.int64"):
			if boundedGPU(p, sink, e) {
				return 0
			}
			return sizeTaintGPU(p, sink, c.Pos(0), spec, depth+1)
		}
	case KIdentifier:
		if boundedGPU(p, sink, e) {
			return 0
		}
		s := p.ScopeOf(e)
		if s.Binds(e.Text()) {
			if d := s.DefAt(e.Text(), e.Start); d != nil && d.Kind == DefAssign && !d.Unpacked && d.Value != nil {
				return sizeTaintGPU(p, sink, d.Value, spec, depth+1)
			}
		}
	}
	if boundedGPU(p, sink, e) {
		return 0
	}
	return p.Taint(e, spec)
}

// isParamGPU: n is a function parameter (a request model, not an array).
func isParamGPU(p *Pass, n *Node) bool {
	n = Unparen(n)
	if n == nil || n.Kind != KIdentifier {
		return false
	}
	d := p.ScopeOf(n).DefAt(n.Text(), n.Start)
	return d != nil && d.Kind == DefParam
}
