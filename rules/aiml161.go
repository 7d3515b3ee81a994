package rules

import (
	"regexp"

	. "github.com/pyguard/pyguard/analyzer"
)

// pandasReaders are the readers whose path argument accepts URLs (AIML161).
var pandasReaders = qualify("pandas.", "read_csv", "read_table", "read_fwf", "read_json", "read_excel",
	"read_parquet", "read_feather", "read_orc", "read_xml", "read_html", "read_stata", "read_sas", "read_spss")

// taint161: STRING- and PATH-SANITIZERS; an in-memory buffer is not a path.
var taint161 = &TaintSpec{
	Sanitizers:   Set(StringSanitizers, PathSanitizers, []string{"io.StringIO", "io.BytesIO"}),
	PathNameSafe: true,
}

var AIML161 = &Rule{
	ID:         "AIML161",
	Title:      "Missing input validation in preprocessing",
	Section:    "2.1.1",
	Severity:   High,
	References: []string{"CWE-918", "CWE-73", "OWASP A10:2021"},
	Fix:        Guidance,
	Message:    "Request value used as pandas read path/URL: clients can make the server fetch internal URLs or local files. Use an allow-list.",
	Doc: "A request value is used as the path or URL of a pandas reader. pandas `read_*` functions accept " +
		"http(s)/ftp/s3/gs/file URLs, so any client can make the server fetch internal URLs (cloud metadata " +
		"endpoints) or read local files into the preprocessing pipeline. A FastAPI path parameter (a `{name}` " +
		"segment of the route, not `{name:path}`) is not reported: it cannot contain \"/\", so it is neither a URL " +
		"nor a path out of the working directory.",
	FixDoc: "Map the request value to an entry of a server-side allow-list (dict of dataset name → fixed path), or accept the data as an upload (`request.files`).",
	Example: `@app.get("/features/preview")
def preview():
    df = pd.read_csv(request.args["source"])
    return df.head().to_json()`,
	SafeExample: `DATASETS = {"rides": "data/rides.csv", "users": "data/users.csv"}

@app.get("/features/preview")
def preview():
    name = request.args["name"]
    if name not in DATASETS:
        abort(404)
    return pd.read_csv(DATASETS[name]).head().to_json()`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !c.Is(pandasReaders...) {
			return
		}
		arg := c.Arg(0, "filepath_or_buffer", "path_or_buf", "path", "io")
		if arg == nil || p.Taint(arg, taint161)&WebField == 0 || onlyPathParams161(p, arg, 0) {
			return
		}
		p.ReportCall(c, p.Guidance())
	},
}

// onlyPathParams161 reports whether the request data in e comes only from
// path parameters of the enclosing route (`@router.post("/train/{model_id}")`,
// directly or through a local variable): a `{name}` segment matches no "/",
// so the value can be neither a URL nor a path out of the working directory
// (the same reason secure_filename/basename silence the rule). A `{name:path}`
// segment matches "/" and still counts as request data.
func onlyPathParams161(p *Pass, e *Node, depth int) bool {
	params := routePathParams161(p, e)
	if len(params) == 0 || depth > 2 {
		return false
	}
	ok := true
	var leaf func(m *Node)
	leaf = func(m *Node) {
		if !ok || p.Taint(m, taint161)&WebField == 0 {
			return
		}
		tainted := false
		for c := m.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Named() && p.Taint(c, taint161)&WebField != 0 {
				tainted = true
				leaf(c)
			}
		}
		if tainted {
			return
		}
		switch {
		case m.Kind == KString:
			// An f-string: its interpolated expressions carry the taint.
			found := false
			for c := m.FirstChild(); c != nil; c = c.NextSibling() {
				if c.Kind == KInterpolation {
					if x := c.NamedChild(0); x != nil && p.Taint(x, taint161)&WebField != 0 {
						found = true
						leaf(x)
					}
				}
			}
			ok = ok && found
		case m.Kind != KIdentifier:
			ok = false
		case params[m.Text()] && p.ScopeOf(m) == p.FuncOf(e).Scope && isParam161(p, m):
		default:
			defs := p.ScopeOf(m).Defs(m.Text())
			if len(defs) != 1 || defs[0].Kind != DefAssign || defs[0].Value == nil || !onlyPathParams161(p, defs[0].Value, depth+1) {
				ok = false
			}
		}
	}
	leaf(Unparen(e))
	return ok
}

// isParam161: identifier m names a parameter of its function (not a local
// rebinding of it).
func isParam161(p *Pass, m *Node) bool {
	defs := p.ScopeOf(m).Defs(m.Text())
	return len(defs) == 1 && defs[0].Kind == DefParam
}

// routePathParams161 are the `{name}` segments (without a `:path`
// converter) of the path literal of the route decorator of the function
// enclosing n.
func routePathParams161(p *Pass, n *Node) map[string]bool {
	fn := p.FuncOf(n)
	if fn == nil || !fn.IsRoute() {
		return nil
	}
	def := fn.Scope.Node.Parent()
	if def == nil || def.Kind != KDecoratedDefinition {
		return nil
	}
	params := map[string]bool{}
	for d := def.FirstChild(); d != nil; d = d.NextSibling() {
		if d.Kind != KDecorator {
			continue
		}
		c, ok := p.AsCall(d.NamedChild(0))
		if !ok {
			continue
		}
		lit := LiteralValue(c.Arg(0, "path"))
		if lit.Kind != LitStr {
			continue
		}
		for _, m := range pathParamRE161.FindAllStringSubmatch(lit.Str, -1) {
			if m[2] != "path" {
				params[m[1]] = true
			}
		}
	}
	return params
}

var pathParamRE161 = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)(?::([A-Za-z_]+))?\}`)

func init() { register(AIML161) }
