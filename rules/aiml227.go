package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// clients227 are the HTTP-client calls AIML227 checks (module functions and
// "Type.method" of typed clients).
var clients227 = setOf([]string{"requests.get", "requests.post", "requests.request", "requests.api.get",
	"requests.api.post", "requests.api.request", "requests.Session.get", "requests.Session.post",
	"httpx.get", "httpx.post", "httpx.Client.get", "httpx.Client.post", "httpx.AsyncClient.get", "httpx.AsyncClient.post"})

// taint227: int()/float()/bool() results are numbers, not path text (§3.7).
var taint227 = &TaintSpec{Sanitizers: Set([]string{"builtins.int", "builtins.float", "builtins.bool"})}

// scalarAnnotations227: handler parameters the framework validates as numbers.
var scalarAnnotations227 = map[string]bool{"builtins.int": true, "builtins.float": true, "builtins.bool": true}

const tfServingPath227 = "/v1/models/"

var AIML227 = &Rule{
	ID:         "AIML227",
	Title:      "TensorFlow Serving injection",
	Section:    "2.3.1",
	Severity:   High,
	References: []string{"CWE-74", "CWE-22", "OWASP ML05", "OWASP ML06"},
	Fix:        Safe,
	Message:    "Request data in a TF Serving URL path lets callers switch model, version or API verb; URL-quote or allow-list it.",
	Doc: "Request data is interpolated into the path of a TensorFlow Serving REST URL " +
		"(`/v1/models/<name>[/versions/<v>]:predict`). A caller who sends `other_model`, `m/versions/1` or " +
		"`m/metadata#` redirects the server-side call to other models, versions or verbs (`:regress`, `/metadata`) " +
		"that the endpoint was never meant to expose.",
	FixDoc: "Wrap each request value interpolated into the URL path in `urllib.parse.quote(<value>, safe=\"\")` (adding " +
		"`import urllib.parse`). Valid TF Serving model names contain no reserved characters, so legitimate calls are " +
		"unchanged; better still, map the value through an allow-list of served models. When the URL is built in an " +
		"earlier statement (`url = f\"...\"`), the comment names the values to wrap there instead of suggesting an edit.",
	Example: `@app.post("/score/{model}")
def score(model: str, body: dict):
    url = f"http://tf-serving:8501/v1/models/{model}:predict"
    return requests.post(url, json={"instances": body["rows"]}, timeout=5).json()`,
	SafeExample: `@app.post("/score/{model}")
def score(model: str, body: dict):
    url = f"http://tf-serving:8501/v1/models/{SERVED[model]}:predict"
    return requests.post(url, json={"instances": body["rows"]}, timeout=5).json()`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		q := httpCallee226(c)
		if !clients227[q] {
			return
		}
		url := httpURL226(c, q)
		if url == nil || !stringBuilt226(p, url) && Unparen(url).Kind != KIdentifier {
			return
		}
		var tainted []*urlValue
		inPath := false
		segs := mergeSegs226(urlSegs226(p, url, 0))
	scan:
		for _, s := range segs {
			if s.dyn == nil {
				if !inPath {
					i := strings.Index(s.lit, tfServingPath227)
					if i < 0 {
						continue
					}
					inPath = true
					if strings.Contains(s.lit[i:], "?") {
						break scan
					}
					continue
				}
				if strings.Contains(s.lit, "?") {
					break scan
				}
				continue
			}
			if inPath && pathTainted227(p, s.dyn) {
				tainted = append(tainted, s.dyn)
			}
		}
		if len(tainted) == 0 || !tfServingShape227(segs) {
			return
		}
		p.ReportCall(c, fix227(p, c, tainted))
	},
}

// tfServingMarkers227 tell a TF Serving REST URL from other `/v1/models/`
// APIs (OpenAI-compatible servers list and describe models there): its
// verbs, its metadata/versions/labels paths, or its default REST port.
var tfServingMarkers227 = []string{":predict", ":classify", ":regress", "/metadata", "/versions/", "/labels/", ":8501/"}

// tfServingShape227: some literal text of the URL carries a TF Serving marker.
func tfServingShape227(segs []urlSeg) bool {
	for _, s := range segs {
		for _, m := range tfServingMarkers227 {
			if s.dyn == nil && strings.Contains(s.lit, m) {
				return true
			}
		}
	}
	return false
}

// pathTainted227: v is web-tainted text, not a number.
func pathTainted227(p *Pass, v *urlValue) bool {
	if v.expr == nil || v.numeric || p.Taint(v.expr, taint227)&WebTaint == 0 {
		return false
	}
	if v.expr.Kind == KIdentifier {
		if d := p.ScopeOf(v.expr).DefAt(v.expr.Text(), v.expr.Start); d != nil && d.Kind == DefParam &&
			d.Param.Annotation != nil && scalarAnnotations227[p.Qualname(d.Param.Annotation)] {
			return false // framework-validated number
		}
	}
	return true
}

// fix227 wraps each tainted value written in the call's own statement in
// urllib.parse.quote(<value>, safe=""); a URL built on another line gets
// guidance naming the values.
func fix227(p *Pass, c Call, values []*urlValue) *Fix {
	stmt := Statement(c.Node)
	var names []string
	inline := stmt != nil
	for _, v := range values {
		names = append(names, "`"+codeText(v.expr, 30)+"`")
		if !v.wrappable || stmt == nil || !stmt.Contains(v.expr) {
			inline = false
		}
	}
	list := strings.Join(names, ", ")
	if !inline {
		return GuidanceFix("Where this URL is built, wrap " + list + " in `urllib.parse.quote(..., safe=\"\")` (or map it " +
			"through an allow-list of served models), so the value cannot add path segments, versions or verbs.")
	}
	b := p.NewFix(Safe, "Wrap "+list+" in `urllib.parse.quote(..., safe=\"\")`, so the value stays one path segment "+
		"and cannot switch the model, version or verb.", c.Node)
	quote := b.Attr("urllib.parse", "quote")
	for _, v := range values {
		b.Add(ReplaceNode(v.expr, quote+"("+v.expr.Text()+", safe="+emptyStr227(v.fstr)+")"))
	}
	return b.Build(GuidanceFix("Wrap " + list + " in `urllib.parse.quote(..., safe=\"\")` before building this URL."))
}

// emptyStr227 is an empty str literal that can stand inside f-string fstr
// (the other quote character than the f-string's own).
func emptyStr227(fstr *Node) string {
	if fstr != nil {
		if start := fstr.FirstChild(); start != nil && strings.Contains(start.Text(), `"`) {
			return "''"
		}
	}
	return `""`
}

func init() { register(AIML227) }
