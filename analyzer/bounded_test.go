package analyzer

import (
	"strings"
	"testing"
)

// boundedSrc: each function passes one value to sink(...); the cases name
// the function and whether that value is BOUNDED.
const boundedSrc = `import sys
import numpy as np
from typing import Annotated
from fastapi import FastAPI, HTTPException, Query, Query as Q
from flask import abort, abort as deny, request
from pydantic import BaseModel, Field, conint

MAX = 64
app = FastAPI()


class Bounded(BaseModel):
    chunk: int = Field(16, ge=1, le=128)
    page: conint(ge=1, le=50) = 1
    n: Annotated[int, Field(le=4)] = 1
    plain: int = 8


class Unbounded(BaseModel):
    chunk: int = 16


def min_right(v):
    sink(min(v, 64))

def min_left(v):
    sink(min(MAX, v))

def min_param_limit(v, w):
    sink(min(v, w))

def max_min(v):
    sink(max(1, min(v, 64)))

def max_only(v):
    sink(max(v, 1))

def clip(v):
    sink(np.clip(v, 1, MAX))

def clip_no_upper(v):
    sink(np.clip(v, 1, None))

def int_min(v):
    sink(int(min(v, 64)))

def local_min(v):
    n = min(v, 64)
    sink(n)

def greater_raise(v):
    n = int(v)
    if n > MAX:
        raise HTTPException(422)
    sink(n)

def less_return(v):
    if MAX < v:
        return None
    sink(v)

def not_le_abort(v):
    if not v <= MAX:
        abort(400)
    sink(v)

def chain_range(v):
    if not 1 <= v <= MAX:
        raise ValueError(v)
    sink(v)

def either_side(v):
    if v < 1 or v > MAX:
        raise ValueError(v)
    sink(v)

def lower_only(v):
    if v < 1:
        raise ValueError(v)
    sink(v)

def no_exit(v):
    if v > MAX:
        print("too big")
    sink(v)

def check_after(v):
    sink(v)
    if v > MAX:
        raise ValueError(v)

def checked_raw(raw):
    n = int(raw)
    if raw > MAX:
        raise ValueError(raw)
    sink(n)

def checked_converted(raw):
    if int(raw) > MAX:
        raise ValueError(raw)
    sink(raw)

def body_field():
    n = int(request.json["n"])
    if n > MAX:
        abort(400)
    sink(n)

def aliased_abort(v):
    if v > MAX:
        deny(400)
    sink(v)

def sys_exit(v):
    if v > MAX:
        sys.exit(2)
    sink(v)

def continue_same_loop(vs):
    for v in vs:
        if v > MAX:
            continue
        sink(v)

def break_after_loop(v, xs):
    for x in xs:
        if v > MAX:
            break
    sink(v)

def continue_inner_loop(v, xs):
    for x in xs:
        for y in xs:
            if v > MAX:
                continue
        sink(v)

def query_default(v: int = Query(16, le=128)):
    sink(v)

def query_no_bound(v: int = Query(16)):
    sink(v)

def annotated_query(v: Annotated[int, Query(lt=65)] = 8):
    sink(v)

def aliased_query(v: int = Q(8, le=16)):
    sink(v)

def model_field(req: Bounded):
    sink(req.chunk)

def model_conint(req: Bounded):
    sink(req.page)

def model_annotated(req: Bounded):
    sink(req.n)

def model_plain(req: Bounded):
    sink(req.plain)

def other_model(req: Unbounded):
    sink(req.chunk)

def untyped_model(req):
    sink(req.chunk)

def subscript_field(body):
    sink(body["chunk"])

def get_field(body):
    sink(body.get("page", 1))

def subscript_other(body):
    sink(body["plain"])

def through_locals(req: Bounded):
    a = req.chunk
    b = a
    sink(b)

def converted_field(req: Bounded):
    sink(int(req.chunk))

def unbounded(v):
    sink(v)
`

// sinkArgIn is the first argument of the first sink(...) call in function fn.
func sinkArgIn(t *testing.T, f *File, fn string) *Node {
	t.Helper()
	from := strings.Index(string(f.Tree.Src), "def "+fn+"(")
	if from < 0 {
		t.Fatalf("no function %s", fn)
	}
	for i := range f.Tree.Nodes {
		n := &f.Tree.Nodes[i]
		if n.Start < uint32(from) || n.Kind != KCall {
			continue
		}
		if c, _ := f.AsCall(n); c.Func.Is("sink") {
			return c.Pos(0)
		}
	}
	t.Fatalf("no sink call in %s", fn)
	return nil
}

func TestIsBounded(t *testing.T) {
	f := parseFile(t, boundedSrc)
	cases := []struct {
		fn   string
		want bool
	}{
		// clamped
		{"min_right", true},
		{"min_left", true},
		{"min_param_limit", false},
		{"max_min", true},
		{"max_only", false},
		{"clip", true},
		{"clip_no_upper", false},
		{"int_min", true},
		{"local_min", true},
		// checked in an if that leaves
		{"greater_raise", true},
		{"less_return", true},
		{"not_le_abort", true},
		{"chain_range", true},
		{"either_side", true},
		{"lower_only", false},
		{"no_exit", false},
		{"check_after", false},
		{"checked_raw", true},
		{"checked_converted", true},
		{"body_field", true},
		{"aliased_abort", true},
		{"sys_exit", true},
		{"continue_same_loop", true},
		{"break_after_loop", false},
		{"continue_inner_loop", false},
		// declared with le=/lt=
		{"query_default", true},
		{"query_no_bound", false},
		{"annotated_query", true},
		{"aliased_query", true},
		{"model_field", true},
		{"model_conint", true},
		{"model_annotated", true},
		{"model_plain", false},
		{"other_model", false},
		{"untyped_model", true},
		{"subscript_field", true},
		{"get_field", true},
		{"subscript_other", false},
		{"through_locals", true},
		{"converted_field", true},
		{"unbounded", false},
	}
	for _, c := range cases {
		if got := f.IsBounded(sinkArgIn(t, f, c.fn)); got != c.want {
			t.Errorf("%s: IsBounded = %v, want %v", c.fn, got, c.want)
		}
	}
}

// TestIsBoundedAt: a value the sink's value is computed from, checked
// after it is read but before the sink.
func TestIsBoundedAt(t *testing.T) {
	f := parseFile(t, `MAX = 8
def derived(v):
    n = int(v)
    m = n * 2
    if n > MAX:
        raise ValueError(n)
    sink(m)
`)
	n := nodeAt(t, f, "m = ", KIdentifier, "n")
	sink := nodeAt(t, f, "sink(", KCall, "sink(m)")
	if !f.IsBoundedAt(n, sink) {
		t.Errorf("IsBoundedAt(n, sink) = false, want true")
	}
	if f.IsBounded(n) {
		t.Errorf("IsBounded(n) at `m = n * 2` = true, want false: the check comes after it")
	}
}

func TestExits(t *testing.T) {
	f := parseFile(t, `def g(x):
    for y in x:
        if a1:
            raise ValueError()
        if a2:
            return 1
        if a3:
            continue
        if a4:
            break
        if a5:
            abort(400)
        if a6:
            flask.abort(404)
        if a7:
            sys.exit(1)
        if a8:
            pass
        if a9:
            log(x)
            raise E
        if a10:
            raise E
            log(x)
`)
	cases := []struct {
		cond string
		want bool
	}{
		{"a1", true}, {"a2", true}, {"a3", true}, {"a4", true}, {"a5", true}, {"a6", true}, {"a7", true},
		{"a8", false}, {"a9", true}, {"a10", false},
	}
	for _, c := range cases {
		id := nodeAt(t, f, "if "+c.cond+":", KIdentifier, c.cond)
		if got := Exits(id.Parent().Field("consequence")); got != c.want {
			t.Errorf("if %s: Exits = %v, want %v", c.cond, got, c.want)
		}
	}
	if Exits(nil) {
		t.Errorf("Exits(nil) = true")
	}
}
