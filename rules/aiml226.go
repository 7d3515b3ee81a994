package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// clients226 are the POST calls of the HTTP clients AIML226 checks (module
// functions and "Type.method" of typed clients); requests.request counts
// only with the literal method "POST".
var clients226 = setOf([]string{"requests.post", "requests.api.post", "requests.request", "requests.api.request",
	"requests.Session.post", "httpx.post", "httpx.Client.post", "httpx.AsyncClient.post", "aiohttp.ClientSession.post"})

// hostChecks226: passing the value to these is a host allow-list check.
var hostChecks226 = []string{"urllib.parse.urlparse", "urllib.parse.urlsplit"}

var AIML226 = &Rule{
	ID:         "AIML226",
	Title:      "TorchServe vulnerabilities",
	Section:    "2.3.1",
	Severity:   Critical,
	References: []string{"CWE-918", "CWE-94", "OWASP ML06", "CVE-2023-43654"},
	Fix:        Guidance,
	Message:    "TorchServe model registered from a request-supplied URL (ShellTorch, CVE-2023-43654): callers can load and run arbitrary model code.",
	Doc: "A client of the TorchServe management API registers a model archive (`POST /models?url=...`, or " +
		"`/workflows?url=...`) whose download URL comes from request data or a network response. TorchServe fetches " +
		"the `.mar` and runs its handler code in a worker, so whoever chose the URL runs code on the inference " +
		"server (\"ShellTorch\", CVE-2023-43654).",
	FixDoc: "Do not forward caller-supplied archive URLs; register only `.mar` names from the local model store (or an " +
		"allow-listed host) and keep `allowed_urls` restricted in `config.properties`.",
	Example: `@app.post("/admin/deploy")
def deploy():
    archive = request.json["archive_url"]
    r = requests.post(f"http://torchserve:8081/models?url={archive}&initial_workers=1", timeout=30)
    return r.json()`,
	SafeExample: `@app.post("/admin/deploy")
def deploy():
    name = request.json["model"]
    mar = ALLOWED_MARS[name]
    r = requests.post(f"http://torchserve:8081/models?url={mar}", timeout=30)
    return r.json()`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		q := httpCallee226(c)
		if !clients226[q] {
			return
		}
		if strings.HasSuffix(q, ".request") {
			m := LiteralValue(c.Arg(0, "method"))
			if m.Kind != LitStr || !strings.EqualFold(m.Str, "POST") {
				return
			}
		}
		url := httpURL226(c, q)
		if url == nil {
			return
		}
		segs := mergeSegs226(urlSegs226(p, url, 0))
		values, mgmt := registerURLValues226(segs)
		if !mgmt {
			return
		}
		if pv := paramsURL226(p, c); pv != nil {
			values = append(values, pv)
		}
		for _, v := range values {
			l := p.Taint(v, nil) & RemoteTaint
			if l == 0 || hostChecked226(p, n, v) {
				continue
			}
			fd := p.ReportCall(c, GuidanceFix("Do not forward `"+codeText(v, 40)+"` as the archive URL: register "+
				"only `.mar` names from the local model store (or an allow-listed host), and keep `allowed_urls` "+
				"restricted in TorchServe's `config.properties`."))
			fd.Message = "TorchServe registers a model from a URL in " + SourceName(l) +
				" (ShellTorch, CVE-2023-43654): its sender can run any model code."
			return
		}
	},
}

// registerURLValues226 finds the management-API registration path in a
// flattened URL — `/models` or `/workflows` followed by `?` or the end of
// a literal piece — and returns the values interpolated right after a
// `?url=`/`&url=` of its query. mgmt reports whether the path was found.
func registerURLValues226(segs []urlSeg) (values []*Node, mgmt bool) {
	for i, s := range segs {
		if s.dyn != nil {
			continue
		}
		t := s.lit
		if !mgmt {
			at := registerPath226(t)
			if at < 0 {
				continue
			}
			mgmt, t = true, t[at:]
		}
		if (strings.HasSuffix(t, "?url=") || strings.HasSuffix(t, "&url=")) && i+1 < len(segs) {
			if v := segs[i+1].dyn; v != nil && v.expr != nil {
				values = append(values, v.expr)
			}
		}
	}
	return values, mgmt
}

// registerPath226 is the offset just past `/models` or `/workflows` in t
// when followed by `?` or the end of t, else -1. The path must be the root
// of the URL, as TorchServe's management API serves it: at the start of
// the literal piece (after a base URL value) or right after the scheme and
// authority (`http://torchserve:8081/models`), not below another path
// (`/api/models?url=` is some other application's API).
func registerPath226(t string) int {
	for _, path := range []string{"/models", "/workflows"} {
		for from := 0; ; {
			i := strings.Index(t[from:], path)
			if i < 0 {
				break
			}
			start, end := from+i, from+i+len(path)
			if (end == len(t) || t[end] == '?') && rootPrefix226(t[:start]) {
				return end
			}
			from = end
		}
	}
	return -1
}

// rootPrefix226: prefix is empty or a scheme and authority without a path.
func rootPrefix226(prefix string) bool {
	if _, rest, ok := strings.Cut(prefix, "://"); ok {
		prefix = rest
	}
	return !strings.ContainsAny(prefix, "/?#")
}

// paramsURL226 is the "url" entry of a params= dict literal (or dict(...)
// call, or a local name bound to one).
func paramsURL226(p *Pass, c Call) *Node {
	params := Unparen(c.Kwarg("params"))
	if params != nil && params.Kind == KIdentifier {
		if d := p.ScopeOf(params).DefAt(params.Text(), params.Start); d != nil && d.Kind == DefAssign && !d.Unpacked {
			params = Unparen(d.Value)
		}
	}
	if params == nil {
		return nil
	}
	switch params.Kind {
	case KDict:
		for _, pr := range params.NamedChildren() {
			if pr.Kind == KPair && IsStrLiteral(pr.Field("key"), "url") {
				return pr.Field("value")
			}
		}
	case KCall:
		if dc, _ := p.AsCall(params); dc.Is("builtins.dict") {
			return dc.Kwarg("url")
		}
	}
	return nil
}

// hostChecked226: the SCOPE passes the value (or a name it reads) to
// urllib.parse.urlparse/urlsplit, i.e. inspects its host.
func hostChecked226(p *Pass, n, v *Node) bool {
	names := map[string]bool{}
	v.Walk(func(m *Node) bool {
		if m.Kind == KIdentifier && IsNameRead(m) {
			names[m.Text()] = true
		}
		return true
	})
	return p.ScopeHasCall(p.FunctionScope(n), func(k Call) bool {
		if !k.Is(hostChecks226...) {
			return false
		}
		a := Unparen(k.Arg(0, "url", "urlstring"))
		return a != nil && (SameExpression(a, v) || a.Kind == KIdentifier && names[a.Text()])
	})
}

func init() { register(AIML226) }
