package rules

import . "github.com/pyguard/pyguard/analyzer"

// requestsFuncs252 are the requests module functions that send a request;
// requests' default is to wait forever.
var requestsFuncs252 = setOf(qualify("requests.", "get", "post", "put", "patch", "delete", "head", "request"),
	qualify("requests.api.", "get", "post", "put", "patch", "delete", "head", "request"))

// sessionMethods252 are the same methods on a requests.Session.
var sessionMethods252 = map[string]bool{"get": true, "post": true, "put": true, "patch": true, "delete": true,
	"head": true, "request": true}

var sessionTypes252 = map[string]bool{"requests.Session": true, "requests.sessions.Session": true}

// httpxFuncs252 send a request with httpx, whose default timeout is 5 s:
// only an explicit `timeout=None` disables it.
var httpxFuncs252 = setOf(qualify("httpx.", "get", "post", "put", "patch", "delete", "head", "options", "request", "stream"))

var httpxClients252 = map[string]bool{"httpx.Client": true, "httpx.AsyncClient": true}

var httpxMethods252 = map[string]bool{"get": true, "post": true, "put": true, "patch": true, "delete": true,
	"head": true, "options": true, "request": true, "stream": true, "send": true}

const timeout252 = "10"

var AIML252 = &Rule{
	ID:         "AIML252",
	Title:      "Circuit breaker bypass",
	Section:    "2.3.2",
	Severity:   Medium,
	References: []string{"CWE-400", "CWE-1088"},
	Fix:        Unsafe,
	Message:    "Downstream model call in a request path has no timeout; hung dependencies stall workers and never trip the breaker.",
	Doc: "A request handler calls a downstream model or feature service with no timeout: `requests` calls (module " +
		"functions or a `requests.Session`) without `timeout=` or with `timeout=None`, `urllib.request.urlopen` " +
		"without a timeout, or httpx calls and clients with `timeout=None`. A slow or hung dependency blocks the " +
		"worker indefinitely, so requests pile up and no circuit breaker or retry budget ever trips.",
	FixDoc: "Pass `timeout=10` (replacing `timeout=None`), or a tighter budget that fits the endpoint's latency target.",
	Example: `@app.post("/predict")
def predict(req: Req):
    feats = requests.get(f"{FEATURE_URL}/users/{req.user_id}").json()
    return {"y": model.predict([feats["vector"]]).tolist()}`,
	SafeExample: `@app.post("/predict")
def predict(req: Req):
    feats = requests.get(f"{FEATURE_URL}/users/{req.user_id}", timeout=2).json()
    return {"y": model.predict([feats["vector"]]).tolist()}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		var missing bool // no timeout at all (vs an explicit None)
		var tmo *Node
		switch {
		case requestsFuncs252[c.Callee()]:
			t, known := c.LookupArg(-1, "timeout")
			if !known {
				return
			}
			tmo, missing = t, t == nil
		case c.Method() != "" && sessionMethods252[c.Method()] && p.TypeIn(c.Receiver(), sessionTypes252):
			pos := -1
			if c.Method() == "request" {
				pos = 8 // Session.request(method, url, params, data, headers, cookies, files, auth, timeout, ...)
			}
			t, known := c.LookupArg(pos, "timeout")
			if !known || mountsAdapter252(p) {
				return
			}
			tmo, missing = t, t == nil
		case c.Is("urllib.request.urlopen"):
			t, known := c.LookupArg(2, "timeout")
			if !known {
				return
			}
			tmo, missing = t, t == nil
		case httpxFuncs252[c.Callee()], c.Is("httpx.Client", "httpx.AsyncClient"),
			c.Method() != "" && httpxMethods252[c.Method()] && p.TypeIn(c.Receiver(), httpxClients252):
			tmo = c.Kwarg("timeout")
			if tmo == nil {
				return // httpx's default timeout applies
			}
		default:
			return
		}
		if !missing && !noTimeout252(p, tmo) {
			return
		}
		if fn := p.FuncOf(n); !fn.IsRoute() {
			return
		}
		p.ReportCall(c, fix252(p, c, tmo))
	},
}

// noTimeout252: the timeout value disables the timeout: `None`, or
// `httpx.Timeout(None)`.
func noTimeout252(p *Pass, v *Node) bool {
	v = Unparen(v)
	if v == nil {
		return false
	}
	if v.Kind == KNone {
		return true
	}
	if c, ok := p.AsCall(v); ok && c.Is("httpx.Timeout") && c.Args != nil && len(c.Args.NamedChildren()) == 1 {
		return Unparen(c.Pos(0)) != nil && Unparen(c.Pos(0)).Kind == KNone
	}
	return false
}

// mountsAdapter252: the module mounts a transport adapter on a session
// (`s.mount("https://", TimeoutHTTPAdapter(...))`), the usual way to give
// every call of a session a default timeout; its calls are left alone.
func mountsAdapter252(p *Pass) bool {
	found := false
	p.Tree.Root().Walk(func(m *Node) bool {
		if found {
			return false
		}
		if m.Kind == KCall {
			if c, _ := p.AsCall(m); c.Method() == "mount" && len(c.Positional()) == 2 {
				found = true
			}
		}
		return true
	})
	return found
}

func fix252(p *Pass, c Call, tmo *Node) *Fix {
	callee := codeText(c.Func, 40)
	var e Edit
	if tmo != nil {
		e = ReplaceNode(Unparen(tmo), timeout252)
	} else {
		var ok bool
		if e, ok = SetKeyword(c, "timeout", timeout252); !ok {
			return p.Guidance()
		}
	}
	what := "Pass `timeout=" + timeout252 + "` to this `" + callee + "`"
	if tmo != nil {
		what = "Replace `" + codeText(tmo, 30) + "` with `" + timeout252 + "` in this `" + callee + "`"
	}
	return p.Edits(Unsafe, what+", so a hung downstream service fails the request instead of holding the worker.", e).
		Changing("downstream calls that legitimately take longer than " + timeout252 + " seconds now raise a timeout " +
			"error instead of completing.")
}

func init() { register(AIML252) }
