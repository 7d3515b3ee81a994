package analyzer

import "testing"

func appFuncs(f *File) map[string]*Func {
	out := map[string]*Func{}
	for _, s := range f.Funcs {
		out[s.Name()] = s.Func()
	}
	return out
}

func TestAppFactsFastAPI(t *testing.T) {
	src := `from fastapi import FastAPI, APIRouter, Depends, Security
from fastapi.security import HTTPBearer, OAuth2PasswordBearer, OAuth2PasswordRequestForm
from fastapi.middleware.cors import CORSMiddleware
from starlette.middleware import Middleware
from typing import Annotated
import uvicorn
import gradio as gr

app = FastAPI(middleware=[Middleware(CORSMiddleware, allow_origins=["*"])])
admin = APIRouter(prefix="/admin")
public = APIRouter()
inner = APIRouter()
empty = APIRouter(dependencies=[])
bearer = HTTPBearer()
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")

def get_user(creds = Depends(bearer)):
    return creds

def load_model():
    return None

CurrentUser = Annotated[dict, Depends(get_user)]

@admin.post("/reload")
def reload():
    pass

@inner.post("/nested")
def nested():
    pass

@public.get("/open")
def open_route():
    pass

@empty.get("/e")
def empty_deps():
    pass

@app.post("/annotated")
def annotated(user: CurrentUser, x: int):
    pass

@app.post("/annotated_inline")
def annotated_inline(user: Annotated[dict, Depends(get_user)]):
    pass

@app.post("/scheme")
def scheme(tok: str = Depends(bearer)):
    pass

@app.post("/plain_dep")
def plain_dep(m = Depends(load_model)):
    pass

@app.post("/login")
def login(form: OAuth2PasswordRequestForm = Depends()):
    pass

@app.post("/security")
def security(s = Security(load_model, scopes=["x"])):
    pass

admin.include_router(inner)
app.include_router(admin, dependencies=[Depends(get_user)])
app.include_router(public)
app.add_middleware(CORSMiddleware, allow_origins=["https://a.example"])
uvicorn.run(app, host="0.0.0.0")
app = gr.mount_gradio_app(app, demo, path="/ui")
`
	f := parseFile(t, src)
	facts := f.AppFacts()
	if len(facts.Apps) != 5 {
		t.Fatalf("apps: got %d, want 5", len(facts.Apps))
	}
	if len(facts.Includes) != 3 {
		t.Errorf("includes: got %d, want 3", len(facts.Includes))
	}
	if len(facts.Middleware) != 2 || !f.HasMiddleware("fastapi.middleware.cors") || f.HasMiddleware("starlette.middleware.cors") {
		t.Errorf("middleware: %+v", facts.Middleware)
	}
	if m := facts.Middleware[0]; m.Form != MWConstructor || m.Kwarg("allow_origins") == nil {
		t.Errorf("constructor middleware: %+v", m)
	}
	if len(facts.Runs) != 1 || facts.Runs[0].App == nil || facts.Runs[0].App.Name != "app" {
		t.Errorf("runs: %+v", facts.Runs)
	}
	want := map[string]bool{
		"reload":           true,  // admin included with dependencies=
		"nested":           true,  // inner included into admin, which is protected
		"open_route":       false, // included without dependencies
		"empty_deps":       false, // dependencies=[]
		"annotated":        true,  // Annotated alias with an auth dependency
		"annotated_inline": true,
		"scheme":           true, // an instance of fastapi.security.HTTPBearer
		"plain_dep":        false,
		"security":         true,  // Security(...) is always auth
		"login":            false, // the login form is not authentication
	}
	fns := appFuncs(f)
	for name, w := range want {
		fn := fns[name]
		if fn == nil || fn.Route != RouteWeb {
			t.Fatalf("%s: not a route", name)
		}
		if fn.AuthMarker != w {
			t.Errorf("%s: AuthMarker = %v, want %v (app protection %v, depends %v)", name, fn.AuthMarker, w, fn.ProtectedByApp(), fn.DependsOnAuth())
		}
	}
	if fns["reload"].App() == nil || fns["reload"].App().Name != "admin" || !fns["reload"].ProtectedByApp() {
		t.Error("reload should be on the admin router, protected by the include")
	}
	if fns["annotated"].ProtectedByApp() || !fns["annotated"].DependsOnAuth() {
		t.Error("annotated: protection comes from its parameter, not the app")
	}
	if m := fns["open_route"].App().Middleware("fastapi.middleware.cors"); m == nil {
		t.Error("public router inherits the app's CORS middleware")
	}
}

func TestAppFactsMiddlewareAuth(t *testing.T) {
	src := `from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.middleware.authentication import AuthenticationMiddleware
import time

app = FastAPI()
app2 = FastAPI()
app3 = FastAPI()
app4 = FastAPI()

@app.middleware("http")
async def check_key(request: Request, call_next):
    if request.headers.get("x-api-key") != KEY:
        return JSONResponse({"error": "unauthorized"}, status_code=401)
    return await call_next(request)

@app2.middleware("http")
async def timing(request: Request, call_next):
    start = time.time()
    response = await call_next(request)
    response.headers["X-Time"] = str(time.time() - start)
    return response

class KeyGate(BaseHTTPMiddleware):
    async def dispatch(self, request, call_next):
        if request.headers.get("Authorization") != EXPECTED:
            return JSONResponse({}, status_code=403)
        return await call_next(request)

class Logging(BaseHTTPMiddleware):
    async def dispatch(self, request, call_next):
        resp = await call_next(request)
        return resp

app3.add_middleware(KeyGate)
app2.add_middleware(Logging)
app4.add_middleware(AuthenticationMiddleware, backend=Backend())

@app.get("/a")
def a():
    pass

@app2.get("/b")
def b():
    pass

@app3.get("/c")
def c():
    pass

@app4.get("/d")
def d():
    pass
`
	f := parseFile(t, src)
	fns := appFuncs(f)
	for name, w := range map[string]bool{"a": true, "b": false, "c": true, "d": true} {
		if got := fns[name].AuthMarker; got != w {
			t.Errorf("%s: AuthMarker = %v, want %v", name, got, w)
		}
	}
}

func TestAppFactsFlask(t *testing.T) {
	src := `from flask import Flask, Blueprint, request, abort, g, jsonify
from flask_cors import CORS
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_jwt_extended import JWTManager, verify_jwt_in_request
from flask_httpauth import HTTPBasicAuth
from werkzeug.middleware.proxy_fix import ProxyFix
import time

app = Flask(__name__)
api = Blueprint("api", __name__)
admin = Blueprint("admin", __name__)
jwt_bp = Blueprint("jwt", __name__)
stacked = Blueprint("stacked", __name__)
auth = HTTPBasicAuth()
CORS(app, origins=["https://a.example"])
limiter = Limiter(get_remote_address, default_limits=["100/hour"])
limiter.init_app(app)
JWTManager(app)
app.wsgi_app = ProxyFix(app.wsgi_app)
app.config["MAX_CONTENT_LENGTH"] = 16 * 1024 * 1024
app.config.update(DEBUG=False, PROPAGATE_EXCEPTIONS=True)

@app.before_request
def start_timer():
    g.start = time.time()

@api.before_request
def too_many():
    if busy():
        return jsonify(error="busy"), 429

@admin.before_request
def require_token():
    if request.headers.get("Authorization") != TOKEN:
        abort(401)

@jwt_bp.before_request
def jwt_check():
    verify_jwt_in_request()

@stacked.before_request
@auth.login_required
def gate():
    pass

@api.route("/predict", methods=["POST"])
def predict():
    pass

@admin.route("/reload", methods=["POST"])
def reload():
    pass

@jwt_bp.post("/x")
def jwt_route():
    pass

@stacked.post("/y")
def stacked_route():
    pass

@app.errorhandler(500)
def oops(e):
    return str(e), 500

app.register_blueprint(api)
app.register_blueprint(admin, url_prefix="/admin")

if __name__ == "__main__":
    app.run(host="0.0.0.0", debug=True)
`
	f := parseFile(t, src)
	facts := f.AppFacts()
	if f.FlaskExtension("flask_cors") == nil || f.FlaskExtension("flask_limiter.Limiter") == nil || f.FlaskExtension("flask_jwt_extended") == nil {
		t.Errorf("extensions: %+v", facts.Uses)
	}
	if u := f.FlaskExtension("flask_limiter"); u == nil || u.Method != "init_app" || u.Kwarg("default_limits") == nil {
		t.Errorf("limiter via init_app with its constructor options: %+v", u)
	}
	if f.FlaskExtension("flask_talisman") != nil {
		t.Error("no talisman")
	}
	if !f.HasMiddleware("werkzeug.middleware.proxy_fix.ProxyFix") {
		t.Error("wsgi_app wrap")
	}
	app := facts.Apps[0]
	if app.ConfigValue("MAX_CONTENT_LENGTH") == nil || !IsTrue(app.ConfigValue("PROPAGATE_EXCEPTIONS")) || app.ConfigValue("SECRET_KEY") != nil {
		t.Error("config values")
	}
	if len(facts.ErrorHandlers) != 1 || len(facts.Runs) != 1 || len(facts.Hooks) != 5 {
		t.Errorf("handlers %d runs %d hooks %d", len(facts.ErrorHandlers), len(facts.Runs), len(facts.Hooks))
	}
	// Blueprint extension lookup goes through register_blueprint.
	fns := appFuncs(f)
	if fns["predict"].App().Extension("flask_cors") == nil {
		t.Error("api blueprint inherits CORS from the app that registers it")
	}
	for name, w := range map[string]bool{"predict": false, "reload": true, "jwt_route": true, "stacked_route": true} {
		if got := fns[name].AuthMarker; got != w {
			t.Errorf("%s: AuthMarker = %v, want %v", name, got, w)
		}
	}
	for _, h := range facts.Hooks {
		if h.Func.Field("name").Is("too_many") && (!h.CanAbort || h.Auth) {
			t.Error("too_many can abort but is a rate limit, not auth")
		}
		if h.Func.Field("name").Is("start_timer") && h.CanAbort {
			t.Error("start_timer cannot abort")
		}
	}
}

func TestAppFactsFlaskFactoryAndGlobalHook(t *testing.T) {
	src := `from flask import Flask, Blueprint, session, redirect, url_for
from flask_basicauth import BasicAuth

bp = Blueprint("main", __name__)

@bp.before_app_request
def require_login():
    if "user_id" not in session:
        return redirect(url_for("auth.login"))

def create_app():
    app = Flask(__name__)
    app.register_blueprint(bp)

    @app.route("/inside")
    def inside():
        pass

    return app

other = Flask("other")
other.config["BASIC_AUTH_FORCE"] = True
BasicAuth(other)

@other.post("/z")
def z():
    pass

@bp.route("/w")
def w():
    pass
`
	f := parseFile(t, src)
	fns := appFuncs(f)
	// inside: the app created in the factory registers bp, whose
	// before_app_request hook requires a login.
	if !fns["inside"].ProtectedByApp() {
		t.Error("inside: protected by the blueprint's before_app_request hook")
	}
	if !fns["z"].ProtectedByApp() {
		t.Error("z: BasicAuth with BASIC_AUTH_FORCE")
	}
	// bp's own routes: a before_app_request hook also runs for them (it runs
	// for every request of the app) but bp itself is not known to be
	// registered anywhere but in the factory; its app is protected.
	if !fns["w"].ProtectedByApp() {
		t.Error("w: registered on an app guarded by the hook")
	}
}

func TestAppFactsDjango(t *testing.T) {
	src := `import django
from rest_framework.decorators import api_view

INSTALLED_APPS = ["django.contrib.auth"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
MIDDLEWARE += ["corsheaders.middleware.CorsMiddleware"]
REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_THROTTLE_RATES": {"anon": "10/min"},
}
DEBUG = False

def view(request):
    pass

@api_view(["POST"])
def drf_view(request):
    pass
`
	f := parseFile(t, src)
	dj := &f.AppFacts().Django
	if !dj.IsSettings || len(dj.Middleware) != 3 || !dj.HasMiddleware("corsheaders.middleware.CorsMiddleware") {
		t.Errorf("django middleware: %+v", dj.Middleware)
	}
	if got := dj.RestFramework["DEFAULT_PERMISSION_CLASSES"]; len(got) != 1 {
		t.Errorf("rest framework: %v", dj.RestFramework)
	}
	if dj.Setting("DEBUG") == nil || dj.Setting("NOPE") != nil {
		t.Error("settings values")
	}
	fns := appFuncs(f)
	if fns["view"].ProtectedByApp() {
		t.Error("plain view: AuthenticationMiddleware does not require login")
	}
	if !fns["drf_view"].ProtectedByApp() {
		t.Error("api_view under a non-AllowAny default permission")
	}
}

func TestAppFactsUnknownApps(t *testing.T) {
	src := `from fastapi import Depends
from .main import app, router

@router.get("/x")
def x(tokenizer = Depends(get_tokenizer_instance)):
    pass

@app.get("/y")
def y(q: str):
    pass

def build(app):
    @app.get("/z")
    def z():
        pass
`
	f := parseFile(t, src)
	fns := appFuncs(f)
	for _, name := range []string{"y", "z"} {
		fn := fns[name]
		if fn.App() != nil || fn.ProtectedByApp() || fn.AuthMarker {
			t.Errorf("%s: imported/parameter app is unknown and unprotected", name)
		}
	}
	if fns["x"].DependsOnAuth() {
		t.Error("a tokenizer dependency is not authentication")
	}
}

func TestAppFactsWrapsMountsAndCallForms(t *testing.T) {
	src := `from flask import Flask, request, abort
from fastapi import FastAPI, Depends
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from .auth import TokenAuthMiddleware

web = Flask(__name__)
web.wsgi_app = TokenAuthMiddleware(web.wsgi_app)

web2 = Flask("two")

def gate():
    if request.headers.get("X-API-Key") != KEY:
        abort(403)

web2.before_request(gate)

star = Starlette(middleware=[Middleware(AuthenticationMiddleware, backend=B())])

parent = FastAPI(dependencies=[Depends(verify_key)])
sub = FastAPI()
parent.mount("/sub", sub)

guarded = FastAPI()
guarded.add_middleware(TokenAuthMiddleware)
inner = FastAPI()
guarded.mount("/inner", inner)

@web.route("/a")
def a():
    pass

@web2.route("/b")
def b():
    pass

@sub.get("/c")
def c():
    pass

@inner.get("/d")
def d():
    pass
`
	f := parseFile(t, src)
	fns := appFuncs(f)
	for name, w := range map[string]bool{
		"a": true,  // wsgi_app wrapped in an auth middleware
		"b": true,  // app.before_request(gate), call form
		"c": false, // dependencies do not cross a mount
		"d": true,  // middleware does
	} {
		if got := fns[name].ProtectedByApp(); got != w {
			t.Errorf("%s: ProtectedByApp = %v, want %v", name, got, w)
		}
	}
	var star *WebApp
	for _, a := range f.AppFacts().Apps {
		if a.Name == "star" {
			star = a
		}
	}
	if star == nil || star.Protection() == nil || star.Kind != AppStarlette {
		t.Error("Starlette(middleware=[Middleware(AuthenticationMiddleware)]) protects the app")
	}
}
