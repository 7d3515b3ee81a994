package rules

// Shared helpers of batch endpoint (AIML241–AIML246, section 2.3.2 API &
// Endpoint Security).

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// gradioAppTypesEndpoint are the Gradio app classes whose launch() can
// publish a share link (AIML241).
var gradioAppTypesEndpoint = map[string]bool{
	"gradio.Interface": true, "gradio.interface.Interface": true,
	"gradio.Blocks": true, "gradio.blocks.Blocks": true,
	"gradio.ChatInterface": true, "gradio.chat_interface.ChatInterface": true,
	"gradio.TabbedInterface": true, "gradio.interface.TabbedInterface": true,
	// gr.load(...) returns a gradio.Blocks.
	"gradio.load": true, "gradio.external.load": true,
}

// gradioAppEndpoint reports whether recv is typed (README §3.4) to a Gradio
// app, also through `<app>.queue(...)`, which returns the same app.
func gradioAppEndpoint(p *Pass, recv *Node) bool {
	for i := 0; i < 4; i++ {
		recv = Unparen(recv)
		if recv == nil {
			return false
		}
		if gradioAppTypesEndpoint[p.TypeOf(recv)] {
			return true
		}
		c, ok := p.AsCall(recv)
		if !ok || c.Method() != "queue" {
			return false
		}
		recv = c.Receiver()
	}
	return false
}

// lastComponentEndpoint is the last path component below the
// world-writable root of a directory literal, for AIML245's replacement
// (`/tmp/hf-cache/` -> "hf-cache"); "" when the path is the root itself
// (`/tmp`, `/dev/shm/`).
func lastComponentEndpoint(path string) string {
	for _, root := range []string{"/var/tmp", "/dev/shm", "/tmp"} {
		if path == root || strings.HasPrefix(path, root+"/") {
			rest := strings.Trim(path[len(root):], "/")
			if rest == "" {
				return ""
			}
			return rest[strings.LastIndexByte(rest, '/')+1:]
		}
	}
	return ""
}

// insertBeforeEndpoint inserts, before statement stmt and at its
// indentation, the lines of block (four spaces per relative level, written
// in the file's indent unit) with the file's line ending. ok is false when
// stmt does not start its line (`x = 1; y = f()`, `if c: y = f()`).
func insertBeforeEndpoint(p *Pass, stmt *Node, block string) (Edit, bool) {
	t := p.Tree
	nl, indent, unit := t.Newline(), Indent(stmt), t.IndentUnit()
	at := t.LineStart(stmt.Line())
	if stmt.Start != at+uint32(len(indent)) {
		return Edit{}, false
	}
	var b strings.Builder
	for _, l := range strings.Split(block, "\n") {
		rest := strings.TrimLeft(l, " ")
		b.WriteString(indent + strings.Repeat(unit, (len(l)-len(rest))/4) + rest + nl)
	}
	return Edit{Start: at, End: at, NewText: b.String()}, true
}

// shadowedEndpoint reports whether a builtin name is bound in s or a SCOPE
// enclosing it (so a fix cannot use the builtin).
func shadowedEndpoint(s *Scope, name string) bool {
	for ; s != nil; s = s.Parent {
		if s.Binds(name) {
			return true
		}
	}
	return false
}

// streamingCalleesEndpoint construct a streaming response (README §3.8 STREAMING).
var streamingCalleesEndpoint = setOf([]string{"starlette.responses.StreamingResponse", "fastapi.responses.StreamingResponse",
	"sse_starlette.EventSourceResponse", "sse_starlette.sse.EventSourceResponse"})

// streamingEndpoint is README §3.8 STREAMING generation for a sink call c:
// it has a `streamer=` keyword or `stream=True`, or its ROUTE HANDLER
// yields, returns or constructs a streaming response, or is a websocket
// route. A copy of the predicate AIML215 uses (rules/gpu.go), kept here so
// this batch does not depend on that file's helpers.
func streamingEndpoint(p *Pass, c Call) bool {
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
			if streamingCalleesEndpoint[mc.Callee()] {
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

// sizeAttrsEndpoint / sizeMethodsEndpoint are sizes of arrays and tensors
// the server already holds (bounded by the data actually received).
var (
	sizeAttrsEndpoint   = map[string]bool{"size": true, "shape": true, "nbytes": true, "ndim": true, "itemsize": true}
	sizeMethodsEndpoint = map[string]bool{"size": true, "numel": true, "nelement": true, "dim": true}
)

// sizeTaintEndpoint is the taint of a size-like argument (a generation
// length or count) at sink: element-wise for tuples and through any
// arithmetic, where sizes of existing data (`len(x)`, `x.shape[0]`,
// `t.size(0)`) and BOUNDED values (p.IsBoundedAt) are clean; other
// expressions take the engine's taint with spec. The same walk AIML215
// uses (rules/gpu.go), copied so both rules agree on BOUNDED values.
func sizeTaintEndpoint(p *Pass, sink, e *Node, spec *TaintSpec, depth int) Label {
	e = Unparen(e)
	if e == nil || depth > 8 {
		return 0
	}
	switch e.Kind {
	case KTuple, KList, KExpressionList:
		var l Label
		for _, el := range e.NamedChildren() {
			l |= sizeTaintEndpoint(p, sink, el, spec, depth+1)
		}
		return l
	case KBinaryOperator:
		return sizeTaintEndpoint(p, sink, e.Field("left"), spec, depth+1) | sizeTaintEndpoint(p, sink, e.Field("right"), spec, depth+1)
	case KUnaryOperator:
		return sizeTaintEndpoint(p, sink, e.Field("argument"), spec, depth+1)
	case KAttribute:
		if sizeAttrsEndpoint[e.Field("attribute").Text()] && !isParamEndpoint(p, e.Field("object")) {
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
		case sizeMethodsEndpoint[c.Method()] && c.Callee() == "":
			return 0
		case c.Is("builtins.int", "builtins.round", "builtins.abs"):
			if p.IsBoundedAt(e, sink) {
				return 0
			}
			return sizeTaintEndpoint(p, sink, c.Pos(0), spec, depth+1)
		}
	case KIdentifier:
		if p.IsBoundedAt(e, sink) {
			return 0
		}
		s := p.ScopeOf(e)
		if s.Binds(e.Text()) {
			if d := s.DefAt(e.Text(), e.Start); d != nil && d.Kind == DefAssign && !d.Unpacked && d.Value != nil {
				return sizeTaintEndpoint(p, sink, d.Value, spec, depth+1)
			}
		}
	}
	if p.IsBoundedAt(e, sink) {
		return 0
	}
	return p.Taint(e, spec)
}

// isParamEndpoint: n is a function parameter (a request model, not an array).
func isParamEndpoint(p *Pass, n *Node) bool {
	n = Unparen(n)
	if n == nil || n.Kind != KIdentifier {
		return false
	}
	d := p.ScopeOf(n).DefAt(n.Text(), n.Start)
	return d != nil && d.Kind == DefParam
}
