package rules

// Shared helpers of batch endpoint2 (AIML247–AIML252, section 2.3.2 API &
// Endpoint Security).

import . "github.com/pyguard/pyguard/analyzer"

// responseCalleesEndpoint2 build a JSON response from their arguments
// (AIML248, AIML250: "an argument of jsonify/JSONResponse/ORJSONResponse"),
// and FastAPI/Starlette's HTTPException, whose detail is sent as the body.
var responseCalleesEndpoint2 = setOf([]string{"flask.jsonify", "flask.json.jsonify", "quart.jsonify",
	"starlette.responses.JSONResponse", "fastapi.responses.JSONResponse", "fastapi.JSONResponse",
	"fastapi.responses.ORJSONResponse", "fastapi.HTTPException", "fastapi.exceptions.HTTPException",
	"starlette.exceptions.HTTPException"})

// inResponseEndpoint2 reports whether expression e is part of the value a
// handler sends back: it lies in a `return` statement's expression or in an
// argument of a response constructor (responseCalleesEndpoint2), directly,
// or through one local variable: e is (part of) the value assigned to a
// name `v = ...` or stored in one `v[k] = ...`, and v is read in such a
// place afterwards in the same SCOPE.
func inResponseEndpoint2(p *Pass, e *Node) bool {
	return inResponseDepthEndpoint2(p, e, 1)
}

func inResponseDepthEndpoint2(p *Pass, e *Node, depth int) bool {
	child := e
	for par := e.Parent(); par != nil; child, par = par, par.Parent() {
		switch par.Kind {
		case KReturn:
			return true
		case KCall:
			if c, _ := p.AsCall(par); c.Args == child && responseCalleesEndpoint2[c.Callee()] {
				return true
			}
		case KLambda, KFunctionDefinition, KClassDefinition, KBlock, KModule:
			return false
		case KAssignment:
			if depth == 0 || par.Field("right") != child {
				return false
			}
			return assignedToResponseEndpoint2(p, par, depth-1)
		}
	}
	return false
}

// assignedToResponseEndpoint2: the target of assignment a is a plain name
// (or a subscript of one) that is read in a returned value after a.
func assignedToResponseEndpoint2(p *Pass, a *Node, depth int) bool {
	t := Unparen(a.Field("left"))
	if t == nil {
		return false
	}
	sub := t.Kind == KSubscript
	if sub {
		t = Unparen(t.Field("value"))
	}
	if t == nil || t.Kind != KIdentifier {
		return false
	}
	s := p.ScopeOf(t)
	var d *Def
	if sub {
		d = s.DefAt(t.Text(), a.Start) // the container v[k] = ... stores into
	} else {
		for _, def := range s.Defs(t.Text()) {
			if def.Target == t {
				d = def
			}
		}
	}
	if d == nil {
		return false
	}
	for _, use := range s.Uses(d) {
		if use.Start > a.End && inResponseDepthEndpoint2(p, use, depth) {
			return true
		}
	}
	return false
}

// libraryRootsEndpoint2 are packages whose module-level functions share a
// method name with model APIs (`xgboost.get_config()`, `sklearn.get_config()`).
var libraryRootsEndpoint2 = map[string]bool{"xgboost": true, "sklearn": true, "lightgbm": true, "catboost": true,
	"tensorflow": true, "keras": true, "torch": true, "jax": true, "numpy": true, "pandas": true, "mlflow": true,
	"transformers": true, "os": true, "sys": true, "json": true, "subprocess": true, "asyncio": true}

// moduleReceiverEndpoint2 reports whether recv names a module (or a
// library's global namespace) rather than a value: a name bound by an
// `import` statement, or a name/attribute chain that resolves through the
// import table into one of libraryRootsEndpoint2.
func moduleReceiverEndpoint2(p *Pass, recv *Node) bool {
	recv = Unparen(recv)
	if recv == nil {
		return false
	}
	root := recv
	for root.Kind == KAttribute {
		root = Unparen(root.Field("object"))
		if root == nil {
			return false
		}
	}
	if root.Kind != KIdentifier {
		return false
	}
	if s := p.ScopeOf(root); s != nil {
		if d := s.DefAt(root.Text(), root.Start); d != nil && d.Kind == DefImport && d.Stmt.Kind == KImportStatement {
			return true
		}
		if !s.Binds(root.Text()) {
			for _, d := range p.Module.Defs(root.Text()) {
				if d.Kind == DefImport && d.Stmt.Kind == KImportStatement {
					return true
				}
			}
		}
	}
	q := p.Qualname(recv)
	if q == "" {
		return false
	}
	top := q
	for i := 0; i < len(q); i++ {
		if q[i] == '.' {
			top = q[:i]
			break
		}
	}
	return libraryRootsEndpoint2[top]
}

// routePathEndpoint2 is the path literal of a ROUTE HANDLER's route
// decorator (positional 0, `path=` or `rule=`; BentoML's `route=`), or "".
func routePathEndpoint2(p *Pass, fn *Func) string {
	if fn == nil || fn.RouteDecorator == nil {
		return ""
	}
	c, ok := p.AsCall(fn.RouteDecorator)
	if !ok {
		return ""
	}
	var arg *Node
	switch fn.Route {
	case RouteWeb:
		arg = c.Arg(0, "path", "rule")
	case RouteBento:
		arg = c.Kwarg("route")
	}
	if lit := LiteralValue(arg); lit.Kind == LitStr {
		return lit.Str
	}
	return ""
}
