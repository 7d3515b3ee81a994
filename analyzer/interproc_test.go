package analyzer

import (
	"strings"
	"testing"
)

// sinkArgTaint is the taint (under spec) of the first argument of the
// sink on the line of marker: a call to sink(), torch.load or pickle.loads.
func sinkArgTaint(t *testing.T, f *File, marker string, spec *TaintSpec) Label {
	t.Helper()
	line := lineOf(f, marker)
	for i := range f.Tree.Nodes {
		n := &f.Tree.Nodes[i]
		if n.Kind != KCall || n.Line() != line {
			continue
		}
		if c, _ := f.AsCall(n); n.Field("function").Is("sink") || c.Is("torch.load", "pickle.loads") {
			return f.Taint(c.Arg(0, "f", "data"), spec)
		}
	}
	t.Fatalf("no sink on the line of %s", marker)
	return 0
}

var (
	sanitizerSpec = &TaintSpec{Sanitizers: Set(StringSanitizers, PathSanitizers), PathNameSafe: true}
	b64Spec       = &TaintSpec{Propagators: Set([]string{"base64.b64decode"})}
)

func TestInterprocTaint(t *testing.T) {
	tests := []struct {
		name string
		src  string
		spec *TaintSpec
		want map[string]Label
	}{{
		name: "flask handler into a module function",
		src: `import pickle, torch, io
from flask import Flask, request
app = Flask(__name__)

@app.post("/load")
def load_view():
    restore(request.json["path"])
    unpickle(blob=request.data)
    return "ok"

def restore(path):
    return torch.load(path)                     # M1

def unpickle(blob):
    obj = pickle.loads(blob)                    # M2
    inner(blob)

def inner(b):
    pickle.loads(b)                             # M3 two levels deep
`,
		want: map[string]Label{"# M1": WebField, "# M2": WebBody, "# M3": 0},
	}, {
		name: "route handler nested in an app factory",
		src: `import pickle
from flask import Flask, request

def create_app():
    app = Flask(__name__)

    @app.post("/x")
    def view():
        restore(request.data)

    return app

def restore(blob):
    pickle.loads(blob)                          # A1
`,
		want: map[string]Label{"# A1": WebBody},
	}, {
		name: "fastapi handler into a module function",
		src: `import pickle
from fastapi import FastAPI, Request
app = FastAPI()

@app.post("/p")
async def ep(req: Request, name: str):
    body = await req.json()
    decode(body["blob"], name)

def decode(blob, name):
    pickle.loads(blob)                          # F1
    sink(name)                                  # F2
`,
		want: map[string]Label{"# F1": WebField, "# F2": WebField},
	}, {
		name: "method of the same class via self and cls",
		src: `import pickle, torch, requests
import kserve

class Svc(kserve.Model):
    async def predict(self, data, headers=None):
        self._load(data["ckpt"])
        self._static(data)
        self.shadowed(data)
        Svc.by_class_name(data)

    def _load(self, ckpt):
        torch.load(ckpt)                        # S1

    @staticmethod
    def _static(d):
        sink(d)                                 # S2 staticmethod: no self to skip

    def shadowed(self, d):
        sink(d)                                 # S3 self.shadowed is rebound below

    def by_class_name(self, d):
        sink(d)                                 # S4 only self./cls. calls resolve

    def reconfigure(self, cfg):
        self.shadowed = cfg

class Tools:
    @classmethod
    def entry(cls, url):
        body = requests.get(url).content
        cls.helper(body)
        cls.instance_method(body)

    @classmethod
    def helper(cls, x):
        pickle.loads(x)                         # S5 classmethod through cls

    def instance_method(self, x):
        pickle.loads(x)                         # S6 cls.m(x) binds x to self
`,
		want: map[string]Label{"# S1": WebField, "# S2": WebField, "# S3": 0, "# S4": 0, "# S5": Net, "# S6": 0},
	}, {
		name: "kserve predict into self._preprocess",
		src: `import base64, pickle
import kserve

class Model(kserve.Model):
    def predict(self, payload, headers=None):
        inputs = self._preprocess(payload)
        return self._decode(payload["instances"][0])

    def _preprocess(self, payload):
        sink(payload)                           # K1
        return [base64.b64decode(x) for x in payload["instances"]]

    def _decode(self, raw):
        return pickle.loads(base64.b64decode(raw))  # K2
`,
		spec: b64Spec,
		want: map[string]Label{"# K1": WebField, "# K2": WebField},
	}, {
		name: "summaries",
		src: `import io, pickle, torch, json
from flask import Flask, request
app = Flask(__name__)
CONST = b"x"

def as_stream(raw):
    buf = io.BytesIO(raw)
    return buf

def constant(raw):
    log(raw)
    return CONST

def second(a, b):
    return b

def via_inner(raw):
    return as_stream(raw)

def rec(x):
    return rec(x)

def ping(x):
    return pong(x)

def pong(x):
    return ping(x)

@app.post("/s")
def view():
    data = as_stream(request.data)
    torch.load(data)                            # R1 helper returns its parameter transformed
    torch.load(constant(request.data))          # R2 helper returns a constant
    sink(second(request.data, CONST))           # R3 return depends on the other parameter
    sink(second(CONST, b=request.data))         # R4
    torch.load(via_inner(request.data))         # R5 two levels of summary
    sink(rec(request.data))                     # R6 recursion terminates
    sink(ping(request.data))                    # R7 mutual calls terminate
    sink(json.loads(as_stream(request.data)))   # R8 any other call stays a non-propagator
`,
		want: map[string]Label{"# R1": WebBody, "# R2": 0, "# R3": 0, "# R4": WebBody, "# R5": 0, "# R6": 0, "# R7": 0, "# R8": 0},
	}, {
		name: "summary and inbound together",
		src: `import torch
from flask import Flask, request
app = Flask(__name__)

class Api:
    @app.post("/x")
    def view(self):
        x = self._parse(request.json)
        self._load(x)

    def _parse(self, body):
        return body["path"].strip()

    def _load(self, path):
        torch.load(path)                        # B1
`,
		want: map[string]Label{"# B1": WebField},
	}, {
		name: "callers that are no route handler",
		src: `import pickle, requests
from flask import Flask, request
app = Flask(__name__)

def worker():
    consume(b"constant")
    consume_web(request.data)
    resp = requests.get("http://peer/x")
    consume_net(resp.content)

def consume(b):
    pickle.loads(b)                             # N1 constant from a non-route caller

def consume_web(b):
    pickle.loads(b)                             # N2 web data counts from route handlers only

def consume_net(b):
    pickle.loads(b)                             # N3 NET-TAINT from the function that receives it

@app.post("/a")
def a():
    twice(b"constant")

@app.post("/b")
def b():
    twice(request.data)

def twice(x):
    pickle.loads(x)                             # N4 one tainted call site of two
`,
		want: map[string]Label{"# N1": 0, "# N2": 0, "# N3": Net, "# N4": WebBody},
	}, {
		name: "splats and star parameters",
		src: `from flask import Flask, request
app = Flask(__name__)

@app.post("/x")
def view():
    args = [request.data]
    kw = {"a": request.data}
    splat(*args)
    splat_kw(**kw)
    after_splat(request.data, *args)
    star(request.data, request.data, extra=request.data)

def splat(a):
    sink(a)                                     # X1
def splat_kw(a):
    sink(a)                                     # X2
def after_splat(a, b):
    sink(a)                                     # X3 a splat anywhere: not mapped
def star(a, *rest, **kw):
    sink(a)                                     # X4 named parameter still mapped
    sink(rest)                                  # X5
    sink(kw)                                    # X6
`,
		want: map[string]Label{"# X1": 0, "# X2": 0, "# X3": 0, "# X4": WebBody, "# X5": 0, "# X6": 0},
	}, {
		name: "single unconditional definitions only",
		src: `from flask import Flask, request
app = Flask(__name__)
import os

def twice_defined(x):
    sink(x)                                     # D1

def twice_defined(x):
    sink(x)                                     # D2

if os.environ.get("X"):
    def conditional(x):
        sink(x)                                 # D3

def rebound(x):
    sink(x)                                     # D4

def setup():
    global rebound
    rebound = print

def shadowed(x):
    sink(x)                                     # D5 the caller binds its own name

@app.post("/x")
def view():
    twice_defined(request.data)
    conditional(request.data)
    rebound(request.data)
    shadowed = print
    shadowed(request.data)
    def nested(x):
        sink(x)                                 # D6 nested def: not a module function
    nested(request.data)
`,
		want: map[string]Label{"# D1": 0, "# D2": 0, "# D3": 0, "# D4": 0, "# D5": 0, "# D6": 0},
	}, {
		name: "sanitizers in the callee",
		src: `import pathlib, torch
from flask import Flask, request
app = Flask(__name__)

@app.post("/x")
def view():
    load(request.args["name"], request.args["n"])
    torch.load(clean(request.args["n"]))        # Z3 summary under the rule's sanitizers

def load(name, n):
    torch.load(pathlib.Path(name).name)         # Z1
    sink("/m/%d.pt" % int(n))                   # Z2

def clean(n):
    return int(n)
`,
		spec: sanitizerSpec,
		want: map[string]Label{"# Z1": 0, "# Z2": 0, "# Z3": 0},
	}, {
		name: "no sanitizers: the same flows are tainted",
		src: `import pathlib, torch
from flask import Flask, request
app = Flask(__name__)

@app.post("/x")
def view():
    load(request.args["name"], request.args["n"])
    torch.load(clean(request.args["n"]))        # Z3

def load(name, n):
    torch.load(pathlib.Path(name).name)         # Z1
    sink("/m/%d.pt" % int(n))                   # Z2

def clean(n):
    return int(n)
`,
		want: map[string]Label{"# Z1": WebField, "# Z2": WebField, "# Z3": WebField},
	}, {
		name: "allow-guard in the callee and allow-list in the caller",
		src: `import torch
from flask import Flask, request, abort
app = Flask(__name__)
ALLOWED = {"a.pt", "b.pt"}
PATHS = {"a": "a.pt"}

@app.post("/x")
def view():
    guarded(request.args["m"])
    looked_up(PATHS[request.args["m"]])

def guarded(m):
    if m not in ALLOWED:
        abort(400)
    torch.load(m)                               # G1

def looked_up(p):
    torch.load(p)                               # G2
`,
		want: map[string]Label{"# G1": 0, "# G2": 0},
	}, {
		name: "request objects passed by a handler",
		src: `import pickle
from flask import Flask, request
from fastapi import FastAPI, Request
app = Flask(__name__)
api = FastAPI()

@app.post("/x")
def view():
    read_files(request)

def read_files(req):
    pickle.loads(req.files["f"].read())         # Q1
    sink(req.method)                            # Q2 not a source

@api.post("/y")
async def ep(request: Request):
    return await parse(request)

async def parse(r):
    body = await r.body()
    pickle.loads(body)                          # Q3

def not_a_handler():
    read_other(request)

def read_other(req):
    pickle.loads(req.data)                      # Q4
`,
		want: map[string]Label{"# Q1": WebBody, "# Q2": 0, "# Q3": WebBody, "# Q4": 0},
	}, {
		name: "peer updates through a summary",
		src: `import pickle
from flwr.common import parameters_to_ndarrays
from flwr.server.strategy import FedAvg

class S(FedAvg):
    def aggregate_fit(self, server_round, results, failures):
        for _, fit_res in results:
            w = self._decode(fit_res)
            sink(w)                             # P1
            sink(self._blob(fit_res))           # P2
            sink(self._round(server_round))     # P3

    def _decode(self, res):
        return parameters_to_ndarrays(res.parameters)

    def _blob(self, res):
        return res.metrics["blob"]

    def _round(self, r):
        return r
`,
		want: map[string]Label{"# P1": PeerTaint, "# P2": PeerTaint, "# P3": 0},
	}}
	for _, tc := range tests {
		t.Run(strings.ReplaceAll(tc.name, " ", "_"), func(t *testing.T) {
			f := parseFile(t, tc.src)
			for m, w := range tc.want {
				if got := sinkArgTaint(t, f, m, tc.spec); got != w {
					t.Errorf("%s: taint = %b, want %b", m, got, w)
				}
			}
		})
	}
}

// A summary bit never reaches a rule: every answer is a set of sources.
func TestInterprocNoSummaryBitsLeak(t *testing.T) {
	src := `from flask import Flask, request
app = Flask(__name__)

def f(a, b, c, d, e, g, h, i, j, k, l, m, n):
    return n

@app.post("/x")
def view():
    sink(f(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, request.data))  # L1 a parameter of the second group
    sink(f(request.data, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))  # L2
`
	f := parseFile(t, src)
	for m, w := range map[string]Label{"# L1": WebBody, "# L2": 0} {
		got := sinkArgTaint(t, f, m, nil)
		if got != w {
			t.Errorf("%s: taint = %b, want %b", m, got, w)
		}
		if got&summaryBits != 0 {
			t.Errorf("%s: summary bits leak: %b", m, got)
		}
	}
}

func TestBindArgs(t *testing.T) {
	src := `def g(a, b=1, *rest, c=2, **kw):
    pass

g(x0, x1, x2, x3, c=k1, d=k2)
g(x0, *more)
g(x0, **more)
`
	f := parseFile(t, src)
	callee := f.Funcs[0]
	var calls []Call
	for i := range f.Tree.Nodes {
		if n := &f.Tree.Nodes[i]; n.Kind == KCall {
			c, _ := f.AsCall(n)
			calls = append(calls, c)
		}
	}
	got := map[string]string{}
	for p, args := range bindArgs(calls[0], callee, 0) {
		var texts []string
		for _, a := range args {
			texts = append(texts, a.Text())
		}
		got[p.Name] = strings.Join(texts, " ")
	}
	// *args and **kwargs receive nothing: only named parameters map.
	want := map[string]string{"a": "x0", "b": "x1", "c": "k1"}
	if len(got) != len(want) {
		t.Errorf("bindArgs = %v, want %v", got, want)
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s <- %q, want %q", name, got[name], w)
		}
	}
	for _, c := range calls[1:] {
		if m := bindArgs(c, callee, 0); len(m) != 0 {
			t.Errorf("%s: a splat call maps %v", c.Node.Text(), m)
		}
	}
}
