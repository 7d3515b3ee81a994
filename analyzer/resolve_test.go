package analyzer

import "testing"

func TestQualname(t *testing.T) {
	src := `import pandas as pd
import os.path
import a.b.c
import numpy
from sklearn.preprocessing import StandardScaler as SS, MinMaxScaler
from . import sibling
from .pkg import helper
try:
    import ujson as json
except ImportError:
    import json
try:
    import torch
except ImportError:
    torch = None
reader = pd.read_csv

def f(pd):
    pd.read_csv("x")            # M1 parameter shadows the import

def g():
    numpy = None
    numpy.array([1])            # M2 local shadows

def h():
    x = pd.read_csv("x")        # M3
    os.path.join("a")           # M4
    a.b.c.d()                   # M5
    SS()                        # M6
    sibling.x()                 # M7
    helper()                    # M8
    json.loads("1")             # M9
    torch.load("m")             # M10
    reader("y")                 # M11
    open("f")                   # M12
    def inner():
        return pd.read_json("z")  # M13 closure sees module import

def k():
    open = make_opener()
    open("f")                   # M14 shadowed builtin
`
	f := parseFile(t, src)
	cases := []struct{ marker, callee, want string }{
		{"# M1", "pd.read_csv", ""},
		{"# M2", "numpy.array", ""},
		{"# M3", "pd.read_csv", "pandas.read_csv"},
		{"# M4", "os.path.join", "os.path.join"},
		{"# M5", "a.b.c.d", "a.b.c.d"},
		{"# M6", "SS", "sklearn.preprocessing.StandardScaler"},
		{"# M7", "sibling.x", ".sibling.x"},
		{"# M8", "helper", ".pkg.helper"},
		{"# M9", "json.loads", "ujson.loads"},
		{"# M10", "torch.load", "torch.load"},
		{"# M11", "reader", "pandas.read_csv"},
		{"# M12", "open", "builtins.open"},
		{"# M13", "pd.read_json", "pandas.read_json"},
		{"# M14", "open", ""},
	}
	for _, c := range cases {
		// The callee precedes its marker comment on the same line.
		line := lineOf(f, c.marker)
		var got *Node
		for i := range f.Tree.Nodes {
			n := &f.Tree.Nodes[i]
			if n.Kind == KCall && n.Line() == line && n.Field("function").Text() == c.callee {
				got = n
				break
			}
		}
		if got == nil {
			t.Fatalf("%s: call %s not found", c.marker, c.callee)
		}
		if q := f.Qualname(got.Field("function")); q != c.want {
			t.Errorf("%s: Qualname(%s) = %q, want %q", c.marker, c.callee, q, c.want)
		}
	}
}

func lineOf(f *File, marker string) int {
	for i := range f.Tree.Nodes {
		n := &f.Tree.Nodes[i]
		if n.Kind == KComment && n.Is(marker) || n.Kind == KComment && len(n.Text()) >= len(marker) && n.Text()[:len(marker)] == marker && (len(n.Text()) == len(marker) || n.Text()[len(marker)] == ' ') {
			return n.Line()
		}
	}
	return -1
}

func TestQualnameStarImport(t *testing.T) {
	f := parseFile(t, "from flask import *\nx = request.args\nlen(x)\n")
	if q := f.Qualname(nodeAt(t, f, "", KIdentifier, "request")); q != "flask.request" {
		t.Errorf("star import: %q", q)
	}
	if q := f.Qualname(nodeAt(t, f, "len", KIdentifier, "len")); q != "builtins.len" {
		t.Errorf("builtin under star import: %q", q)
	}
	f = parseFile(t, "from a import *\nfrom b import *\nrequest.args\n")
	if q := f.Qualname(nodeAt(t, f, "", KIdentifier, "request")); q != "" {
		t.Errorf("two star imports are ambiguous, got %q", q)
	}
}

func TestQualnameReassignment(t *testing.T) {
	f := parseFile(t, "import pickle\npickle.load(f)\npickle = None\npickle.load(g)\n")
	first := nodeAt(t, f, "pickle.load(f)", KAttribute, "pickle.load")
	second := nodeAt(t, f, "pickle.load(g)", KAttribute, "pickle.load")
	if q := f.Qualname(first); q != "pickle.load" {
		t.Errorf("before rebinding: %q", q)
	}
	if q := f.Qualname(second); q != "" {
		t.Errorf("after rebinding: %q", q)
	}
}

func TestLiteralValue(t *testing.T) {
	f := parseFile(t, `x = ("a" "b", b"c", 0x10, -2.5, True, None, [1, "z"], {"k": 1}, f"{y}")`+"\n")
	tup := nodeAt(t, f, "", KTuple, f.Tree.Root().NamedChild(0).NamedChild(0).Field("right").Text())
	elems := tup.NamedChildren()
	if l := LiteralValue(elems[0]); l.Kind != LitStr || l.Str != "ab" {
		t.Errorf("concatenated: %+v", l)
	}
	if l := LiteralValue(elems[1]); l.Kind != LitBytes || l.Str != "c" {
		t.Errorf("bytes: %+v", l)
	}
	if l := LiteralValue(elems[2]); l.Kind != LitInt || l.Num != 16 {
		t.Errorf("hex: %+v", l)
	}
	if l := LiteralValue(elems[3]); l.Kind != LitFloat || l.Num != -2.5 {
		t.Errorf("negative float: %+v", l)
	}
	if l := LiteralValue(elems[4]); l.Kind != LitBool || !l.Bool {
		t.Errorf("True: %+v", l)
	}
	if l := LiteralValue(elems[5]); l.Kind != LitNone {
		t.Errorf("None: %+v", l)
	}
	if l := LiteralValue(elems[6]); l.Kind != LitList || len(l.Elems) != 2 {
		t.Errorf("list: %+v", l)
	}
	if l := LiteralValue(elems[7]); l.Kind != LitDict || len(l.Elems) != 2 {
		t.Errorf("dict: %+v", l)
	}
	if l := LiteralValue(elems[8]); l.Kind != NotLiteral {
		t.Errorf("f-string is not a literal: %+v", l)
	}
}

func TestSameExpression(t *testing.T) {
	f := parseFile(t, "a = foo( x,\n  y )  # c\nb = foo(x, y)\nc = foo(x, z)\n")
	r := f.Tree.Root().NamedChildren()
	get := func(i int) *Node { return r[i].NamedChild(0).Field("right") }
	if !SameExpression(get(0), get(1)) {
		t.Error("whitespace should not matter")
	}
	if SameExpression(get(1), get(2)) {
		t.Error("different arguments are different expressions")
	}
}
