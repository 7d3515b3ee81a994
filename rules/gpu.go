package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// Shared pieces of the 2.2.2 GPU & accelerator rules (AIML206–AIML215):
// response/serialisation sinks, request-controlled sizes (AIML214, AIML215
// and AIML244: BOUNDED of §3.7 is the engine's IsBounded), STREAMING
// generation (§3.8, which splits AIML215 from AIML244), and small call
// helpers. Names without the GPU suffix are used by rules of other batches.

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

// streamingResponseCallees construct a streaming response (§3.8 STREAMING).
var streamingResponseCallees = setOf([]string{"starlette.responses.StreamingResponse", "fastapi.responses.StreamingResponse",
	"sse_starlette.EventSourceResponse", "sse_starlette.sse.EventSourceResponse"})

// streamingGeneration is §3.8 STREAMING generation for a sink call c: it has a
// `streamer=` keyword or `stream=True`, or its ROUTE HANDLER yields,
// returns or constructs a streaming response, or is a websocket route.
func streamingGeneration(p *Pass, c Call) bool {
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
	if s := p.ScopeOf(value); s == nil || shadowed(s, "min") {
		return Edit{}, false
	}
	v := Unparen(value)
	return ReplaceNode(v, "min("+v.Text()+", "+limit+")"), true
}

// sizeAttrs are sizes of server-side buffers and arrays.
var sizeAttrs = map[string]bool{"size": true, "shape": true, "nbytes": true, "ndim": true, "itemsize": true}

// sizeMethods return sizes of an array or tensor.
var sizeMethods = map[string]bool{"size": true, "numel": true, "nelement": true, "dim": true}

// sizeTaint is the taint of a size-like argument (launch grid/block,
// allocation size, generation length) for the sink call: element-wise for
// tuples and through any arithmetic, where sizes of existing arrays
// (`x.size`, `x.shape[0]`, `t.size(0)`, `t.numel()`, `len(x)`: bounded by
// the data actually received) and BOUNDED values (§3.7: min/clip, an
// if-check that exits, a declared `le=`/`lt=`) are clean. Other
// expressions take the engine's taint with spec.
func sizeTaint(p *Pass, sink, e *Node, spec *TaintSpec) Label {
	return sizeTaintDepth(p, sink, e, spec, 0)
}

func sizeTaintDepth(p *Pass, sink, e *Node, spec *TaintSpec, depth int) Label {
	e = Unparen(e)
	if e == nil || depth > 8 {
		return 0
	}
	switch e.Kind {
	case KTuple, KList, KExpressionList:
		var l Label
		for _, el := range e.NamedChildren() {
			l |= sizeTaintDepth(p, sink, el, spec, depth+1)
		}
		return l
	case KBinaryOperator:
		return sizeTaintDepth(p, sink, e.Field("left"), spec, depth+1) | sizeTaintDepth(p, sink, e.Field("right"), spec, depth+1)
	case KUnaryOperator:
		return sizeTaintDepth(p, sink, e.Field("argument"), spec, depth+1)
	case KAttribute:
		// x.size of an array; not a field of a request model (req.size).
		if sizeAttrs[e.Field("attribute").Text()] && !isParam(p, e.Field("object")) {
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
		case sizeMethods[c.Method()] && c.Callee() == "":
			return 0
		case c.Is("builtins.int", "builtins.round", "builtins.abs", "numpy.int32", "numpy.uint32", "numpy.int64",
			"cupy.int32", "cupy.uint32", "cupy.int64"):
			if p.IsBoundedAt(e, sink) {
				return 0
			}
			return sizeTaintDepth(p, sink, c.Pos(0), spec, depth+1)
		}
	case KIdentifier:
		if p.IsBoundedAt(e, sink) {
			return 0
		}
		s := p.ScopeOf(e)
		if s.Binds(e.Text()) {
			if d := s.DefAt(e.Text(), e.Start); d != nil && d.Kind == DefAssign && !d.Unpacked && d.Value != nil {
				return sizeTaintDepth(p, sink, d.Value, spec, depth+1)
			}
		}
	}
	if p.IsBoundedAt(e, sink) {
		return 0
	}
	return p.Taint(e, spec)
}

// isParam: n is a function parameter (a request model, not an array).
func isParam(p *Pass, n *Node) bool {
	n = Unparen(n)
	if n == nil || n.Kind != KIdentifier {
		return false
	}
	d := p.ScopeOf(n).DefAt(n.Text(), n.Start)
	return d != nil && d.Kind == DefParam
}
