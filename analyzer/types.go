package analyzer

import "strings"

// KnownReturns maps callables to the type of what they return (§3.4).
var KnownReturns = map[string]string{
	"wandb.init":                         "wandb.Run",
	"neptune.init_run":                   "neptune.Run",
	"logging.getLogger":                  "logging.Logger",
	"tensorflow.keras.models.load_model": "keras.Model",
	"keras.models.load_model":            "keras.Model",
	"keras.saving.load_model":            "keras.Model",
	"mlflow.MlflowClient":                "mlflow.MlflowClient",
	"mlflow.tracking.MlflowClient":       "mlflow.MlflowClient",
	"feast.FeatureStore":                 "feast.FeatureStore",
	"feast.feature_store.FeatureStore":   "feast.FeatureStore",
	"pandas.DataFrame":                   "pandas.DataFrame",
	"pandas.read_csv":                    "pandas.DataFrame",
	"pandas.read_parquet":                "pandas.DataFrame",
	"pandas.read_json":                   "pandas.DataFrame",
	"pandas.read_excel":                  "pandas.DataFrame",
	"pandas.read_sql":                    "pandas.DataFrame",
	"pandas.concat":                      "pandas.DataFrame",
	"requests.get":                       "requests.Response",
	"requests.post":                      "requests.Response",
	"requests.put":                       "requests.Response",
	"requests.patch":                     "requests.Response",
	"requests.delete":                    "requests.Response",
	"requests.head":                      "requests.Response",
	"requests.request":                   "requests.Response",
	"httpx.get":                          "httpx.Response",
	"httpx.post":                         "httpx.Response",
	"httpx.put":                          "httpx.Response",
	"httpx.patch":                        "httpx.Response",
	"httpx.request":                      "httpx.Response",
	"urllib.request.urlopen":             "http.client.HTTPResponse",
	"socket.socket":                      "socket.socket",
	"socket.create_connection":           "socket.socket",
	"socket.create_server":               "socket.socket",
	"socket.fromfd":                      "socket.socket",
	"zmq.Context.instance":               "zmq.Context",
	"zmq.asyncio.Context.instance":       "zmq.Context",
	"requests.session":                   "requests.Session",
	"httpx.delete":                       "httpx.Response",
	"httpx.head":                         "httpx.Response",
	"httpx.stream":                       "httpx.Response",
}

// knownMethodReturns maps "ReceiverType.method" to a return type.
var knownMethodReturns = map[string]string{
	"requests.Session.get": "requests.Response", "requests.Session.post": "requests.Response",
	"requests.Session.put": "requests.Response", "requests.Session.request": "requests.Response",
	"httpx.Client.get": "httpx.Response", "httpx.Client.post": "httpx.Response",
	"httpx.AsyncClient.get": "httpx.Response", "httpx.AsyncClient.post": "httpx.Response",
	"zmq.Context.socket": "zmq.Socket", "cupy.RawModule.get_function": "cupy.RawKernel",
	"socket.socket.accept":      "socket.socket",
	"aiohttp.ClientSession.get": "aiohttp.ClientResponse", "aiohttp.ClientSession.post": "aiohttp.ClientResponse",
	"aiohttp.ClientSession.request": "aiohttp.ClientResponse",

	// The other verbs of the NET-TAINT clients (§3.5).
	"requests.Session.patch": "requests.Response", "requests.Session.delete": "requests.Response", "requests.Session.head": "requests.Response",
	"httpx.Client.put": "httpx.Response", "httpx.Client.patch": "httpx.Response", "httpx.Client.delete": "httpx.Response",
	"httpx.Client.request": "httpx.Response", "httpx.Client.stream": "httpx.Response",
	"httpx.AsyncClient.put": "httpx.Response", "httpx.AsyncClient.patch": "httpx.Response", "httpx.AsyncClient.delete": "httpx.Response",
	"httpx.AsyncClient.request": "httpx.Response", "httpx.AsyncClient.stream": "httpx.Response",
	"aiohttp.ClientSession.put": "aiohttp.ClientResponse", "aiohttp.ClientSession.patch": "aiohttp.ClientResponse",
	"aiohttp.ClientSession.delete": "aiohttp.ClientResponse", "aiohttp.ClientSession.head": "aiohttp.ClientResponse",
}

// typeAliases folds documented aliases of one class into a canonical name.
var typeAliases = map[string]string{
	"feast.feature_store.FeatureStore": "feast.FeatureStore",
	"kserve.model.Model":               "kserve.Model",
	"starlette.requests.Request":       "fastapi.Request",
	"pandas.core.frame.DataFrame":      "pandas.DataFrame",
	"mlflow.tracking.MlflowClient":     "mlflow.MlflowClient",
	"zmq.sugar.context.Context":        "zmq.Context",
	"zmq.asyncio.Context":              "zmq.Context",
}

// fitReturnsSelf: scikit-learn-style estimators return self from fit.
func fitReturnsSelf(typ, method string) bool {
	if method != "fit" && method != "partial_fit" && method != "set_params" {
		return false
	}
	for _, p := range []string{"sklearn.", "imblearn.", "umap.", "category_encoders."} {
		if strings.HasPrefix(typ, p) {
			return true
		}
	}
	return false
}

type typeKey struct{ node int32 }

// TypeOf returns the qualified class name of the value of expression n
// following §3.4, or "" when the type is unknown or ambiguous. It never
// guesses from names.
func (f *File) TypeOf(n *Node) string {
	n = Unparen(n)
	if n == nil {
		return ""
	}
	if f.typeCache == nil {
		f.typeCache = map[typeKey]string{}
	}
	k := typeKey{n.idx}
	if t, ok := f.typeCache[k]; ok {
		return t
	}
	if f.depth > 64 {
		return ""
	}
	f.depth++
	t := f.typeOf(n)
	f.depth--
	if a, ok := typeAliases[t]; ok {
		t = a
	}
	f.typeCache[k] = t
	return t
}

func (f *File) typeOf(n *Node) string {
	switch n.Kind {
	case KCall:
		c, _ := f.AsCall(n)
		if q := c.Callee(); q != "" {
			if t, ok := KnownReturns[q]; ok {
				return t
			}
			if strings.HasPrefix(q, "builtins.") {
				return ""
			}
			return q
		}
		if m := c.Method(); m != "" {
			rt := c.ReceiverType()
			if rt == "" {
				return ""
			}
			if t, ok := knownMethodReturns[rt+"."+m]; ok {
				return t
			}
			if fitReturnsSelf(rt, m) {
				return rt
			}
		}
		return ""
	case KIdentifier:
		return f.nameType(n)
	case KAttribute:
		return f.attrType(n)
	case KAwait:
		return f.TypeOf(n.NamedChild(0)) // what the awaited call resolves to (nettypes.go)
	}
	return ""
}

// typingDef is the binding §3.4 follows for the name n: the latest one in
// n's own SCOPE, or a module-level name bound exactly once (rule 4). nil
// when there is none or it is ambiguous.
func (f *File) typingDef(n *Node) *Def {
	name := n.Text()
	s := f.ScopeOf(n)
	sc := s.lookupScope(name)
	switch {
	case sc == nil:
		return nil
	case sc == s:
		return s.DefAt(name, n.Start)
	case sc.Kind == ScopeModule:
		if defs := sc.defs[name]; len(defs) == 1 {
			return defs[0]
		}
	}
	return nil
}

func (f *File) nameType(n *Node) string {
	d := f.typingDef(n)
	if d == nil {
		return ""
	}
	if d.Unpacked {
		return f.unpackedType(d)
	}
	switch d.Kind {
	case DefAssign:
		if v := Unparen(d.Value); v != nil && (v.Kind == KCall || v.Kind == KAwait) {
			return f.TypeOf(v)
		}
	case DefWith:
		return f.TypeOf(d.Value)
	case DefParam:
		return f.annotationType(d.Param.Annotation)
	}
	return ""
}

// annotationType resolves a parameter annotation to a class name. String
// annotations and Optional[X]/X | None are unwrapped.
func (f *File) annotationType(a *Node) string {
	a = Unparen(a)
	if a == nil {
		return ""
	}
	if a.Kind == KType {
		a = Unparen(a.NamedChild(0))
		if a == nil {
			return ""
		}
	}
	switch a.Type() {
	case "generic_type": // Optional[X] in an annotation
		name, params := a.NamedChild(0), a.NamedChild(1)
		if q := f.Qualname(name); (q == "typing.Optional" || q == "typing.Annotated") && params != nil {
			return f.annotationType(params.NamedChild(0))
		}
		return ""
	case "string": // "X": a forward reference to a class in this module or imported
		return ""
	}
	switch a.Kind {
	case KIdentifier, KAttribute:
		return f.Qualname(a)
	case KSubscript:
		q := f.Qualname(a.Field("value"))
		if q == "typing.Optional" || q == "typing.Annotated" {
			return f.annotationType(a.Field("subscript"))
		}
	case KBinaryOperator:
		l, r := Unparen(a.Field("left")), Unparen(a.Field("right"))
		if r != nil && r.Kind == KNone {
			return f.annotationType(l)
		}
		if l != nil && l.Kind == KNone {
			return f.annotationType(r)
		}
	}
	return ""
}

// attrType types self.<attr> (§3.4 rule 2): every assignment to the
// attribute in the class's methods must produce the same known type.
func (f *File) attrType(n *Node) string {
	obj := Unparen(n.Field("object"))
	attr := n.Field("attribute")
	if obj == nil || attr == nil || obj.Kind != KIdentifier || !obj.Is("self") {
		return ""
	}
	fn := f.EnclosingFunc(n)
	if fn == nil || fn.Class() == nil {
		return ""
	}
	values := f.selfAttrs(fn.Class())[attr.Text()]
	typ := ""
	for _, v := range values {
		t := ""
		if u := Unparen(v); u != nil && u.Kind == KCall {
			t = f.TypeOf(u)
		}
		if t == "" || (typ != "" && t != typ) {
			return ""
		}
		typ = t
	}
	return typ
}

// selfAttrs collects `self.x = v` assignments in the methods of class c.
func (f *File) selfAttrs(c *Node) map[string][]*Node {
	if f.classAttrs == nil {
		f.classAttrs = map[*Node]map[string][]*Node{}
	}
	if m, ok := f.classAttrs[c]; ok {
		return m
	}
	m := map[string][]*Node{}
	f.classAttrs[c] = m
	body := c.Field("body")
	if body == nil {
		return m
	}
	body.Walk(func(x *Node) bool {
		if x.Kind == KClassDefinition {
			return false // nested classes have their own self
		}
		var targets []*Node
		var value *Node
		switch x.Kind {
		case KAssignment:
			value = x.Field("right")
			for value != nil && value.Kind == KAssignment {
				value = value.Field("right")
			}
			targets = []*Node{x.Field("left")}
		case KAugmentedAssignment:
			targets, value = []*Node{x.Field("left")}, x
		case KWithItem, KFor:
			// self.x bound by with/for is not a constructor assignment.
			return true
		}
		for _, t := range targets {
			t = Unparen(t)
			if t == nil {
				continue
			}
			if t.Kind == KPatternList || t.Kind == KTuplePattern {
				for _, e := range t.NamedChildren() {
					if name, ok := selfAttrName(e); ok {
						m[name] = append(m[name], x) // unpacked: never a constructor
					}
				}
				continue
			}
			if name, ok := selfAttrName(t); ok {
				m[name] = append(m[name], value)
			}
		}
		return true
	})
	return m
}

func selfAttrName(t *Node) (string, bool) {
	t = Unparen(t)
	if t == nil || t.Kind != KAttribute {
		return "", false
	}
	o := Unparen(t.Field("object"))
	if o == nil || o.Kind != KIdentifier || !o.Is("self") {
		return "", false
	}
	return t.Field("attribute").Text(), true
}

// TypeIn reports whether n's type is one of types.
func (f *File) TypeIn(n *Node, types map[string]bool) bool {
	t := f.TypeOf(n)
	return t != "" && types[t]
}

// AnnotationHead splits a type annotation into the annotation expression
// (without the `type` wrapper) and its head: `Literal` of
// `Literal["a", "b"]`, `Annotated` of `Annotated[T, ...]`, the expression
// itself when it is not generic. Both are nil for a nil annotation.
func AnnotationHead(ann *Node) (expr, head *Node) {
	ann = Unparen(ann)
	for ann != nil && ann.Kind == KType {
		ann = Unparen(ann.NamedChild(0))
	}
	if ann == nil {
		return nil, nil
	}
	switch {
	case ann.Kind == KSubscript:
		return ann, ann.Field("value")
	case ann.Type() == "generic_type":
		return ann, ann.NamedChild(0)
	}
	return ann, ann
}
