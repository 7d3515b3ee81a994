package analyzer

import "strings"

// RouteKind is the kind of ROUTE HANDLER a function is (§3.2), or NotRoute.
type RouteKind uint8

const (
	NotRoute        RouteKind = iota
	RouteWeb                  // @app.get/post/…/route/api_route/websocket (Flask, FastAPI, Starlette)
	RouteBento                // @bentoml.api / @svc.api
	RouteRay                  // method of a @serve.deployment class
	RouteKServe               // predict/preprocess/… of a kserve.Model / mlserver.MLModel subclass
	RouteDjango               // first parameter `request` in a module importing django
	RouteTorchServe           // handle/preprocess/inference/postprocess of a TorchServe handler, or a module-level handle(data, context) (torchserve.go)
)

// Func holds the facts about one function that rules query (§5.1).
type Func struct {
	Scope          *Scope
	Node           *Node   // function_definition
	Decorators     []*Node // decorator expressions, outermost first
	Route          RouteKind
	RouteDecorator *Node // the route decorator expression (RouteWeb, RouteBento)
	Inference      bool  // INFERENCE HANDLER
	DynamicBatch   bool  // DYNAMIC-BATCH HANDLER
	AuthMarker     bool  // AUTH MARKER
	StartupHook    bool
	PeerAggregate  bool // aggregate_fit/aggregate_evaluate of a Flower strategy subclass: PEER-TAINT source (peer.go)
	params         map[*Param]Label
	peerArgs       map[*Param][]*Node // arguments aggregate methods pass for each parameter (peer.go)
	requestParams  map[*Param]string  // parameter -> request framework ("fastapi", "django")
}

// IsRoute reports whether the function is a ROUTE HANDLER of any kind.
func (fn *Func) IsRoute() bool { return fn != nil && fn.Route != NotRoute }

// Name is the function's name.
func (fn *Func) Name() string { return fn.Scope.Name() }

var routeMethods = map[string]bool{"get": true, "post": true, "put": true, "patch": true, "delete": true,
	"head": true, "options": true, "route": true, "api_route": true, "websocket": true}

var webAppTypes = map[string]bool{
	"flask.Flask": true, "flask.Blueprint": true, "fastapi.FastAPI": true, "fastapi.APIRouter": true,
	"fastapi.routing.APIRouter": true, "starlette.applications.Starlette": true, "starlette.routing.Router": true,
	"quart.Quart": true, "quart.Blueprint": true,
}

var webFrameworks = []string{"flask", "fastapi", "starlette", "quart"}

// Inference method names (§3.2 INFERENCE HANDLER).
var inferenceMethods = map[string]bool{"predict": true, "predict_proba": true, "predict_log_proba": true,
	"decision_function": true, "score_samples": true}

var authWords = []string{"auth", "login", "permission", "role", "admin", "jwt", "token"}

// PreprocessorModules are the modules whose classes are PREPROCESSOR-CLASS.
var PreprocessorModules = []string{"sklearn.preprocessing.", "sklearn.decomposition.", "sklearn.feature_extraction.",
	"sklearn.impute.", "sklearn.feature_selection."}

// IsPreprocessorClass reports whether typ is a PREPROCESSOR-CLASS.
func IsPreprocessorClass(typ string) bool {
	if typ == "umap.UMAP" || typ == "umap.umap_.UMAP" {
		return true
	}
	for _, m := range PreprocessorModules {
		if strings.HasPrefix(typ, m) {
			return true
		}
	}
	return false
}

func decoratorsOf(def *Node) []*Node {
	p := def.Parent()
	if p == nil || p.Kind != KDecoratedDefinition {
		return nil
	}
	var out []*Node
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind == KDecorator {
			if e := c.NamedChild(0); e != nil {
				out = append(out, e)
			}
		}
	}
	return out
}

// decoratorCallee returns the callable of a decorator: `x.y` for both
// `@x.y` and `@x.y(...)`, and the call (or nil).
func (f *File) decoratorCallee(d *Node) (callee *Node, call Call, isCall bool) {
	d = Unparen(d)
	if c, ok := f.AsCall(d); ok {
		return Unparen(c.Func), c, true
	}
	return d, Call{}, false
}

func (f *File) classifyFunc(s *Scope) *Func {
	fn := &Func{Scope: s, Node: s.Node, Decorators: decoratorsOf(s.Node)}
	name := s.Name()
	for _, d := range fn.Decorators {
		callee, call, isCall := f.decoratorCallee(d)
		q := f.Qualname(callee)
		switch {
		case isCall && f.isWebRouteDecorator(callee):
			fn.Route, fn.RouteDecorator = RouteWeb, d
			if nonEmptyDeps(call.Kwarg("dependencies")) || f.appHasDependencies(callee) {
				fn.AuthMarker = true
			}
		case q == "bentoml.api" || f.isBentoSvcAPI(callee):
			fn.Route, fn.RouteDecorator = RouteBento, d
			if isCall && IsTrue(call.Kwarg("batchable")) {
				fn.DynamicBatch = true
			}
		case q == "ray.serve.batch":
			fn.DynamicBatch = true
		case isCall && callee.Kind == KAttribute && callee.Field("attribute").Is("on_event") && IsStrLiteral(call.Pos(0), "startup"):
			fn.StartupHook = true
		case !isCall && callee.Kind == KAttribute && callee.Field("attribute").Is("before_first_request"):
			fn.StartupHook = true
		}
	}
	// Another decorator (not the route one) that names auth: AUTH MARKER (a).
	for _, d := range fn.Decorators {
		if d == fn.RouteDecorator {
			continue
		}
		callee, _, _ := f.decoratorCallee(d)
		last := strings.ToLower(lastName(callee))
		if last == "requires" || last == "user_passes_test" || last == "staff_member_required" {
			fn.AuthMarker = true
		}
		for _, w := range authWords {
			if strings.Contains(last, w) {
				fn.AuthMarker = true
			}
		}
	}
	if class := s.Class(); class != nil && fn.Route == NotRoute {
		cq := f.classDecorators(class)
		switch {
		case cq["ray.serve.deployment"] && name != "__init__" && name != "reconfigure":
			fn.Route = RouteRay
		case f.ClassExtends(class, "kserve.Model", "kserve.model.Model", "mlserver.MLModel", "mlserver.model.MLModel") &&
			(name == "predict" || name == "preprocess" || name == "postprocess" || name == "explain" || name == "__call__"):
			fn.Route = RouteKServe
		case torchServeMethods[name] && f.IsTorchServeHandlerClass(class):
			fn.Route = RouteTorchServe
		}
		if name == "__init__" && (cq["ray.serve.deployment"] || cq["bentoml.service"]) {
			fn.StartupHook = true
		}
		if name == "load" && f.ClassExtends(class, "kserve.Model", "kserve.model.Model", "mlserver.MLModel") {
			fn.StartupHook = true
		}
		if name == "initialize" && f.IsTorchServeHandlerClass(class) {
			fn.StartupHook = true
		}
		if (name == "aggregate_fit" || name == "aggregate_evaluate") && f.IsFlowerStrategyClass(class) {
			fn.PeerAggregate = true
		}
	}
	if fn.Route == NotRoute && f.isTorchServeHandleFunc(s) {
		fn.Route = RouteTorchServe
	}
	if fn.Route == NotRoute && len(s.Params) > 0 && s.Params[0].Name == "request" && f.Imports("django") {
		fn.Route = RouteDjango
	}
	// AUTH MARKER from outside the handler: FastAPI auth dependencies in
	// parameter defaults or Annotated types, and authentication applied at
	// router/app level (middleware, hooks, include_router dependencies,
	// Django settings): appfacts.go.
	if !fn.AuthMarker && fn.Route != NotRoute && (fn.DependsOnAuth() || fn.ProtectedByApp()) {
		fn.AuthMarker = true
	}
	f.classifyParams(fn)
	if fn.Route != NotRoute {
		fn.Inference = f.isInference(fn)
	}
	return fn
}

func lastName(n *Node) string {
	n = Unparen(n)
	if n == nil {
		return ""
	}
	if n.Kind == KAttribute {
		return n.Field("attribute").Text()
	}
	if n.Kind == KIdentifier {
		return n.Text()
	}
	return ""
}

// isWebRouteDecorator: `<x>.<route method>` where x is a Flask/FastAPI/
// Starlette app, blueprint or router. An x whose type cannot be known (for
// example imported from another module) counts when the module imports a
// web framework; an x of any other known type never does.
func (f *File) isWebRouteDecorator(callee *Node) bool {
	if callee == nil || callee.Kind != KAttribute || !routeMethods[callee.Field("attribute").Text()] {
		return false
	}
	obj := callee.Field("object")
	if t := f.TypeOf(obj); t != "" {
		return webAppTypes[t]
	}
	if q := f.Qualname(obj); q != "" && f.isModuleName(q) {
		return false // requests.get is a module function, not an app
	}
	return f.ImportsAny(webFrameworks...)
}

// isModuleName reports whether q names an imported module itself.
func (f *File) isModuleName(q string) bool {
	for _, d := range f.Module.defsOfKind(DefImport) {
		if d.Import == q && d.Stmt.Kind == KImportStatement {
			return true
		}
	}
	return false
}

func (s *Scope) defsOfKind(k DefKind) []*Def {
	var out []*Def
	for _, defs := range s.defs {
		for _, d := range defs {
			if d.Kind == k {
				out = append(out, d)
			}
		}
	}
	return out
}

func (f *File) isBentoSvcAPI(callee *Node) bool {
	if callee == nil || callee.Kind != KAttribute || !callee.Field("attribute").Is("api") {
		return false
	}
	t := f.TypeOf(callee.Field("object"))
	return t == "bentoml.Service"
}

// appHasDependencies: AUTH MARKER (d), the app/router was created with dependencies=.
func (f *File) appHasDependencies(callee *Node) bool {
	obj := Unparen(callee.Field("object"))
	if obj == nil || obj.Kind != KIdentifier {
		return false
	}
	defs := f.Module.defs[obj.Text()]
	if len(defs) != 1 || defs[0].Kind != DefAssign {
		return false
	}
	c, ok := f.AsCall(defs[0].Value)
	return ok && nonEmptyDeps(c.Kwarg("dependencies"))
}

func (f *File) classDecorators(class *Node) map[string]bool {
	out := map[string]bool{}
	for _, d := range decoratorsOf(class) {
		callee, _, _ := f.decoratorCallee(d)
		if q := f.Qualname(callee); q != "" {
			out[q] = true
		}
	}
	return out
}

// ClassDerives reports whether class has a base whose qualified name
// satisfies match, directly or through classes defined in the module
// (`class B(A)` where A is a local class that derives). A base name bound
// more than once, or to anything but a class statement, ends that path.
func (f *File) ClassDerives(class *Node, match func(qualname string) bool) bool {
	seen := map[*Node]bool{}
	var walk func(c *Node) bool
	walk = func(c *Node) bool {
		if c == nil || seen[c] {
			return false
		}
		seen[c] = true
		sup := c.Field("superclasses")
		if sup == nil {
			return false
		}
		for _, b := range sup.NamedChildren() {
			if b.Kind == KKeywordArgument || b.Kind == KComment {
				continue // metaclass=...
			}
			if q := f.Qualname(b); q != "" && match(q) {
				return true
			}
			if walk(f.LocalClass(b)) {
				return true
			}
		}
		return false
	}
	return walk(class)
}

// ClassExtends reports whether class lists one of bases (by qualified name)
// itself; ClassDerives also follows the module's own classes.
func (f *File) ClassExtends(class *Node, bases ...string) bool {
	sup := class.Field("superclasses")
	if sup == nil {
		return false
	}
	for _, b := range sup.NamedChildren() {
		q := f.Qualname(b)
		for _, want := range bases {
			if q == want {
				return true
			}
		}
	}
	return false
}

// classifyParams assigns WEB-TAINT labels to ROUTE HANDLER parameters and
// finds request-object parameters (§3.5).
func (f *File) classifyParams(fn *Func) {
	fn.params = map[*Param]Label{}
	fn.requestParams = map[*Param]string{}
	for i, p := range fn.Scope.Params {
		ann := f.annotationType(p.Annotation)
		switch ann {
		case "fastapi.Request", "starlette.requests.Request", "fastapi.WebSocket", "starlette.websockets.WebSocket":
			fn.requestParams[p] = "fastapi"
			continue
		}
		if fn.Route == RouteDjango && i == 0 {
			fn.requestParams[p] = "django"
			continue
		}
		if p.Name == "request" && i == 1 && fn.Scope.Class() != nil && f.Imports("django") {
			fn.requestParams[p] = "django" // class-based view method(self, request)
			continue
		}
		if fn.Route == NotRoute || p.Name == "self" || p.Name == "cls" {
			continue
		}
		if (fn.Route == RouteBento || fn.Route == RouteRay || fn.Route == RouteKServe || fn.Route == RouteTorchServe) && (p.Name == "ctx" || p.Name == "context") {
			continue
		}
		if fn.Route == RouteTorchServe {
			// The request batch (the first non-self parameter) holds the raw
			// request payloads: a body, not string fields (torchserve.go).
			fn.params[p] = WebBody
			continue
		}
		if c, ok := f.AsCall(p.Default); ok && c.Is("fastapi.Depends", "fastapi.Security", "fastapi.params.Depends") {
			f.authFromDepends(fn, c)
			continue
		}
		if c, ok := f.annotatedDepends(p.Annotation, 0); ok {
			f.authFromDepends(fn, c) // Annotated[User, Depends(get_user)]: server-resolved
			continue
		}
		switch ann {
		case "fastapi.BackgroundTasks", "starlette.background.BackgroundTasks", "fastapi.Response", "starlette.responses.Response":
			continue
		case "fastapi.UploadFile", "starlette.datastructures.UploadFile", "builtins.bytes", "bentoml.File", "bentoml.io.File":
			fn.params[p] = WebBody
		default:
			fn.params[p] = WebField
		}
	}
	if fn.PeerAggregate {
		if p := flowerResultsParam(fn.Scope); p != nil {
			fn.params[p] |= PeerTaint
		}
	}
}

// authFromDepends: AUTH MARKER (b).
func (f *File) authFromDepends(fn *Func, c Call) {
	dep := lastName(c.Pos(0))
	if dep == "" {
		if d, ok := f.AsCall(c.Pos(0)); ok {
			dep = lastName(d.Func)
		}
	}
	dep = strings.ToLower(dep)
	for _, w := range append(authWords, "current_user", "verify", "api_key") {
		if strings.Contains(dep, w) {
			fn.AuthMarker = true
		}
	}
}

// annotatedDepends finds the Depends(...)/Security(...) of an annotation
// `Annotated[T, Depends(f)]`, directly or through a module-level alias
// (`CurrentUser = Annotated[User, Depends(get_user)]`).
func (f *File) annotatedDepends(ann *Node, depth int) (Call, bool) {
	ann, base := AnnotationHead(ann)
	if ann == nil || depth > 2 {
		return Call{}, false
	}
	if ann.Kind == KIdentifier {
		defs := f.Module.Defs(ann.Text())
		if len(defs) == 1 && defs[0].Kind == DefAssign && defs[0].Value != nil {
			return f.annotatedDepends(defs[0].Value, depth+1)
		}
		return Call{}, false
	}
	if base == ann {
		return Call{}, false
	}
	if q := f.Qualname(base); q != "typing.Annotated" && q != "typing_extensions.Annotated" {
		return Call{}, false
	}
	var found Call
	ok := false
	ann.Walk(func(m *Node) bool {
		if ok || m.Kind != KCall {
			return !ok
		}
		if c, _ := f.AsCall(m); c.Is("fastapi.Depends", "fastapi.Security", "fastapi.params.Depends") {
			found, ok = c, true
		}
		return !ok
	})
	return found, ok
}

// ParamLabel is the taint label of a parameter in this function.
func (fn *Func) ParamLabel(p *Param) Label { return fn.params[p] }

// RequestParam reports the framework when p is a request object.
func (fn *Func) RequestParam(p *Param) string { return fn.requestParams[p] }

// isInference: the body calls predict-like methods (or an onnxruntime
// session's run) and trains nothing but preprocessors.
func (f *File) isInference(fn *Func) bool {
	predicts := false
	for _, n := range CallsIn(fn.Node.Field("body")) {
		if f.ScopeOf(n) != fn.Scope && f.ScopeOf(n).Kind != ScopeLambda {
			continue
		}
		c, _ := f.AsCall(n)
		m := c.Method()
		switch {
		case inferenceMethods[m]:
			predicts = true
		case m == "run" && c.ReceiverType() == "onnxruntime.InferenceSession":
			predicts = true
		case m == "fit" || m == "train":
			if !IsPreprocessorClass(c.ReceiverType()) {
				return false
			}
		}
	}
	return predicts
}

// FuncOf returns the facts of the function enclosing n, or nil.
func (f *File) FuncOf(n *Node) *Func {
	s := f.EnclosingFunc(n)
	if s == nil {
		return nil
	}
	return s.Func()
}
