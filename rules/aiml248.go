package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// healthSegments248 are the last path segments of health/readiness routes.
var healthSegments248 = map[string]bool{"health": true, "healthz": true, "healthcheck": true, "health-check": true,
	"ready": true, "readyz": true, "readiness": true, "live": true, "livez": true, "liveness": true, "ping": true,
	"status": true}

// traceCalls248 format a stack trace.
var traceCalls248 = []string{"traceback.format_exc", "traceback.format_exception", "traceback.format_tb"}

var AIML248 = &Rule{
	ID:         "AIML248",
	Title:      "Health check information disclosure",
	Section:    "2.3.2",
	Severity:   High,
	References: []string{"CWE-200", "CWE-209", "CWE-526"},
	Fix:        Safe,
	Message:    "Health endpoint returns environment variables or stack traces to unauthenticated probes; remove them.",
	Doc: "A health, readiness or liveness route (`/health`, `/healthz`, `/ready`, `/livez`, `/ping`, `/status`, …) " +
		"returns (directly, through `jsonify`/`JSONResponse`/`ORJSONResponse`, or as an `HTTPException` detail) the " +
		"whole process environment (`os.environ`, `dict(os.environ)`, `os.environ.copy()`, `{**os.environ}`) or a " +
		"formatted stack trace (`traceback.format_exc()`, `format_exception`, `format_tb`). " +
		"Probe endpoints are usually exempt from authentication, so anyone who can reach the service reads its " +
		"secrets, tokens and internal paths.",
	FixDoc: "Replace the stack-trace call with the literal `\"unavailable\"` and the whole-environment expression " +
		"with `{}`; the status code and the response's shape are unchanged. Log the trace on the server instead.",
	Example: `@app.get("/healthz")
def healthz():
    try:
        model.predict(PROBE)
        return {"ok": True}
    except Exception:
        return JSONResponse({"ok": False, "trace": traceback.format_exc()}, status_code=503)`,
	SafeExample: `@app.get("/healthz")
def healthz():
    try:
        model.predict(PROBE)
        return {"ok": True}
    except Exception:
        return JSONResponse({"ok": False}, status_code=503)`,
	Kinds: []Kind{KAttribute, KIdentifier, KCall},
	Check: func(p *Pass, n *Node) {
		var expr *Node // the offending expression
		var fix func() *Fix
		switch n.Kind {
		case KAttribute, KIdentifier:
			if !IsNameRead(n) && n.Kind == KIdentifier || p.Qualname(n) != "os.environ" {
				return
			}
			e, splat := wholeEnv248(p, n)
			if e == nil {
				return
			}
			expr = e
			fix = func() *Fix {
				if splat {
					return p.Edits(Safe, "Drop `"+codeText(e, 40)+"` from this health response, so it no longer "+
						"carries the process environment.", RemoveKeyword(e))
				}
				return p.Edits(Safe, "Replace `"+codeText(e, 40)+"` with `{}` in this health response, so it no "+
					"longer carries the process environment.", ReplaceNode(e, "{}"))
			}
		case KCall:
			c, _ := p.AsCall(n)
			if !c.Is(traceCalls248...) {
				return
			}
			expr = n
			replaced := joinedTrace248(p, n)
			fix = func() *Fix {
				return p.Edits(Safe, "Replace `"+codeText(replaced, 40)+"` with `\"unavailable\"` in this health "+
					"response, so callers no longer see the stack trace.", ReplaceNode(replaced, `"unavailable"`))
			}
		}
		if expr == nil || !inResponseEndpoint2(p, outerJoin248(p, expr)) {
			return
		}
		fn := p.FuncOf(n)
		if !fn.IsRoute() || !healthPath248(routePathEndpoint2(p, fn)) {
			return
		}
		p.Report(expr, fix())
	},
}

// healthPath248: the route path's last segment is a health/readiness name.
func healthPath248(path string) bool {
	path = strings.TrimRight(path, "/")
	if path == "" {
		return false
	}
	return healthSegments248[strings.ToLower(path[strings.LastIndexByte(path, '/')+1:])]
}

// wholeEnv248 returns the whole-environment expression env (os.environ)
// stands in: `os.environ` itself where it is used as a value,
// `os.environ.copy()`, `dict(os.environ)`, `dict(os.environ.items())`,
// `{**os.environ}`; for a `**os.environ` splat among other entries of a
// dict, the splat (splat=true). nil for single-key reads (`.get`, `[k]`),
// counts and tests.
func wholeEnv248(p *Pass, env *Node) (expr *Node, splat bool) {
	at := env
	for at.Parent() != nil && at.Parent().Kind == KParenthesized {
		at = at.Parent()
	}
	par := at.Parent()
	if par == nil {
		return nil, false
	}
	switch par.Kind {
	case KAttribute:
		// os.environ.copy() / dict(os.environ.items())
		call := par.Parent()
		c, ok := p.AsCall(call)
		if !ok || c.Func != par || c.Args == nil || len(c.Args.NamedChildren()) != 0 {
			return nil, false
		}
		switch par.Field("attribute").Text() {
		case "copy":
			return call, false
		case "items":
			if d := soleDictArg248(p, call); d != nil {
				return d, false
			}
		}
		return nil, false
	case KArgumentList:
		if d := soleDictArg248(p, at); d != nil {
			return d, false
		}
		if c, ok := p.AsCall(par.Parent()); ok && responseCalleesEndpoint2[c.Callee()] {
			return at, false
		}
		return nil, false
	case KDictSplat:
		dict := par.Parent()
		if dict == nil || dict.Kind != KDict {
			return nil, false
		}
		if len(dict.NamedChildren()) == 1 {
			return dict, false
		}
		return par, true
	case KReturn, KList, KTuple, KAssignment:
		if par.Kind == KAssignment && par.Field("right") != at {
			return nil, false
		}
		return at, false
	case KPair:
		if par.Field("value") == at {
			return at, false
		}
	case KKeywordArgument:
		if par.Field("value") == at {
			return at, false
		}
	}
	return nil, false
}

// soleDictArg248: arg is the only argument of a `dict(...)` call; that call.
func soleDictArg248(p *Pass, arg *Node) *Node {
	args := arg.Parent()
	if args == nil || args.Kind != KArgumentList || len(args.NamedChildren()) != 1 {
		return nil
	}
	if c, ok := p.AsCall(args.Parent()); ok && c.Is("builtins.dict") {
		return c.Node
	}
	return nil
}

// joinedTrace248: the `"<sep>".join(trace)` call that trace is the only
// argument of (what the fix replaces), else trace itself.
func joinedTrace248(p *Pass, trace *Node) *Node {
	if j := outerJoin248(p, trace); j != trace {
		return j
	}
	return trace
}

// outerJoin248 is the str.join call around n (n its only argument), or n.
func outerJoin248(p *Pass, n *Node) *Node {
	args := n.Parent()
	if args == nil || args.Kind != KArgumentList || len(args.NamedChildren()) != 1 {
		return n
	}
	c, ok := p.AsCall(args.Parent())
	if !ok || c.Method() != "join" {
		return n
	}
	if r := Unparen(c.Receiver()); r != nil && r.Kind == KString {
		return c.Node
	}
	return n
}

func init() { register(AIML248) }
