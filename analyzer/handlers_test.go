package analyzer

import "testing"

func TestHandlers(t *testing.T) {
	src := `from flask import Flask
from fastapi import FastAPI, APIRouter, Depends
import bentoml
from ray import serve
import kserve
import requests

app = Flask(__name__)
api = FastAPI()
secured = APIRouter(dependencies=[Depends(check)])
svc = bentoml.Service("s")

@app.route("/a", methods=["POST"])
def flask_view():
    return model.predict(x)

@api.post(
    "/b",
    response_model=Out,
)
async def fastapi_view(body: dict, user=Depends(get_current_user)):
    scaler.fit(body)
    return clf.predict(body)

@api.get("/c")
def trains(body: dict):
    model.fit(body)
    return model.predict(body)

@secured.get("/d")
def with_router_deps(x: int):
    return x

@app.get("/e")
@login_required
def decorated_auth():
    pass

@requests.get("/f")
def not_a_route():
    pass

@bentoml.api(batchable=True)
def bento_batch(xs):
    pass

@svc.api(input=x, output=y)
def bento_svc(xs):
    pass

@serve.deployment(num_replicas=2)
class Deploy:
    def __init__(self):
        pass
    async def __call__(self, request):
        pass
    @serve.batch(max_batch_size=8)
    async def handle(self, xs):
        pass

class KModel(kserve.Model):
    def predict(self, payload, headers=None):
        pass
    def helper(self):
        pass

def plain():
    pass
`
	f := parseFile(t, src)
	byName := map[string]*Func{}
	for _, s := range f.Funcs {
		byName[s.Name()] = s.Func()
	}
	type want struct {
		route                      RouteKind
		inference, batch, authMark bool
		startup                    bool
	}
	cases := map[string]want{
		"flask_view":       {route: RouteWeb, inference: true},
		"fastapi_view":     {route: RouteWeb, inference: true, authMark: true}, // scaler untyped: fit counts as training? no: see below
		"trains":           {route: RouteWeb},
		"with_router_deps": {route: RouteWeb, authMark: true},
		"decorated_auth":   {route: RouteWeb, authMark: true},
		"not_a_route":      {},
		"bento_batch":      {route: RouteBento, batch: true},
		"bento_svc":        {route: RouteBento},
		"__init__":         {startup: true},
		"__call__":         {route: RouteRay},
		"handle":           {route: RouteRay, batch: true},
		"predict":          {route: RouteKServe},
		"helper":           {},
		"plain":            {},
	}
	// fastapi_view calls scaler.fit on an untyped receiver: per §3.2 that is
	// a training call, so the handler is not an INFERENCE HANDLER.
	cases["fastapi_view"] = want{route: RouteWeb, authMark: true}
	for name, w := range cases {
		fn := byName[name]
		if fn == nil {
			t.Fatalf("function %s not found", name)
		}
		got := want{fn.Route, fn.Inference, fn.DynamicBatch, fn.AuthMarker, fn.StartupHook}
		if got != w {
			t.Errorf("%s: got %+v, want %+v", name, got, w)
		}
	}
}

func TestInMainBlockAndTestFiles(t *testing.T) {
	f := parseFile(t, "def f():\n    pass\nif __name__ == '__main__':\n    run()\nrun()\n")
	calls := CallsIn(f.Tree.Root())
	if !f.InMainBlock(calls[0]) || f.InMainBlock(calls[1]) {
		t.Error("__main__ block detection")
	}
	for p, want := range map[string]bool{
		"test_x.py": true, "pkg/x_test.py": true, "a/tests/b.py": true, "testing/x.py": false,
		"src/latest_model.py": false, "contest.py": false,
	} {
		if IsTestPath(p) != want {
			t.Errorf("IsTestPath(%q) != %v", p, want)
		}
	}
}
