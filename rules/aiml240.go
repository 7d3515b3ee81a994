package rules

import . "github.com/pyguard/pyguard/analyzer"

// httpFuncs240 are the module-level request functions of the clients.
var httpFuncs240 = setOf(qualify("requests.", "get", "post", "put", "patch", "delete", "head", "options", "request"),
	qualify("httpx.", "get", "post", "put", "patch", "delete", "head", "options", "request", "stream"))

// httpClients240 are the client classes whose methods send requests.
var httpClients240 = setOf([]string{"requests.Session", "requests.sessions.Session", "httpx.Client",
	"httpx.AsyncClient", "aiohttp.ClientSession", "aiohttp.client.ClientSession"})

// credentialHeaders240 are the headers the fix drops, lower-cased.
const credentialHeaders240 = `("authorization", "cookie", "proxy-authorization", "x-api-key")`

var AIML240 = &Rule{
	ID:         "AIML240",
	Title:      "Shadow deployment leakage",
	Section:    "2.3.1",
	Severity:   High,
	References: []string{"CWE-200", "CWE-522", "OWASP LLM02"},
	Fix:        Unsafe,
	Message:    "Shadow/mirror call forwards all client headers, leaking credentials and cookies to another service.",
	Doc: "A request handler mirrors traffic to another service (a shadow model, a mirror, a downstream API) and " +
		"passes the incoming request's headers through unchanged (`headers=request.headers`, " +
		"`dict(request.headers)`, `request.headers.copy()`, `{**request.headers}`, Django `request.META`). Every " +
		"caller's `Authorization`, cookies and API keys reach the shadow service and its logs. A proxy whose " +
		"response the handler returns forwards them on purpose and is not reported.",
	FixDoc: "Replace the value with `{k: v for k, v in request.headers.items() if k.lower() not in (\"authorization\", " +
		"\"cookie\", \"proxy-authorization\", \"x-api-key\")}` (filtering the local variable when the headers were " +
		"copied into one first); for Django `request.META`, forward only the specific headers the service needs.",
	Example: `@app.post("/predict")
async def predict(request: Request):
    body = await request.json()
    await shadow_client.post(SHADOW_URL, json=body, headers=dict(request.headers), timeout=2)
    return {"y": model.predict([body["x"]]).tolist()}`,
	SafeExample: `@app.post("/predict")
async def predict(request: Request):
    body = await request.json()
    await shadow_client.post(SHADOW_URL, json=body, headers={"X-Request-ID": request.headers.get("X-Request-ID", "")}, timeout=2)
    return {"y": model.predict([body["x"]]).tolist()}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		kw := c.Keyword("headers")
		if kw == nil || !outbound240(p, c) {
			return
		}
		if fn := p.FuncOf(n); !fn.IsRoute() || proxied240(p, n) {
			return
		}
		v := Unparen(kw.Field("value"))
		if v == nil {
			return
		}
		form, meta := forwardedHeaders240(p, v)
		if !form && v.Kind == KIdentifier {
			if d := localDefServing2(p, v); d != nil {
				if f, m := forwardedHeaders240(p, Unparen(d.Value)); f {
					form, meta = true, m
				}
			}
		}
		if !form {
			return
		}
		p.Report(kw, fix240(p, v, meta))
	},
}

// outbound240: c sends an HTTP request: requests.*/httpx.* module
// functions, or a method of a requests/httpx/aiohttp client.
func outbound240(p *Pass, c Call) bool {
	if httpFuncs240[c.Callee()] {
		return true
	}
	return c.Method() != "" && p.TypeIn(c.Receiver(), httpClients240)
}

// proxied240 reports whether the outbound call's response becomes the
// handler's response (a proxy or gateway, which forwards credentials on
// purpose): the call, or the name its value or `with ... as` target is
// bound to, is read in a return statement or a yield. A mirror discards
// the response or only inspects it.
func proxied240(p *Pass, call *Node) bool {
	e := call
	for par := e.Parent(); par != nil && (par.Kind == KAwait || par.Kind == KParenthesized); par = e.Parent() {
		e = par
	}
	if returned240(e) {
		return true
	}
	var defs []*Def
	switch par := e.Parent(); {
	case par == nil:
	case par.Kind == KAssignment && par.Field("right") == e:
		defs = p.BindingsOf(e)
	case par.Kind == KAsPattern:
		// async with client.stream(...) as r:
		if item := par.Parent(); item != nil && item.Kind == KWithItem {
			if alias := par.Field("alias"); alias != nil {
				if id := alias.NamedChild(0); id != nil && id.Kind == KIdentifier {
					s := p.ScopeOf(id)
					for _, d := range s.Defs(id.Text()) {
						if d.Target == id {
							defs = append(defs, d)
						}
					}
				}
			}
		}
	}
	for _, d := range defs {
		for _, use := range p.ScopeOf(d.Target).Uses(d) {
			if returned240(use) {
				return true
			}
		}
	}
	return false
}

// returned240: n lies in a return statement or a yield of its statement.
func returned240(n *Node) bool {
	for par := n.Parent(); par != nil; par = par.Parent() {
		switch par.Kind {
		case KReturn, KYield:
			return true
		case KBlock, KModule, KFunctionDefinition, KClassDefinition, KLambda:
			return false
		}
	}
	return false
}

// forwardedHeaders240 reports whether v is the whole incoming header set:
// request.headers, dict(request.headers), request.headers.copy(),
// {**request.headers}, dict(request.headers.items()), or Django
// request.META (meta=true).
func forwardedHeaders240(p *Pass, v *Node) (form, meta bool) {
	v = Unparen(v)
	if v == nil {
		return false, false
	}
	if requestAttrServing2(p, v, "headers") {
		return true, false
	}
	if requestAttrServing2(p, v, "META") {
		return true, true
	}
	switch v.Kind {
	case KCall:
		c, _ := p.AsCall(v)
		if c.Method() == "copy" && c.Args != nil && len(c.Args.NamedChildren()) == 0 && requestAttrServing2(p, c.Receiver(), "headers") {
			return true, false
		}
		args := c.Positional()
		if c.Is("builtins.dict") && len(args) == 1 && c.Args != nil && len(c.Args.NamedChildren()) == 1 {
			a := Unparen(args[0])
			if requestAttrServing2(p, a, "headers") {
				return true, false
			}
			if ic, ok := p.AsCall(a); ok && ic.Method() == "items" && len(ic.Positional()) == 0 && requestAttrServing2(p, ic.Receiver(), "headers") {
				return true, false
			}
		}
	case KDict:
		elems := v.NamedChildren()
		if len(elems) == 1 && elems[0].Kind == KDictSplat && requestAttrServing2(p, elems[0].NamedChild(0), "headers") {
			return true, false
		}
	}
	return false, false
}

// fix240 replaces the headers value with a comprehension over its items
// that drops credential headers; guidance for Django request.META.
func fix240(p *Pass, v *Node, meta bool) *Fix {
	if meta {
		return GuidanceFix("Do not forward `request.META`: build the outbound headers from the specific request headers " +
			"the other service needs (e.g. `{\"X-Request-ID\": request.headers.get(\"X-Request-ID\", \"\")}`), never " +
			"`Authorization` or cookies.")
	}
	src := v
	if v.Kind != KIdentifier {
		src = headersSource240(v)
	}
	if src == nil {
		return p.Guidance()
	}
	k, val := "k", "v"
	if src.Is("k") || src.Is("v") {
		k, val = "name", "value"
	}
	text := "{" + k + ": " + val + " for " + k + ", " + val + " in " + src.Text() + ".items() if " + k + ".lower() not in " +
		credentialHeaders240 + "}"
	return p.Edits(Unsafe, "Forward `"+codeText(src, 40)+"` without its Authorization, Cookie, Proxy-Authorization "+
		"and X-Api-Key headers.", ReplaceNode(v, text)).
		Changing("the other service no longer receives the caller's credentials or cookies; if it authenticates " +
			"callers with them, its requests now fail.")
}

// headersSource240 is the `request.headers` expression inside a forwarded
// form.
func headersSource240(v *Node) *Node {
	var found *Node
	v.Walk(func(m *Node) bool {
		if found == nil && m.Kind == KAttribute && m.Field("attribute").Is("headers") {
			found = m
		}
		return found == nil
	})
	return found
}

func init() { register(AIML240) }
