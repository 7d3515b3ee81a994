package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML246 = &Rule{
	ID:         "AIML246",
	Title:      "Prediction logging risks (PII)",
	Section:    "2.3.2",
	Severity:   Medium,
	References: []string{"CWE-532", "CWE-359", "OWASP LLM02"},
	Fix:        Guidance,
	Message:    "Inference handler logs the full request payload; inputs often contain PII. Log ids or summaries instead.",
	Doc: "A request handler writes the whole request payload (`request.get_json()`, `request.form`, " +
		"`await request.body()`, a pydantic body model or its `model_dump()`) to the application log or stdout. " +
		"Inference inputs are typically personal data (applicant features, chat text, images); logs are kept long, " +
		"shipped to third parties and readable by far more people than the model's data store.",
	FixDoc: "Log a request id, the feature count or a salted hash of the payload, not the raw payload; keep full " +
		"payloads, if needed, in an access-controlled store with a retention limit.",
	Example: `@app.post("/score")
def score(applicant: Applicant):
    logger.info("scoring %s", applicant.model_dump())
    return {"p": float(model.predict_proba([applicant.vector()])[0, 1])}`,
	SafeExample: `    logger.info("scoring request id=%s", applicant.request_id)`,
	Kinds:       []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !logCall246(p, c) {
			return
		}
		fn := p.FuncOf(n)
		if !fn.IsRoute() {
			return
		}
		for _, a := range c.Positional() {
			for _, op := range operands246(p, a, 0) {
				if wholePayload246(p, fn, op, 0) {
					p.ReportCall(c, p.Guidance())
					return
				}
			}
		}
	},
}

var logMethods246 = map[string]bool{"debug": true, "info": true, "warning": true, "warn": true, "error": true,
	"exception": true, "critical": true, "fatal": true, "log": true, "success": true, "trace": true} // success, trace: loguru

// logCall246: logging.<level>(...), <Logger>.<level>(...) (getLogger, a
// Flask app's .logger, current_app.logger), loguru's logger.<level>(...), print(...).
func logCall246(p *Pass, c Call) bool {
	if c.Is("builtins.print") {
		return true
	}
	m := c.Method()
	if !logMethods246[m] {
		return false
	}
	recv := Unparen(c.Receiver())
	switch q := p.Qualname(recv); q {
	case "logging", "loguru.logger", "flask.current_app.logger", "quart.current_app.logger":
		return true
	}
	if p.TypeOf(recv) == "logging.Logger" {
		return true
	}
	// app.logger of a Flask app.
	if recv != nil && recv.Kind == KAttribute && recv.Field("attribute").Is("logger") {
		if app := p.AppOf(recv.Field("object")); app.IsFlask() {
			return true
		}
	}
	return false
}

// operands246 are the values a logging argument prints: the argument
// itself and, through f-strings, `%`, `+`, `.format(...)`, json.dumps,
// str and repr, the values formatted into it.
func operands246(p *Pass, e *Node, depth int) []*Node {
	e = Unparen(e)
	if e == nil || depth > 4 {
		return nil
	}
	out := []*Node{e}
	switch e.Kind {
	case KString:
		for c := e.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Kind == KInterpolation {
				out = append(out, operands246(p, c.NamedChild(0), depth+1)...)
			}
		}
	case KBinaryOperator:
		op := e.Field("operator")
		switch {
		case op != nil && op.Is("%"):
			r := Unparen(e.Field("right"))
			if r != nil && r.Kind == KTuple {
				for _, x := range r.NamedChildren() {
					out = append(out, operands246(p, x, depth+1)...)
				}
			} else {
				out = append(out, operands246(p, r, depth+1)...)
			}
		case op != nil && op.Is("+"):
			out = append(out, operands246(p, e.Field("left"), depth+1)...)
			out = append(out, operands246(p, e.Field("right"), depth+1)...)
		}
	case KCall:
		c, _ := p.AsCall(e)
		switch {
		case c.Method() == "format" && IsStrLiteral(c.Receiver()):
			for _, x := range c.Positional() {
				out = append(out, operands246(p, x, depth+1)...)
			}
			for _, kw := range c.Args.NamedChildren() {
				if kw.Kind == KKeywordArgument {
					out = append(out, operands246(p, kw.Field("value"), depth+1)...)
				}
			}
		case c.Is("json.dumps", "builtins.str", "builtins.repr", "pprint.pformat"):
			out = append(out, operands246(p, c.Pos(0), depth+1)...)
		}
	}
	return out
}

var flaskPayloadAttrs246 = map[string]bool{"json": true, "form": true, "values": true, "data": true}

// wholePayload246 reports whether e is a whole-payload expression of the
// handler fn (the spec's list), or a local variable assigned from one.
func wholePayload246(p *Pass, fn *Func, e *Node, depth int) bool {
	e = Unparen(e)
	if e == nil || depth > 3 {
		return false
	}
	switch e.Kind {
	case KAttribute:
		obj, attr := Unparen(e.Field("object")), e.Field("attribute").Text()
		if q := p.Qualname(obj); (q == "flask.request" || q == "quart.request") && flaskPayloadAttrs246[attr] {
			return true
		}
		if (attr == "body" || attr == "POST") && requestParam246(p, fn, obj) == "django" {
			return true
		}
	case KAwait:
		c, ok := p.AsCall(e.NamedChild(0))
		if !ok {
			return false
		}
		switch c.Method() {
		case "json", "body", "form":
			return requestParam246(p, fn, c.Receiver()) == "fastapi"
		}
	case KCall:
		c, _ := p.AsCall(e)
		m := c.Method()
		if q := p.Qualname(c.Receiver()); (q == "flask.request" || q == "quart.request") && (m == "get_json" || m == "get_data") {
			return true
		}
		switch m {
		case "dict", "model_dump", "json", "model_dump_json":
			// A pydantic model's dump: any class-annotated FastAPI body parameter.
			return bodyParam246(p, fn, c.Receiver(), false)
		}
	case KIdentifier:
		if bodyParam246(p, fn, e, true) {
			return true
		}
		s := p.ScopeOf(e)
		d := s.DefAt(e.Text(), e.Start)
		if d != nil && d.Kind == DefAssign && !d.Unpacked && s == fn.Scope {
			return wholePayload246(p, fn, d.Value, depth+1)
		}
	}
	return false
}

// paramOf246 is the handler parameter identifier n reads, or nil.
func paramOf246(p *Pass, fn *Func, n *Node) *Param {
	n = Unparen(n)
	if n == nil || n.Kind != KIdentifier || p.ScopeOf(n) != fn.Scope {
		return nil
	}
	d := fn.Scope.DefAt(n.Text(), n.Start)
	if d == nil || d.Kind != DefParam {
		return nil
	}
	return d.Param
}

func requestParam246(p *Pass, fn *Func, n *Node) string {
	if prm := paramOf246(p, fn, n); prm != nil {
		return fn.RequestParam(prm)
	}
	return ""
}

// bodyParam246: n reads a FastAPI body parameter of the handler: no
// default (or `Body(...)`), annotated with a class. strict requires the
// annotation to be known as a payload: `dict`/`Dict[...]`, or a class of
// the module deriving from pydantic.BaseModel (or a dataclass); otherwise
// any class that is not a framework, builtin or standard-library type.
func bodyParam246(p *Pass, fn *Func, n *Node, strict bool) bool {
	prm := paramOf246(p, fn, n)
	if prm == nil || prm.Splat || prm.Annotation == nil || fn.Route != RouteWeb || !fastapiRoute246(p, fn) {
		return false
	}
	if prm.Default != nil {
		if c, ok := p.AsCall(prm.Default); !ok || !c.Is("fastapi.Body", "fastapi.params.Body") {
			return false
		}
	}
	ann, head := AnnotationHead(prm.Annotation)
	if ann == nil {
		return false
	}
	switch p.Qualname(head) {
	case "builtins.dict", "typing.Dict", "typing.Mapping":
		return true
	}
	if head != ann {
		return false // List[...], Optional[...]: not a single model
	}
	if cls := p.LocalClass(ann); cls != nil {
		return payloadClass246(p, cls, 0)
	}
	if strict {
		return false
	}
	q := p.Qualname(ann)
	if q == "" {
		return false
	}
	for _, pre := range []string{"builtins.", "typing.", "fastapi.", "starlette.", "datetime.", "uuid.", "decimal.",
		"enum.", "pathlib.", "sqlalchemy.", "pydantic.types."} {
		if len(q) >= len(pre) && q[:len(pre)] == pre {
			return false
		}
	}
	return true
}

// fastapiRoute246: the route is registered on a FastAPI/Starlette app or
// router, or (app unknown) the module imports FastAPI and not Flask/Quart.
func fastapiRoute246(p *Pass, fn *Func) bool {
	if app := fn.App(); app != nil {
		return app.IsASGI()
	}
	return p.Imports("fastapi") && !p.ImportsAny("flask", "quart")
}

// payloadClass246: a class of the module deriving from pydantic.BaseModel
// (directly or through other classes of the module) or a dataclass.
func payloadClass246(p *Pass, cls *Node, depth int) bool {
	if cls == nil || depth > 4 {
		return false
	}
	if pd := cls.Parent(); pd != nil && pd.Kind == KDecoratedDefinition {
		for _, d := range pd.NamedChildren() {
			if d.Kind != KDecorator {
				continue
			}
			e := Unparen(d.NamedChild(0))
			if c, ok := p.AsCall(e); ok {
				e = c.Func
			}
			if q := p.Qualname(e); q == "dataclasses.dataclass" || q == "pydantic.dataclasses.dataclass" {
				return true
			}
		}
	}
	sup := cls.Field("superclasses")
	if sup == nil {
		return false
	}
	for _, b := range sup.NamedChildren() {
		switch p.Qualname(b) {
		case "pydantic.BaseModel", "pydantic.main.BaseModel", "sqlmodel.SQLModel", "pydantic.v1.BaseModel":
			return true
		}
		if payloadClass246(p, p.LocalClass(b), depth+1) {
			return true
		}
	}
	return false
}

func init() { register(AIML246) }
