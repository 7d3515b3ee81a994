package analyzer

import "testing"

// taintOf returns the taint of the argument of the call to sink() on the
// line carrying marker.
func taintOf(t *testing.T, f *File, marker string, spec *TaintSpec) Label {
	t.Helper()
	line := lineOf(f, marker)
	for i := range f.Tree.Nodes {
		n := &f.Tree.Nodes[i]
		if n.Kind == KCall && n.Line() == line && n.Field("function").Is("sink") {
			c, _ := f.AsCall(n)
			return f.Taint(c.Pos(0), spec)
		}
	}
	t.Fatalf("no sink() on the line of %s", marker)
	return 0
}

func TestTaintFlask(t *testing.T) {
	src := `from flask import Flask, request, abort
import os, io
import pandas as pd
import numpy as np
app = Flask(__name__)
ALLOWED = {"a", "b"}
PATHS = {"a": "x.csv"}

@app.post("/x/<name>")
def view(name):
    sink(request.args["q"])                 # A1
    sink(request.files["f"])                # A2
    sink(request.method)                    # A3
    sink(request.remote_addr)               # A4
    sink(request.get_json()["k"])           # A5
    sink(request.get_data())                # A6
    sink(name)                              # A7 Flask view arg
    q = request.args.get("q", "")
    sink(f"s3://{q}")                       # A8
    sink("a" + q)                           # A9
    sink("%s" % q)                          # A10
    sink("{}".format(q))                    # A11
    sink(",".join([q]))                     # A12
    sink(q.strip().lower())                 # A13
    sink(len(q))                            # A14
    sink(model.predict(q))                  # A15
    sink(PATHS[q])                          # A16
    sink(PATHS.get(q, "x"))                 # A17
    sink(pd.DataFrame(request.json["rows"]))  # A18
    sink(np.asarray([q]))                   # A19
    sink(os.path.join("/d", q))             # A20
    sink(io.StringIO(q))                    # A21
    sink(q if q in ("a", "b") else "a")     # A22
    sink(int(q))                            # A23
    x, y = q, "lit"
    sink(x)                                 # A24
    sink(y)                                 # A25
    u, v = helper(q)
    sink(v)                                 # A26
    for item in request.json["items"]:
        sink(item)                          # A27
    sink([r for r in request.args.getlist("r")])  # A28
    if (w := request.form["w"]):
        sink(w)                             # A29
    q = "constant"
    sink(q)                                 # A30 reassigned
    z = request.args["z"]
    if z not in ALLOWED:
        abort(400)
    sink(z)                                 # A31 allow-guard
    s = request.args["s"]
    if s in ALLOWED:
        sink(s)                             # A32
    sink(s)                                 # A33 outside the guard
    acc = ""
    acc += request.args["a"]
    sink(acc)                               # A34

def helper(param):
    sink(param)                             # A35 not a route, but view passes q: one level (interproc.go)
    sink(request.args["h"])                 # A36 the global is a source anywhere
`
	f := parseFile(t, src)
	want := map[string]Label{
		"# A1": WebField, "# A2": WebBody, "# A3": 0, "# A4": WebOther, "# A5": WebField, "# A6": WebBody,
		"# A7": WebField, "# A8": WebField, "# A9": WebField, "# A10": WebField, "# A11": WebField,
		"# A12": WebField, "# A13": WebField, "# A14": 0, "# A15": 0, "# A16": 0, "# A17": 0,
		"# A18": WebField, "# A19": WebField, "# A20": WebField, "# A21": WebField, "# A22": 0,
		"# A23": WebField, "# A24": WebField, "# A25": 0, "# A26": 0, "# A27": WebField, "# A28": WebField,
		"# A29": WebField, "# A30": 0, "# A31": 0, "# A32": 0, "# A33": WebField, "# A34": WebField,
		"# A35": WebField, "# A36": WebField,
	}
	for m, w := range want {
		if got := taintOf(t, f, m, nil); got != w {
			t.Errorf("%s: taint = %b, want %b", m, got, w)
		}
	}
	// STRING-SANITIZERS as a rule extension.
	spec := &TaintSpec{Sanitizers: Set(StringSanitizers)}
	if got := taintOf(t, f, "# A23", spec); got != 0 {
		t.Errorf("int() with string sanitizers: %b", got)
	}
}

func TestTaintFastAPIAndNet(t *testing.T) {
	src := `from fastapi import FastAPI, Depends, UploadFile, Request, BackgroundTasks
import requests
app = FastAPI()

@app.post("/p/{item}")
async def ep(item: str, f: UploadFile, req: Request, tasks: BackgroundTasks, user=Depends(get_user)):
    sink(item)                   # B1
    sink(f)                      # B2
    sink(await f.read())         # B3
    sink(user)                   # B4
    sink(tasks)                  # B5
    body = await req.json()
    sink(body["x"])              # B6
    sink(await req.body())       # B7
    sink(req.client.host)        # B8
    sink(req.url_for("x"))       # B9

def fetch(url):
    r = requests.get(url)
    sink(r.json())               # B10
    sink(r.status_code)          # B11
    sink(r.content)              # B12
    s = requests.Session()
    sink(s.get(url).text)        # B13

def plain(req: Request):
    sink(req.query_params["a"])  # B14 Request-annotated parameters are sources anywhere
`
	f := parseFile(t, src)
	want := map[string]Label{
		"# B1": WebField, "# B2": WebBody, "# B3": WebBody, "# B4": 0, "# B5": 0, "# B6": WebField,
		"# B7": WebBody, "# B8": WebOther, "# B9": 0, "# B10": Net, "# B11": 0, "# B12": Net,
		"# B13": Net, "# B14": WebField,
	}
	for m, w := range want {
		if got := taintOf(t, f, m, nil); got != w {
			t.Errorf("%s: taint = %b, want %b", m, got, w)
		}
	}
}

func TestTaintNestedFunctionsAndDjango(t *testing.T) {
	src := `import django
from flask import request

def view(request, slug):
    sink(request.GET["q"])       # C1
    sink(request.body)           # C2
    sink(slug)                   # C3
    def inner(x):
        sink(x)                  # C4 nested scope: own parameters untainted
        sink(slug)               # C5 free variable: intra-procedural
    g = lambda p: sink(p)        # C6
`
	f := parseFile(t, src)
	want := map[string]Label{"# C1": WebField, "# C2": WebBody, "# C3": WebField, "# C4": 0, "# C5": 0, "# C6": 0}
	for m, w := range want {
		if got := taintOf(t, f, m, nil); got != w {
			t.Errorf("%s: taint = %b, want %b", m, got, w)
		}
	}
}

func TestSourceName(t *testing.T) {
	for l, want := range map[Label]string{PeerTaint: "a federated client's update", Net: "a network response",
		WebBody | WebField: "a request body", WebField: "a request field", WebOther: "request data", HubDL: "a downloaded file", 0: "untrusted data"} {
		if got := SourceName(l); got != want {
			t.Errorf("SourceName(%b) = %q, want %q", l, got, want)
		}
	}
}

// `import flask; flask.request.args[...]` is the same source as the bare
// `request` global.
func TestTaintFlaskModuleSpelling(t *testing.T) {
	f := parseFile(t, `import flask
app = flask.Flask(__name__)

@app.post("/x")
def view():
    sink(flask.request.args["q"])   # B1
    sink(flask.request.files["f"])  # B2
    sink(flask.request.method)      # B3
    sink(flask.g.user)              # B4
`)
	for marker, want := range map[string]Label{"# B1": WebField, "# B2": WebBody, "# B3": 0, "# B4": 0} {
		if got := taintOf(t, f, marker, nil); got != want {
			t.Errorf("%s: %b, want %b", marker, got, want)
		}
	}
}
