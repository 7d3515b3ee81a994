package analyzer

import (
	"strings"
	"testing"
)

func TestCallArguments(t *testing.T) {
	src := `import pandas as pd
pd.read_csv(  # comment
    "a.csv",
    # another
    sep=";",
    **opts,
)
f(*args, 2, key=3)
(reg
    .labels(path)
    .inc())
`
	f := parseFile(t, src)
	c, _ := f.AsCall(nodeAt(t, f, "", KCall, f.Tree.Root().NamedChild(1).NamedChild(0).Text()))
	if c.Callee() != "pandas.read_csv" || c.Pos(0).Text() != `"a.csv"` || c.Pos(1) != nil {
		t.Errorf("positional: %q %v", c.Callee(), c.Pos(0))
	}
	if v := c.Kwarg("sep"); v == nil || v.Text() != `";"` || !c.HasKwargsSplat() {
		t.Errorf("keyword sep = %v", v)
	}
	if a := c.Arg(5, "sep"); a == nil || a.Text() != `";"` {
		t.Errorf("Arg falls back to the keyword")
	}
	g, _ := f.AsCall(nodeAt(t, f, "", KCall, "f(*args, 2, key=3)"))
	if g.Pos(0) != nil {
		t.Error("a *splat makes later positions unknowable")
	}
	if !g.HasArgsSplat() || len(g.Positional()) != 1 {
		t.Errorf("positional list skips splats: %d", len(g.Positional()))
	}
	// "The call" is reported at the callee's last identifier: a split
	// chain reports the line of `.labels`, not of `reg`.
	var labels Call
	for _, n := range CallsIn(f.Tree.Root()) {
		if c, _ := f.AsCall(n); c.Method() == "labels" {
			labels = c
		}
	}
	if l := labels.NameNode().Line(); l != 10 {
		t.Errorf("labels reported on line %d, want 10", l)
	}
}

func TestArgValuesAndAnnotationHead(t *testing.T) {
	f := parseFile(t, "from typing import Literal\ndef g(x: Literal['a', 'b'], y: int): pass\nf(a, *b, k=c, **d)  # trailing\n")
	c := firstCall(t, f, "f(")
	var got []string
	for _, v := range c.ArgValues() {
		got = append(got, v.Text())
	}
	if strings.Join(got, " ") != "a *b c **d" {
		t.Errorf("ArgValues: %q", got)
	}
	var def *Node
	for i := range f.Tree.Nodes {
		if f.Tree.Nodes[i].Kind == KFunctionDefinition {
			def = &f.Tree.Nodes[i]
		}
	}
	for _, p := range f.ScopeFor(def).Params {
		expr, head := AnnotationHead(p.Annotation)
		want := map[string]string{"x": "Literal", "y": "int"}[p.Name]
		if head == nil || head.Text() != want || expr == nil {
			t.Errorf("AnnotationHead(%s) = %v", p.Name, head)
		}
	}
	if e, h := AnnotationHead(nil); e != nil || h != nil {
		t.Error("AnnotationHead(nil) must be nil, nil")
	}
}
