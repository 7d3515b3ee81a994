package analyzer

import "testing"

func TestStringTaint(t *testing.T) {
	src := `from flask import Flask, request, abort
import uuid
import numpy as np
import pandas as pd
import torch
app = Flask(__name__)
CITIES = {"paris", "rome"}

@app.get("/x")
def view():
    city = request.args["city"]
    sink(f"SELECT * FROM t WHERE c = '{city}'")          # S1 f-string
    sink("SELECT * FROM t WHERE c = '{}'".format(city))  # S2 .format
    sink("SELECT * FROM t WHERE c = '%s'" % city)        # S3 %-format
    sink("SELECT * FROM t WHERE c = '" + city + "'")     # S4 concatenation
    sink(city)                                           # S5 raw request string
    sql = f"SELECT * FROM t WHERE c = '{city}'"
    q = sql
    sink(q)                                              # S6 through names
    sink(pd.DataFrame({"city": [city]}))                 # S7 DataFrame: not text
    frame = pd.DataFrame.from_records(request.json["rows"])
    sink(frame)                                          # S8
    sink(frame.head(10))                                 # S9 derived from the frame
    sink(np.asarray([city]))                             # S10
    sink(torch.tensor(request.json["x"]))                # S11
    sink(f"SELECT {frame}")                              # S12 a frame is never text
    days = int(request.args["days"])
    sink(f"SELECT * FROM t WHERE d > CURRENT_DATE - {days}")  # S13 STRING-SANITIZER
    sink(f"SELECT * FROM t WHERE ts > '{pd.to_datetime(request.args['ts'])}'")  # S14
    sink(f"SELECT * FROM t WHERE id = '{uuid.UUID(request.args['id'])}'")      # S15
    ids = list(request.args.getlist("id"))
    sink(f"SELECT * FROM t WHERE id IN ({','.join(ids)})")  # S16 builtin containers stay text
    c2 = request.args["c2"]
    if c2 not in CITIES:
        abort(400)
    sink(f"SELECT * FROM t WHERE c = '{c2}'")            # S17 ALLOW-GUARD
    sink(f"SELECT * FROM t WHERE c = '{'paris'}'")       # S18 literal only
    sink(str(city))                                      # S19 str() propagates by default
`
	f := parseFile(t, src)
	want := map[string]Label{
		"# S1": WebField, "# S2": WebField, "# S3": WebField, "# S4": WebField, "# S5": WebField,
		"# S6": WebField, "# S7": 0, "# S8": 0, "# S9": 0, "# S10": 0, "# S11": 0, "# S12": 0,
		"# S13": 0, "# S14": 0, "# S15": 0, "# S16": WebField, "# S17": 0, "# S18": 0, "# S19": WebField,
	}
	for m, w := range want {
		if got := taintOf(t, f, m, stringSink); got != w {
			t.Errorf("%s: string taint = %b, want %b", m, got, w)
		}
	}
	// The values stay tainted for every other sink.
	for _, m := range []string{"# S7", "# S8", "# S9", "# S10", "# S11", "# S13"} {
		if got := taintOf(t, f, m, nil); got != WebField {
			t.Errorf("%s: shared taint = %b, want %b", m, got, WebField)
		}
	}
	// StringTaint is the same query.
	line := lineOf(f, "# S1")
	for i := range f.Tree.Nodes {
		n := &f.Tree.Nodes[i]
		if n.Kind == KCall && n.Line() == line && n.Field("function").Is("sink") {
			c, _ := f.AsCall(n)
			if f.StringTaint(c.Pos(0)) != WebField {
				t.Error("StringTaint(S1) != WebField")
			}
		}
	}
	// A rule's own extensions are kept.
	spec := TextSinkSpec(&TaintSpec{Sanitizers: Set([]string{"builtins.str"}), Propagators: Set([]string{"pandas.DataFrame"})})
	if got := taintOf(t, f, "# S19", spec); got != 0 {
		t.Errorf("S19 with str as a sanitizer: %b", got)
	}
	if got := taintOf(t, f, "# S7", spec); got != 0 {
		t.Errorf("S7: a DATA-CONSTRUCTOR propagator of the base must still end text taint: %b", got)
	}
	if got := taintOf(t, f, "# S1", spec); got != WebField {
		t.Errorf("S1 with extensions: %b", got)
	}
}

func TestTextSinkSpecDoesNotAliasBase(t *testing.T) {
	base := &TaintSpec{Sanitizers: Set([]string{"x.clean"}), PathNameSafe: true}
	s := TextSinkSpec(base)
	if !s.PathNameSafe || !s.Sanitizers["x.clean"] || !s.Sanitizers["builtins.int"] || !s.Sanitizers["pandas.DataFrame"] {
		t.Errorf("derived spec misses entries: %+v", s)
	}
	if base.Sanitizers["pandas.DataFrame"] || len(base.Sanitizers) != 1 {
		t.Error("TextSinkSpec modified its base")
	}
}
