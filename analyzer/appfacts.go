package analyzer

// App facts: how a module configures its web applications outside the
// handlers. Endpoint rules (authentication, rate limits, CORS, request
// size, error leakage, bind address, health/metrics endpoints) query these
// instead of looking only at the handler, so that a route protected at
// router or app level is not reported.
//
// API (stable; other batches build on it):
//
//	f.AppFacts() *AppFacts        facts of the module, computed once per file
//	f.AppOf(expr) *WebApp         the app/router/blueprint an expression names, or nil
//	f.HasMiddleware(prefix) bool  a middleware whose qualified class name is prefix
//	                              or starts with prefix+"." is installed on any app
//	f.FlaskExtension(prefix) *AppUse
//	                              a Flask extension (constructor or init_app) whose
//	                              class is prefix or under prefix+"." ("flask_limiter",
//	                              "flask_cors.CORS"), initialised on a Flask app/blueprint
//	f.DependencyIsAuth(x) bool    x, the argument of Depends(x)/Security(x), is an
//	                              authentication dependency (see below)
//	fn.App() *WebApp              the app/router/blueprint a RouteWeb handler is registered on
//	fn.ProtectedByApp() bool      authentication applies to the handler at router/app level
//	fn.AppProtection() *Node      the node that gives that protection (nil when none)
//	fn.DependsOnAuth() bool       a parameter of the handler depends on an authentication
//	                              dependency (default or Annotated Depends/Security)
//	fn.HasDecorator(q...) bool    a decorator's callee resolves to one of qualified names q
//	app.Protection() *Node        app-level authentication of an app/router (own or inherited)
//	app.Middleware(prefix) *Middleware
//	                              middleware installed on the app or an app that includes it
//	app.Extension(prefix) *AppUse like FlaskExtension, for this app or its parents
//	app.ConfigValue(key) *Node    app.config[KEY] = v / app.config.update(KEY=v) / app.debug
//	app.Parents() []*Include      include_router / register_blueprint / mount links into it
//
// Facts collected (AppFacts fields): Apps (module- or function-level
// `x = FastAPI(...)`, `APIRouter(...)`, `Starlette(...)`, starlette `Router`,
// `Flask(...)`, `Blueprint(...)`, Quart), Includes (`p.include_router(r,
// dependencies=...)`, `p.register_blueprint(bp)`, `p.mount(path, sub)`),
// Middleware (`app.add_middleware(X, ...)`, `@app.middleware("http")`,
// `FastAPI(middleware=[Middleware(X, ...)])`, `app.wsgi_app = X(app.wsgi_app)`,
// `app = X(app, ...)`), Hooks (`@app.before_request`, `@bp.before_request`,
// `@bp.before_app_request`, `app.before_request(f)`, after_request variants),
// Uses (every call that receives an app: Flask extensions `X(app)` /
// `x.init_app(app)`, `Instrumentator().instrument(app)`, ...), Runs
// (`app.run(...)`, `uvicorn.run(app, ...)`, `waitress.serve(app, ...)`),
// ErrorHandlers (`@app.errorhandler(E)`, `@app.exception_handler(E)`,
// `app.register_error_handler(E, f)`, `app.add_exception_handler(E, f)`), and
// Django settings (`MIDDLEWARE = [...]`, `REST_FRAMEWORK = {...}`, other
// module-level UPPER_CASE settings).
//
// Authentication at app level (WebApp.Protection): a non-empty
// `dependencies=` on the app/router constructor; an auth-like middleware or
// before_request hook on it; flask_basicauth with BASIC_AUTH_FORCE; or an
// include_router(..., dependencies=[...]) link / a protected parent app
// (dependencies do not cross a mount, middleware does). A middleware is
// auth-like when its class or function name contains an auth word (auth,
// login, permission, role, admin, jwt, token, api_key, apikey) or, for one
// defined in the module, its body can reject a request (raise, abort, or
// return a response other than call_next's) and shows an auth signal (401/403,
// an Authorization/API-key/bearer/token header or string, request.authorization,
// current_user.is_authenticated, a call of an auth-named function). A hook is
// auth-like on the same terms, or when it is itself decorated with an auth
// decorator (`@auth.login_required`), or calls an auth-named verifier
// (`verify_jwt_in_request()`) as a statement.

import (
	"sort"
	"strings"
)

// AppKind is the framework class of a WebApp.
type AppKind uint8

const (
	AppFastAPI   AppKind = iota + 1 // fastapi.FastAPI
	AppRouter                       // fastapi.APIRouter, starlette.routing.Router
	AppStarlette                    // starlette.applications.Starlette
	AppFlask                        // flask.Flask, quart.Quart
	AppBlueprint                    // flask.Blueprint, quart.Blueprint
)

var appKinds = map[string]AppKind{
	"fastapi.FastAPI": AppFastAPI, "fastapi.applications.FastAPI": AppFastAPI,
	"fastapi.APIRouter": AppRouter, "fastapi.routing.APIRouter": AppRouter, "starlette.routing.Router": AppRouter,
	"starlette.applications.Starlette": AppStarlette,
	"flask.Flask":                      AppFlask, "flask.app.Flask": AppFlask, "quart.Quart": AppFlask,
	"flask.Blueprint": AppBlueprint, "flask.blueprints.Blueprint": AppBlueprint, "quart.Blueprint": AppBlueprint,
}

// IsFlask reports whether the app is a Flask/Quart app or blueprint.
func (a *WebApp) IsFlask() bool { return a != nil && (a.Kind == AppFlask || a.Kind == AppBlueprint) }

// IsASGI reports whether the app is a FastAPI/Starlette app or router.
func (a *WebApp) IsASGI() bool {
	return a != nil && (a.Kind == AppFastAPI || a.Kind == AppRouter || a.Kind == AppStarlette)
}

// WebApp is one application, router or blueprint constructed in the module.
type WebApp struct {
	Name  string  // the bound name
	Type  string  // qualified class name, e.g. "fastapi.FastAPI"
	Kind  AppKind //
	Call  Call    // the constructor call (keywords: dependencies=, middleware=, debug=, docs_url=, ...)
	Stmt  *Node   // the assignment statement
	Scope *Scope  // the SCOPE the name is bound in (module or an app factory)

	// Dependencies is the value of the constructor's dependencies= (or nil).
	Dependencies *Node

	facts     *AppFacts
	config    map[string]*Node
	protected *Node
	state     uint8 // 0 unknown, 1 computing, 2 done
}

// Kwarg is the value of the constructor's keyword name, or nil.
func (a *WebApp) Kwarg(name string) *Node { return a.Call.Kwarg(name) }

// IncludeKind says how a child app is linked into a parent.
type IncludeKind uint8

const (
	IncludeRouter     IncludeKind = iota + 1 // parent.include_router(child, ...)
	RegisterBlueprint                        // parent.register_blueprint(child, ...)
	Mount                                    // parent.mount(path, child)
)

// Include links a child router/blueprint/sub-app into a parent.
type Include struct {
	Kind         IncludeKind
	Parent       *WebApp
	Child        *WebApp // nil when the child is not constructed in this module
	ChildExpr    *Node   // the child argument
	Call         Call
	Dependencies *Node // include_router(..., dependencies=...) value, or nil
}

// MiddlewareForm says how a middleware is installed.
type MiddlewareForm uint8

const (
	MWAdd         MiddlewareForm = iota + 1 // app.add_middleware(X, ...)
	MWDecorator                             // @app.middleware("http")
	MWConstructor                           // FastAPI/Starlette(middleware=[Middleware(X, ...)])
	MWWrap                                  // app.wsgi_app = X(app.wsgi_app, ...) / app = X(app, ...)
)

// Middleware is one middleware installed on an app.
type Middleware struct {
	Form  MiddlewareForm
	App   *WebApp
	Class string // qualified name of the middleware class/factory ("" for one defined in the module)
	Local *Node  // the class_definition or function_definition when defined in the module
	Node  *Node  // the add_middleware call, decorator, Middleware(...) element or wrapping call
	// Args is the call that carries the middleware's options: add_middleware(X, **opts),
	// Middleware(X, **opts), or X(app, **opts). Zero for MWDecorator.
	Args Call
	Auth bool // auth-like (see the file comment)
}

// Kwarg is the value of an option keyword of the middleware, or nil.
func (m *Middleware) Kwarg(name string) *Node {
	if m.Args.Node == nil {
		return nil
	}
	return m.Args.Kwarg(name)
}

// RequestHook is a Flask/Quart request hook function.
type RequestHook struct {
	App  *WebApp
	Kind string // "before_request", "before_app_request", "after_request", "after_app_request"
	Func *Node  // the function_definition
	Node *Node  // the decorator or registering call
	// Global: applies to every route of the app (app hooks, before_app_request on a blueprint).
	Global   bool
	CanAbort bool // raises, aborts or returns a response (before_* hooks)
	Auth     bool // auth-like check
}

// AppUse is a call that receives an app as an argument: Flask extensions
// (`CORS(app)`, `Limiter(key, app=app)`, `login_manager.init_app(app)`),
// instrumentation (`Instrumentator().instrument(app)`), helpers.
type AppUse struct {
	App    *WebApp
	Class  string // constructor qualname, or the receiver's type for a method call ("" if unknown)
	Method string // "" for a constructor/function call, else the method ("init_app", "instrument")
	Call   Call
	// Ctor is the extension object's constructor call for `x.init_app(app)`
	// when x is typed from one in the module (its keywords hold the options).
	Ctor Call
}

// Kwarg is an option keyword of the extension: on the call itself, or on
// the constructor of the object init_app is called on.
func (u *AppUse) Kwarg(name string) *Node {
	if v := u.Call.Kwarg(name); v != nil {
		return v
	}
	if u.Ctor.Node != nil {
		return u.Ctor.Kwarg(name)
	}
	return nil
}

// AppRun is a call that serves an app.
type AppRun struct {
	App  *WebApp // nil when the app is named by a string ("main:app") or not resolved
	Call Call    // app.run(...), uvicorn.run(...), waitress.serve(...)
}

// ErrorHandler is an exception/error handler registered on an app.
type ErrorHandler struct {
	App  *WebApp
	Exc  *Node // the exception class or status code argument
	Func *Node // the handler function_definition when defined in the module
	Node *Node
}

// DjangoSettings are settings a module assigns at top level.
type DjangoSettings struct {
	// IsSettings: the module assigns INSTALLED_APPS, MIDDLEWARE or ROOT_URLCONF.
	IsSettings bool
	// Middleware lists MIDDLEWARE (or MIDDLEWARE_CLASSES) string entries in order.
	Middleware     []string
	MiddlewareNode *Node
	// RestFramework maps REST_FRAMEWORK keys to their string entries
	// ("DEFAULT_PERMISSION_CLASSES" -> ["rest_framework.permissions.IsAuthenticated"]).
	RestFramework     map[string][]string
	RestFrameworkNode *Node
	values            map[string]*Node
}

// Setting returns the value of a module-level UPPER_CASE setting assigned
// exactly once, or nil.
func (d *DjangoSettings) Setting(name string) *Node { return d.values[name] }

// HasMiddleware reports whether MIDDLEWARE lists name.
func (d *DjangoSettings) HasMiddleware(name string) bool {
	for _, m := range d.Middleware {
		if m == name {
			return true
		}
	}
	return false
}

// AppFacts are the web-application facts of one module.
type AppFacts struct {
	Apps          []*WebApp
	Includes      []*Include
	Middleware    []*Middleware
	Hooks         []*RequestHook
	Uses          []*AppUse
	Runs          []*AppRun
	ErrorHandlers []*ErrorHandler
	Django        DjangoSettings

	byCall map[int32]*WebApp
	// ConfigExternal: some app loads config from elsewhere (from_object,
	// from_pyfile, from_envvar, from_file, from_prefixed_env).
	ConfigExternal bool
}

// AppFacts returns the module's app facts, computed on first use.
func (f *File) AppFacts() *AppFacts {
	if f.appFacts == nil {
		f.appFacts = &AppFacts{byCall: map[int32]*WebApp{}}
		f.buildAppFacts(f.appFacts)
	}
	return f.appFacts
}

// AppOf returns the app/router/blueprint expression n names: a name bound
// to an app constructor (in its SCOPE, or the one binding of an enclosing
// SCOPE), through at most a few plain aliases. nil when unknown.
func (f *File) AppOf(n *Node) *WebApp {
	facts := f.AppFacts()
	for depth := 0; depth < 4; depth++ {
		n = Unparen(n)
		if n == nil {
			return nil
		}
		switch n.Kind {
		case KCall:
			return facts.byCall[n.idx]
		case KIdentifier:
			d := f.bindingOf(n)
			if d == nil || d.Kind != DefAssign || d.Unpacked {
				return nil
			}
			n = d.Value
		default:
			return nil
		}
	}
	return nil
}

// bindingOf is the binding an identifier read refers to: the latest one in
// its own SCOPE, or the single binding of the enclosing SCOPE that binds it.
func (f *File) bindingOf(id *Node) *Def {
	name := id.Text()
	s := f.ScopeOf(id)
	sc := s.lookupScope(name)
	if sc == nil {
		return nil
	}
	if sc == s {
		return s.DefAt(name, id.Start)
	}
	return sc.soleBinding(name)
}

// localDef is the function_definition or class_definition a name refers to.
func (f *File) localDef(n *Node) *Node {
	n = Unparen(n)
	if n == nil || n.Kind != KIdentifier {
		return nil
	}
	d := f.bindingOf(n)
	if d == nil || (d.Kind != DefFunc && d.Kind != DefClass) {
		return nil
	}
	return d.Stmt
}

// HasMiddleware reports whether any app of the module installs a middleware
// whose qualified class name is prefix or starts with prefix+".".
func (f *File) HasMiddleware(prefix string) bool {
	for _, m := range f.AppFacts().Middleware {
		if underPrefix(m.Class, prefix) {
			return true
		}
	}
	return false
}

// FlaskExtension returns the first extension whose class is prefix or under
// prefix+"." initialised on a Flask/Quart app or blueprint of the module.
func (f *File) FlaskExtension(prefix string) *AppUse {
	for _, u := range f.AppFacts().Uses {
		if u.App.IsFlask() && underPrefix(u.Class, prefix) {
			return u
		}
	}
	return nil
}

func underPrefix(q, prefix string) bool {
	return q != "" && (q == prefix || strings.HasPrefix(q, prefix+"."))
}

// Parents returns the links that include this app into another.
func (a *WebApp) Parents() []*Include {
	var out []*Include
	for _, inc := range a.facts.Includes {
		if inc.Child == a {
			out = append(out, inc)
		}
	}
	return out
}

// Middleware returns a middleware installed on a or on an app that
// includes or mounts it, whose class is prefix or under prefix+".".
func (a *WebApp) Middleware(prefix string) *Middleware {
	var found *Middleware
	a.walkUp(func(x *WebApp, _ bool) bool {
		for _, m := range x.facts.Middleware {
			if m.App == x && underPrefix(m.Class, prefix) {
				found = m
				return true
			}
		}
		return false
	})
	return found
}

// Extension returns an extension under prefix initialised on a or on an app
// that registers it.
func (a *WebApp) Extension(prefix string) *AppUse {
	var found *AppUse
	a.walkUp(func(x *WebApp, _ bool) bool {
		for _, u := range x.facts.Uses {
			if u.App == x && underPrefix(u.Class, prefix) {
				found = u
				return true
			}
		}
		return false
	})
	return found
}

// walkUp visits a and then every app that includes it (transitively);
// viaMount is true once a mount link was crossed. visit returns true to stop.
func (a *WebApp) walkUp(visit func(x *WebApp, viaMount bool) bool) {
	type item struct {
		app   *WebApp
		mount bool
	}
	seen := map[*WebApp]bool{}
	queue := []item{{a, false}}
	for len(queue) > 0 {
		it := queue[0]
		queue = queue[1:]
		if it.app == nil || seen[it.app] {
			continue
		}
		seen[it.app] = true
		if visit(it.app, it.mount) {
			return
		}
		for _, inc := range it.app.Parents() {
			queue = append(queue, item{inc.Parent, it.mount || inc.Kind == Mount})
		}
	}
}

// ConfigValue returns the value the module gives config key on this app
// (`app.config["K"] = v`, `app.config.update(K=v)`, `app.config.update({"K": v})`,
// `app.config.from_mapping(K=v)`, `app.debug = v` for "DEBUG"), or nil.
func (a *WebApp) ConfigValue(key string) *Node { return a.config[key] }

// Protection returns the node that makes authentication apply to every
// route of a at app/router level (own or inherited), or nil.
func (a *WebApp) Protection() *Node {
	if a == nil {
		return nil
	}
	switch a.state {
	case 1:
		return nil // a cycle of includes
	case 2:
		return a.protected
	}
	a.state = 1
	a.protected = a.ownProtection()
	if a.protected == nil {
		for _, inc := range a.Parents() {
			if nonEmptyDeps(inc.Dependencies) {
				a.protected = inc.Call.Node
				break
			}
			if inc.Kind == Mount {
				if p := inc.Parent.middlewareProtection(); p != nil {
					a.protected = p
					break
				}
				continue
			}
			if p := inc.Parent.Protection(); p != nil {
				a.protected = p
				break
			}
		}
	}
	a.state = 2
	return a.protected
}

func (a *WebApp) ownProtection() *Node {
	if nonEmptyDeps(a.Dependencies) {
		return a.Call.Keyword("dependencies")
	}
	if p := a.middlewareProtection(); p != nil {
		return p
	}
	for _, h := range a.facts.Hooks {
		if h.App == a && h.Auth && strings.HasPrefix(h.Kind, "before") {
			return h.Node
		}
	}
	// A blueprint's before_app_request hook guards the whole app that registers it.
	for _, inc := range a.facts.Includes {
		if inc.Parent != a || inc.Child == nil {
			continue
		}
		for _, h := range a.facts.Hooks {
			if h.App == inc.Child && h.Auth && h.Kind == "before_app_request" {
				return h.Node
			}
		}
	}
	if u := a.Extension("flask_basicauth"); u != nil && IsTrue(u.App.ConfigValue("BASIC_AUTH_FORCE")) {
		return u.Call.Node // BasicAuth(app) with app.config["BASIC_AUTH_FORCE"] = True
	}
	return nil
}

// middlewareProtection: an auth-like middleware on a or on an app above it.
func (a *WebApp) middlewareProtection() *Node {
	var found *Node
	a.walkUp(func(x *WebApp, _ bool) bool {
		for _, m := range x.facts.Middleware {
			if m.App == x && m.Auth {
				found = m.Node
				return true
			}
		}
		return false
	})
	return found
}

// nonEmptyDeps: a dependencies= value that is not an empty list/tuple literal.
func nonEmptyDeps(v *Node) bool {
	v = Unparen(v)
	if v == nil || v.Kind == KNone {
		return false
	}
	if (v.Kind == KList || v.Kind == KTuple) && len(v.NamedChildren()) == 0 {
		return false
	}
	return true
}

// App returns the app/router/blueprint a RouteWeb handler is registered on.
func (fn *Func) App() *WebApp {
	if fn == nil || fn.Route != RouteWeb || fn.RouteDecorator == nil {
		return nil
	}
	f := fn.Scope.File
	callee, _, _ := f.decoratorCallee(fn.RouteDecorator)
	if callee == nil || callee.Kind != KAttribute {
		return nil
	}
	return f.AppOf(callee.Field("object"))
}

// ProtectedByApp reports whether authentication applies to the handler at
// router or app level (see AppProtection).
func (fn *Func) ProtectedByApp() bool { return fn.AppProtection() != nil }

// AppProtection returns the node that makes authentication apply to the
// handler outside its own decorators and parameters: the protection of its
// app/router (WebApp.Protection), or for a Django view, LoginRequiredMiddleware
// in the same module's MIDDLEWARE, or a REST_FRAMEWORK default permission
// other than AllowAny for an @api_view function. nil when none.
func (fn *Func) AppProtection() *Node {
	if fn == nil {
		return nil
	}
	f := fn.Scope.File
	switch fn.Route {
	case RouteWeb:
		return fn.App().Protection()
	case RouteDjango:
		dj := &f.AppFacts().Django
		if dj.HasMiddleware("django.contrib.auth.middleware.LoginRequiredMiddleware") &&
			!fn.HasDecorator("django.contrib.auth.decorators.login_not_required") {
			return dj.MiddlewareNode
		}
		if fn.HasDecorator("rest_framework.decorators.api_view") {
			for _, p := range dj.RestFramework["DEFAULT_PERMISSION_CLASSES"] {
				if p != "rest_framework.permissions.AllowAny" {
					return dj.RestFrameworkNode
				}
			}
		}
	}
	return nil
}

// HasDecorator reports whether a decorator of the function (called or not)
// resolves to one of qualnames.
func (fn *Func) HasDecorator(qualnames ...string) bool {
	if fn == nil {
		return false
	}
	f := fn.Scope.File
	for _, d := range fn.Decorators {
		callee, _, _ := f.decoratorCallee(d)
		q := f.Qualname(callee)
		for _, w := range qualnames {
			if q != "" && q == w {
				return true
			}
		}
	}
	return false
}

// DependsOnAuth reports whether a parameter of the function is resolved by
// FastAPI from an authentication dependency: a default `Depends(X)` /
// `Security(X)`, or an annotation `Annotated[T, Depends(X)]` (directly or
// through a module-level alias), with DependencyIsAuth(X); `Depends()` with
// no argument uses the annotation's class as X. Any `Security(...)` counts.
func (fn *Func) DependsOnAuth() bool {
	if fn == nil {
		return false
	}
	return fn.Scope.File.paramsDependOnAuth(fn.Scope.Params, 0)
}

func (f *File) paramsDependOnAuth(params []*Param, depth int) bool {
	for _, p := range params {
		if c, ok := f.AsCall(p.Default); ok && f.isDependsCall(c) {
			if f.dependsCallIsAuth(c, p.Annotation, depth) {
				return true
			}
		}
		if f.annotationDependsOnAuth(p.Annotation, depth) {
			return true
		}
		if depth > 0 && strings.HasPrefix(f.annotationType(p.Annotation), "fastapi.security.") {
			return true // a dependency that receives HTTPAuthorizationCredentials, SecurityScopes, ...
		}
	}
	return false
}

func (f *File) isDependsCall(c Call) bool {
	return c.Is("fastapi.Depends", "fastapi.Security", "fastapi.params.Depends", "fastapi.params.Security")
}

func (f *File) dependsCallIsAuth(c Call, annotation *Node, depth int) bool {
	if c.Is("fastapi.Security", "fastapi.params.Security") {
		return true
	}
	x := c.Arg(0, "dependency")
	if x == nil {
		x = annotation
	}
	return f.dependencyIsAuth(x, depth)
}

// annotationDependsOnAuth: Annotated[T, Depends(X)] with an auth X, also
// through a module-level alias `CurrentUser = Annotated[...]`.
func (f *File) annotationDependsOnAuth(a *Node, depth int) bool {
	a = Unparen(a)
	if a == nil || depth > 3 {
		return false
	}
	if a.Kind == KType {
		a = Unparen(a.NamedChild(0))
		if a == nil {
			return false
		}
	}
	if a.Kind == KIdentifier {
		d := f.bindingOf(a)
		if d == nil || d.Kind != DefAssign || d.Unpacked || d.Value == nil {
			return false
		}
		v := Unparen(d.Value)
		if v.Kind != KSubscript {
			return false
		}
		return f.annotationDependsOnAuth(v, depth+1)
	}
	found := false
	a.Walk(func(m *Node) bool {
		if found {
			return false
		}
		if m.Kind == KCall {
			if c, _ := f.AsCall(m); f.isDependsCall(c) && f.dependsCallIsAuth(c, nil, depth) {
				found = true
			}
			return false
		}
		return true
	})
	return found
}

var depAuthWords = append(append([]string{}, authWords...), "current_user", "verify", "api_key", "apikey", "credential")

// DependencyIsAuth reports whether x, the dependency of `Depends(x)` or
// `Security(x)`, authenticates the caller: its name (or its callee's name)
// contains auth, login, permission, role, admin, jwt, token, current_user,
// verify, api_key, apikey or credential; it is an instance of a
// `fastapi.security` class (OAuth2PasswordBearer, HTTPBearer, APIKeyHeader,
// HTTPBasic, ...; not the OAuth2PasswordRequestForm login form); or it is a function of the module whose own parameters
// depend on such a dependency (one or two levels), or whose body rejects
// requests with an auth signal (see the file comment).
func (f *File) DependencyIsAuth(x *Node) bool { return f.dependencyIsAuth(x, 0) }

func (f *File) dependencyIsAuth(x *Node, depth int) bool {
	x = Unparen(x)
	if x == nil || depth > 3 {
		return false
	}
	name := lastName(x)
	target := x
	if c, ok := f.AsCall(x); ok {
		name = lastName(c.Func)
		target = c.Func
	}
	if strings.HasPrefix(f.Qualname(target), "fastapi.security.OAuth2PasswordRequestForm") {
		return false
	}
	if hasAuthWord(name, depAuthWords) {
		return true
	}
	for _, q := range []string{f.TypeOf(x), f.Qualname(target)} {
		// The OAuth2 password form parses a login request; it authenticates nobody.
		if strings.HasPrefix(q, "fastapi.security.") && !strings.HasPrefix(q, "fastapi.security.OAuth2PasswordRequestForm") {
			return true
		}
	}
	def := f.localDef(target)
	if def == nil {
		return false
	}
	if def.Kind == KClassDefinition {
		// A callable class dependency: its __call__ decides.
		def = classMethod(def, "__call__")
		if def == nil {
			return false
		}
	}
	if s := f.ScopeFor(def); s != nil && f.paramsDependOnAuth(s.Params, depth+1) {
		return true
	}
	_, auth := f.rejectsRequests(def, "")
	return auth
}

func hasAuthWord(name string, words []string) bool {
	name = strings.ReplaceAll(strings.ToLower(name), "tokeniz", "") // tokenizers are not tokens
	if name == "" {
		return false
	}
	for _, w := range words {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

func classMethod(class *Node, name string) *Node {
	body := class.Field("body")
	if body == nil {
		return nil
	}
	for _, st := range body.NamedChildren() {
		if st.Kind == KDecoratedDefinition {
			st = st.Field("definition")
		}
		if st != nil && st.Kind == KFunctionDefinition {
			if n := st.Field("name"); n != nil && n.Is(name) {
				return st
			}
		}
	}
	return nil
}

var mwAuthWords = append(append([]string{}, authWords...), "api_key", "apikey")

// Strings whose presence in a hook or middleware body signals an auth check.
var authStrings = []string{"authorization", "authenticat", "api-key", "api_key", "apikey", "bearer", "token",
	"login", "logged_in", "password", "unauthorized", "forbidden", "credential"}

// rejectsRequests analyses a hook or middleware function (or a middleware
// class, through its dispatch/__call__): whether it can reject a request,
// and whether it does so as an authentication check. callNext is the name of
// the call_next parameter of an ASGI middleware function ("" for Flask hooks).
func (f *File) rejectsRequests(def *Node, callNext string) (canAbort, auth bool) {
	if def == nil {
		return false, false
	}
	name := ""
	if n := def.Field("name"); n != nil {
		name = n.Text()
	}
	if def.Kind == KClassDefinition {
		m := classMethod(def, "dispatch")
		next := ""
		if m == nil {
			m = classMethod(def, "__call__")
		} else if s := f.ScopeFor(m); s != nil && len(s.Params) >= 3 {
			next = s.Params[2].Name
		}
		canAbort, auth = f.rejectsRequests(m, next)
		return canAbort, auth || hasAuthWord(name, mwAuthWords)
	}
	body := def.Field("body")
	if body == nil {
		return false, false
	}
	s := f.ScopeFor(def)
	signal := hasAuthWord(name, mwAuthWords)
	body.Walk(func(m *Node) bool {
		if m.Kind == KFunctionDefinition || m.Kind == KClassDefinition || m.Kind == KLambda {
			return false
		}
		switch m.Kind {
		case KRaise:
			canAbort = true
		case KReturn:
			v := m.NamedChild(0)
			if v != nil && Unparen(v).Kind != KNone && !f.isCallNextResult(s, v, callNext) {
				canAbort = true
			}
		case KCall:
			c, _ := f.AsCall(m)
			callee := lastName(c.Func)
			if callee == "abort" || c.Is("flask.abort", "werkzeug.exceptions.abort", "quart.abort") {
				canAbort = true
			}
			if callee != "" && callee != callNext && hasAuthWord(callee, depAuthWords) || c.Is("hmac.compare_digest", "secrets.compare_digest") {
				signal = true
				if p := m.Parent(); p != nil && (p.Kind == KExpressionStatement || p.Kind == KAwait && p.Parent() != nil && p.Parent().Kind == KExpressionStatement) {
					canAbort = true // verify_jwt_in_request(): raises when the check fails
				}
			}
		case KInteger:
			if m.Is("401") || m.Is("403") {
				signal = true
			}
		case KAttribute:
			a := m.Field("attribute").Text()
			switch {
			case a == "authorization", a == "is_authenticated", a == "is_anonymous",
				strings.Contains(a, "401"), strings.Contains(a, "403"), a == "UNAUTHORIZED", a == "FORBIDDEN":
				signal = true
			}
		case KIdentifier:
			if m.Is("current_user") {
				signal = true
			}
		case KStringContent:
			if hasAuthWord(m.Text(), authStrings) {
				signal = true
			}
		}
		return true
	})
	return canAbort, canAbort && signal
}

// isCallNextResult: v is `await call_next(...)` or a name bound only from it
// (what a pass-through ASGI middleware returns).
func (f *File) isCallNextResult(s *Scope, v *Node, callNext string) bool {
	isNext := func(e *Node) bool {
		e = Unparen(e)
		if e != nil && e.Kind == KAwait {
			e = Unparen(e.NamedChild(0))
		}
		c, ok := f.AsCall(e)
		if !ok {
			return false
		}
		fn := Unparen(c.Func)
		if fn.Kind == KIdentifier {
			return callNext != "" && fn.Is(callNext)
		}
		// ASGI/WSGI class middleware: `await self.app(scope, receive, send)`.
		if o := Unparen(fn.Field("object")); fn.Kind == KAttribute && o != nil && o.Kind == KIdentifier && o.Is("self") {
			return strings.Contains(fn.Field("attribute").Text(), "app")
		}
		return false
	}
	if isNext(v) {
		return true
	}
	v = Unparen(v)
	if v.Kind != KIdentifier || s == nil {
		return false
	}
	defs := s.Defs(v.Text())
	if len(defs) == 0 {
		return false
	}
	for _, d := range defs {
		if d.Kind != DefAssign || !isNext(d.Value) {
			return false
		}
	}
	return true
}

// middlewareAuth: auth-like middleware class or function.
func (f *File) middlewareAuth(class string, local *Node, callNext string) bool {
	if class != "" {
		last := class
		if i := strings.LastIndexByte(class, '.'); i >= 0 {
			last = class[i+1:]
		}
		if hasAuthWord(last, mwAuthWords) {
			return true
		}
	}
	if local != nil {
		_, auth := f.rejectsRequests(local, callNext)
		return auth
	}
	return false
}

func (f *File) buildAppFacts(facts *AppFacts) {
	facts.Django.values = map[string]*Node{}
	// 1. Apps.
	for _, s := range f.allScopes() {
		if s.Kind == ScopeClass {
			continue
		}
		for _, defs := range s.defs {
			for _, d := range defs {
				if d.Kind != DefAssign || d.Unpacked {
					continue
				}
				c, ok := f.AsCall(d.Value)
				if !ok {
					continue
				}
				q := c.Callee()
				kind, ok := appKinds[q]
				if !ok {
					continue
				}
				if facts.byCall[c.Node.idx] != nil {
					continue // a = b = Flask(...)
				}
				a := &WebApp{Name: d.Name, Type: q, Kind: kind, Call: c, Stmt: d.Stmt, Scope: s,
					Dependencies: c.Kwarg("dependencies"), facts: facts, config: map[string]*Node{}}
				facts.Apps = append(facts.Apps, a)
				facts.byCall[c.Node.idx] = a
			}
		}
	}
	sort.Slice(facts.Apps, func(i, j int) bool { return facts.Apps[i].Call.Node.Start < facts.Apps[j].Call.Node.Start })
	for _, a := range facts.Apps {
		f.constructorMiddleware(facts, a)
	}
	// 2. Calls, decorators and assignments, in source order.
	nodes := f.Tree.Nodes
	for i := range nodes {
		n := &nodes[i]
		switch n.Kind {
		case KCall:
			f.appCall(facts, n)
		case KFunctionDefinition:
			f.appDecorators(facts, n)
		case KAssignment:
			f.appAssignment(facts, n)
		case KAugmentedAssignment:
			f.djangoAugment(facts, n)
		}
	}
}

// constructorMiddleware: FastAPI/Starlette(middleware=[Middleware(X, ...), ...]).
func (f *File) constructorMiddleware(facts *AppFacts, a *WebApp) {
	v := Unparen(a.Call.Kwarg("middleware"))
	if v == nil || (v.Kind != KList && v.Kind != KTuple) {
		return
	}
	for _, e := range v.NamedChildren() {
		c, ok := f.AsCall(e)
		if !ok || !c.Is("starlette.middleware.Middleware", "fastapi.middleware.Middleware") {
			continue
		}
		cls := c.Arg(0, "cls")
		f.addMiddleware(facts, &Middleware{Form: MWConstructor, App: a, Node: c.Node, Args: c}, cls)
	}
}

func (f *File) addMiddleware(facts *AppFacts, m *Middleware, cls *Node) {
	if cls != nil {
		m.Class = f.Qualname(cls)
		if m.Class == "" {
			m.Local = f.localDef(cls)
		}
	}
	m.Auth = f.middlewareAuth(m.Class, m.Local, "")
	facts.Middleware = append(facts.Middleware, m)
}

var appRunners = map[string]bool{"uvicorn.run": true, "waitress.serve": true, "hypercorn.run": true,
	"werkzeug.serving.run_simple": true, "werkzeug.run_simple": true, "bjoern.run": true, "gevent.pywsgi.WSGIServer": true}

func (f *File) appCall(facts *AppFacts, n *Node) {
	c, _ := f.AsCall(n)
	q := c.Callee()
	if appRunners[q] {
		run := &AppRun{Call: c}
		for _, a := range c.Positional() {
			if app := f.AppOf(a); app != nil {
				run.App = app
			}
		}
		if run.App == nil {
			run.App = f.AppOf(c.Kwarg("app"))
		}
		facts.Runs = append(facts.Runs, run)
		return
	}
	if m := c.Method(); m != "" {
		recv := c.Receiver()
		if app := f.AppOf(recv); app != nil {
			f.appMethodCall(facts, app, c, m)
			return
		}
		// app.config.update(...) / from_object(...)
		if r := Unparen(recv); r != nil && r.Kind == KAttribute && r.Field("attribute").Is("config") {
			if app := f.AppOf(r.Field("object")); app != nil {
				switch m {
				case "update", "from_mapping":
					if d := Unparen(c.Pos(0)); d != nil && d.Kind == KDict {
						for _, pair := range d.NamedChildren() {
							if pair.Kind == KPair {
								if k := LiteralValue(pair.Field("key")); k.Kind == LitStr {
									app.config[k.Str] = pair.Field("value")
								}
							}
						}
					}
					for a := argsFirst(c); a != nil; a = a.NextSibling() {
						if a.Kind == KKeywordArgument {
							app.config[a.Field("name").Text()] = a.Field("value")
						}
					}
				case "from_object", "from_pyfile", "from_envvar", "from_file", "from_prefixed_env", "from_json":
					facts.ConfigExternal = true
				}
				return
			}
		}
	}
	if q == "" || strings.HasPrefix(q, "builtins.") || appKinds[q] != 0 {
		if c.Method() == "" {
			return
		}
	}
	// A call that receives an app: an extension, a wrapper or a helper.
	var app *WebApp
	for a := argsFirst(c); a != nil; a = a.NextSibling() {
		v := a
		if a.Kind == KKeywordArgument {
			v = a.Field("value")
		} else if !a.Named() || a.Kind == KComment {
			continue
		}
		if x := f.AppOf(v); x != nil {
			app = x
			break
		}
	}
	if app == nil {
		return
	}
	use := &AppUse{App: app, Class: q, Call: c}
	if m := c.Method(); m != "" {
		use.Method = m
		use.Class = c.ReceiverType()
		if ctor, ok := f.TypingCall(c.Receiver()); ok && use.Class != "" {
			use.Ctor = ctor
		}
	}
	// `app = X(app, ...)` around an ASGI app wraps it in middleware when X
	// is a class (`app = gr.mount_gradio_app(app, ...)` returns the app).
	if app.IsASGI() && use.Method == "" && isClassName(q) && Unparen(c.Pos(0)) != nil && f.AppOf(c.Pos(0)) == app {
		if p := n.Parent(); p != nil && p.Kind == KAssignment {
			f.addMiddleware(facts, &Middleware{Form: MWWrap, App: app, Node: n, Args: c}, c.Func)
			facts.byCall[n.idx] = app // the wrapped name still serves the app's routes
			return
		}
	}
	facts.Uses = append(facts.Uses, use)
}

func (f *File) appMethodCall(facts *AppFacts, app *WebApp, c Call, m string) {
	switch m {
	case "include_router":
		child := c.Arg(0, "router")
		facts.Includes = append(facts.Includes, &Include{Kind: IncludeRouter, Parent: app, Child: f.AppOf(child),
			ChildExpr: child, Call: c, Dependencies: c.Kwarg("dependencies")})
	case "register_blueprint":
		child := c.Arg(0, "blueprint")
		facts.Includes = append(facts.Includes, &Include{Kind: RegisterBlueprint, Parent: app, Child: f.AppOf(child), ChildExpr: child, Call: c})
	case "mount":
		child := c.Arg(1, "app")
		facts.Includes = append(facts.Includes, &Include{Kind: Mount, Parent: app, Child: f.AppOf(child), ChildExpr: child, Call: c})
	case "add_middleware":
		f.addMiddleware(facts, &Middleware{Form: MWAdd, App: app, Node: c.Node, Args: c}, c.Arg(0, "middleware_class"))
	case "middleware":
		// app.middleware("http")(func)
		if p := c.Node.Parent(); p != nil && p.Kind == KCall {
			if outer, _ := f.AsCall(p); outer.Func == c.Node {
				local := f.localDef(outer.Pos(0))
				m := &Middleware{Form: MWDecorator, App: app, Node: p, Local: local}
				m.Auth = f.middlewareFuncAuth(local)
				facts.Middleware = append(facts.Middleware, m)
			}
		}
	case "before_request", "before_app_request", "after_request", "after_app_request":
		if local := f.localDef(c.Pos(0)); local != nil && local.Kind == KFunctionDefinition {
			f.addHook(facts, app, m, local, c.Node)
		}
	case "register_error_handler", "add_exception_handler":
		facts.ErrorHandlers = append(facts.ErrorHandlers, &ErrorHandler{App: app, Exc: c.Arg(0, "code_or_exception", "exc_class_or_status_code"),
			Func: f.localDef(c.Arg(1, "f", "handler")), Node: c.Node})
	case "run":
		facts.Runs = append(facts.Runs, &AppRun{App: app, Call: c})
	}
}

// middlewareFuncAuth: an @app.middleware("http") function (request, call_next).
func (f *File) middlewareFuncAuth(def *Node) bool {
	if def == nil || def.Kind != KFunctionDefinition {
		return false
	}
	next := ""
	if s := f.ScopeFor(def); s != nil && len(s.Params) >= 2 {
		next = s.Params[1].Name
	}
	if n := def.Field("name"); n != nil && hasAuthWord(n.Text(), mwAuthWords) {
		return true
	}
	_, auth := f.rejectsRequests(def, next)
	return auth
}

func (f *File) addHook(facts *AppFacts, app *WebApp, kind string, def, at *Node) {
	h := &RequestHook{App: app, Kind: kind, Func: def, Node: at}
	h.Global = app.Kind != AppBlueprint || strings.HasSuffix(kind, "_app_request")
	if strings.HasPrefix(kind, "before") {
		h.CanAbort, h.Auth = f.rejectsRequests(def, "")
		// @app.before_request stacked on @auth.login_required.
		for _, d := range decoratorsOf(def) {
			if d == at {
				continue
			}
			callee, _, _ := f.decoratorCallee(d)
			if hasAuthWord(lastName(callee), authWords) {
				h.CanAbort, h.Auth = true, true
			}
		}
	}
	facts.Hooks = append(facts.Hooks, h)
}

func (f *File) appDecorators(facts *AppFacts, def *Node) {
	for _, d := range decoratorsOf(def) {
		callee, call, isCall := f.decoratorCallee(d)
		if callee == nil || callee.Kind != KAttribute {
			continue
		}
		app := f.AppOf(callee.Field("object"))
		if app == nil {
			continue
		}
		switch attr := callee.Field("attribute").Text(); attr {
		case "before_request", "before_app_request", "after_request", "after_app_request":
			if !isCall {
				f.addHook(facts, app, attr, def, d)
			}
		case "middleware":
			if isCall {
				m := &Middleware{Form: MWDecorator, App: app, Node: d, Local: def}
				m.Auth = f.middlewareFuncAuth(def)
				facts.Middleware = append(facts.Middleware, m)
			}
		case "errorhandler", "exception_handler", "app_errorhandler":
			if isCall {
				facts.ErrorHandlers = append(facts.ErrorHandlers, &ErrorHandler{App: app, Exc: call.Pos(0), Func: def, Node: d})
			}
		}
	}
}

func (f *File) appAssignment(facts *AppFacts, n *Node) {
	left, right := Unparen(n.Field("left")), n.Field("right")
	for right != nil && right.Kind == KAssignment {
		right = right.Field("right")
	}
	if left == nil {
		return
	}
	switch left.Kind {
	case KAttribute:
		app := f.AppOf(left.Field("object"))
		if app == nil {
			return
		}
		switch left.Field("attribute").Text() {
		case "wsgi_app", "asgi_app":
			if c, ok := f.AsCall(right); ok {
				f.addMiddleware(facts, &Middleware{Form: MWWrap, App: app, Node: c.Node, Args: c}, c.Func)
			}
		case "debug":
			app.config["DEBUG"] = right
		case "secret_key":
			app.config["SECRET_KEY"] = right
		}
	case KSubscript:
		obj := Unparen(left.Field("value"))
		if obj == nil || obj.Kind != KAttribute || !obj.Field("attribute").Is("config") {
			return
		}
		if app := f.AppOf(obj.Field("object")); app != nil {
			if k := LiteralValue(left.Field("subscript")); k.Kind == LitStr {
				app.config[k.Str] = right
			}
		}
	case KIdentifier:
		if f.ScopeOf(n) != f.Module || n.Parent() == nil || n.Parent().Kind != KExpressionStatement {
			return
		}
		f.djangoSetting(facts, left.Text(), right)
	}
}

func (f *File) djangoSetting(facts *AppFacts, name string, v *Node) {
	if name == "" || strings.ToUpper(name) != name || v == nil {
		return
	}
	dj := &facts.Django
	if _, seen := dj.values[name]; seen {
		dj.values[name] = nil // assigned more than once: unknown
	} else {
		dj.values[name] = v
	}
	switch name {
	case "INSTALLED_APPS", "ROOT_URLCONF":
		dj.IsSettings = true
	case "MIDDLEWARE", "MIDDLEWARE_CLASSES":
		dj.IsSettings = true
		dj.Middleware = stringElems(v)
		dj.MiddlewareNode = v
	case "REST_FRAMEWORK":
		d := Unparen(v)
		if d == nil || d.Kind != KDict {
			return
		}
		dj.RestFramework = map[string][]string{}
		dj.RestFrameworkNode = v
		for _, pair := range d.NamedChildren() {
			if pair.Kind != KPair {
				continue
			}
			if k := LiteralValue(pair.Field("key")); k.Kind == LitStr {
				if s := LiteralValue(pair.Field("value")); s.Kind == LitStr {
					dj.RestFramework[k.Str] = []string{s.Str}
				} else {
					dj.RestFramework[k.Str] = stringElems(pair.Field("value"))
				}
			}
		}
	}
}

// djangoAugment: MIDDLEWARE += [...] at module level.
func (f *File) djangoAugment(facts *AppFacts, n *Node) {
	l := Unparen(n.Field("left"))
	if f.ScopeOf(n) != f.Module || l == nil || l.Kind != KIdentifier {
		return
	}
	if l.Is("MIDDLEWARE") || l.Is("MIDDLEWARE_CLASSES") {
		facts.Django.Middleware = append(facts.Django.Middleware, stringElems(n.Field("right"))...)
	}
}

// isClassName: the last component of a qualified name is capitalised (PEP 8 class).
func isClassName(q string) bool {
	last := q[strings.LastIndexByte(q, '.')+1:]
	return last != "" && last[0] >= 'A' && last[0] <= 'Z'
}

func argsFirst(c Call) *Node {
	if c.Args == nil {
		return nil
	}
	return c.Args.FirstChild()
}

func stringElems(v *Node) []string {
	l := LiteralValue(v)
	var out []string
	for _, e := range l.Elems {
		if e.Kind == LitStr {
			out = append(out, e.Str)
		}
	}
	return out
}
