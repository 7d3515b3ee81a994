package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

var AIML242 = &Rule{
	ID:         "AIML242",
	Title:      "Model endpoint enumeration",
	Section:    "2.3.2",
	Severity:   High,
	References: []string{"CWE-470", "OWASP ML05"},
	Fix:        Unsafe,
	Message:    "Request picks the model attribute via getattr; callers can enumerate and invoke fit/set_params/etc. Allow-list methods.",
	Doc: "A generic \"call any model method\" endpoint passes a request-supplied name to `getattr(model, name)`. " +
		"Callers can then reach every attribute of the model, not only inference methods: `fit`, `set_params`, " +
		"`save_model`, internals and dunder attributes, which lets them retrain, reconfigure, dump or crash the " +
		"served model.",
	FixDoc: "Check the name against the inference methods the endpoint serves before the lookup: " +
		"`if method not in (\"predict\", \"predict_proba\"): raise ValueError(\"unsupported method\")`, " +
		"or map names to bound methods in a module-level dict.",
	Example: `@app.post("/models/{method}")
def call_model(method: str, req: Rows):
    fn = getattr(model, method)
    return {"result": fn(req.rows).tolist()}`,
	SafeExample: `@app.post("/models/{method}")
def call_model(method: str, req: Rows):
    if method not in ("predict", "predict_proba"):
        raise HTTPException(404)
    fn = getattr(model, method)
    return {"result": fn(req.rows).tolist()}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !c.Is("builtins.getattr") || c.HasArgsSplat() {
			return
		}
		name := c.Pos(1)
		if name == nil {
			return
		}
		fn := p.FuncOf(n)
		if !fn.IsRoute() {
			return
		}
		if classObject242(p, c.Pos(0)) {
			return // a class (an ORM model's column for sorting, an Enum member): not a model instance
		}
		label := p.Taint(name, nil) & WebTaint
		if label == 0 || choiceParam242(p, name) || rpcFunc242(p, n) {
			return
		}
		fd := p.ReportCall(c, fix242(p, n, name))
		fd.Message = "The model attribute is picked by getattr from " + SourceName(label) +
			"; callers can invoke fit/set_params/etc. Allow-list methods."
	},
}

// choiceParam242: the name is (an attribute of) a handler parameter the
// framework restricts to fixed choices — annotated `Literal[...]` or with
// an Enum class of the module (`method: Method`, `getattr(m, method.value)`).
func choiceParam242(p *Pass, name *Node) bool {
	v := Unparen(name)
	if v != nil && v.Kind == KAttribute {
		if a := v.Field("attribute"); a.Is("value") || a.Is("name") {
			v = Unparen(v.Field("object"))
		}
	}
	if v == nil || v.Kind != KIdentifier {
		return false
	}
	d := p.ScopeOf(v).DefAt(v.Text(), v.Start)
	if d == nil || d.Kind != DefParam || d.Param.Annotation == nil {
		return false
	}
	ann, head := AnnotationHead(d.Param.Annotation)
	if ann == nil {
		return false
	}
	if q := p.Qualname(head); q == "typing.Literal" || q == "typing_extensions.Literal" {
		return true
	}
	cls := p.LocalClass(ann)
	if cls == nil {
		return false
	}
	sup := cls.Field("superclasses")
	if sup == nil {
		return false
	}
	for _, b := range sup.NamedChildren() {
		switch p.Qualname(b) {
		case "enum.Enum", "enum.StrEnum", "enum.IntEnum":
			return true
		}
	}
	return false
}

// classObject242: obj names a class, defined in the module or imported
// under a capitalised name (`getattr(Item, sort_by)` on a SQLAlchemy model).
func classObject242(p *Pass, obj *Node) bool {
	obj = Unparen(obj)
	if obj == nil || (obj.Kind != KIdentifier && obj.Kind != KAttribute) {
		return false
	}
	if p.LocalClass(obj) != nil {
		return true
	}
	q := p.Qualname(obj)
	if q == "" || strings.HasPrefix(q, "builtins.") {
		return false
	}
	last := q[strings.LastIndexByte(q, '.')+1:]
	return last != "" && last[0] >= 'A' && last[0] <= 'Z'
}

var rpcCalls242 = []string{"torch.distributed.rpc.rpc_sync", "torch.distributed.rpc.rpc_async", "torch.distributed.rpc.remote"}

// rpcFunc242: the getattr result is, directly or through one local
// variable, the func argument of an rpc call (owned by AIML201, §4 row 14).
func rpcFunc242(p *Pass, g *Node) bool {
	isFunc := func(e *Node) bool {
		for at := e; at.Parent() != nil; at = at.Parent() {
			par := at.Parent()
			if par.Kind == KParenthesized {
				continue
			}
			if par.Kind == KKeywordArgument {
				if !par.Field("name").Is("func") {
					return false
				}
				par = par.Parent()
			}
			if par.Kind != KArgumentList {
				return false
			}
			c, _ := p.AsCall(par.Parent())
			if !c.Is(rpcCalls242...) {
				return false
			}
			return c.Pos(1) == at || c.Kwarg("func") == at
		}
		return false
	}
	if isFunc(g) {
		return true
	}
	// fn = getattr(...); rpc_async(to, fn)
	at := g
	for at.Parent() != nil && at.Parent().Kind == KParenthesized {
		at = at.Parent()
	}
	a := at.Parent()
	if a == nil || a.Kind != KAssignment || a.Field("right") != at {
		return false
	}
	t := Unparen(a.Field("left"))
	if t == nil || t.Kind != KIdentifier {
		return false
	}
	s := p.ScopeOf(t)
	for _, d := range s.Defs(t.Text()) {
		if d.Target == t {
			for _, u := range s.Uses(d) {
				if isFunc(u) {
					return true
				}
			}
		}
	}
	return false
}

// fix242 inserts an allow-list check of the name before the statement,
// when the name is a plain variable bound before it in the handler.
func fix242(p *Pass, g, name *Node) *Fix {
	v := Unparen(name)
	stmt := Statement(g)
	if v.Kind != KIdentifier || stmt == nil || ComprehensionBinds(v) {
		return p.Guidance()
	}
	s := p.ScopeOf(v)
	if s != p.ScopeOf(stmt) || s.Kind != ScopeFunction || s.DefAt(v.Text(), stmt.Start) == nil {
		return p.Guidance()
	}
	if shadowed(s, "ValueError") {
		return p.Guidance()
	}
	e, ok := insertBeforeEndpoint(p, stmt, "if "+v.Text()+" not in (\"predict\", \"predict_proba\"):\n"+
		"    raise ValueError(\"unsupported method\")")
	if !ok {
		return p.Guidance()
	}
	return p.Edits(Unsafe, "Reject any `"+v.Text()+"` other than \"predict\" and \"predict_proba\" before `"+
		codeText(g, 40)+"` looks it up.", e).
		Changing("requests that name any other attribute now fail with ValueError; add every method this endpoint " +
			"must serve to the tuple.")
}

func init() { register(AIML242) }
