package rules

import (
	"context"
	"strings"
	"testing"

	. "github.com/pyguard/pyguard/analyzer"
)

// urlShape226 renders the flattened URL of the first call's argument 0 in
// the last statement: literal text as is, values as {expr} (numeric ones as
// {#expr}, unwrappable ones as {!expr}).
func urlShape226(t *testing.T, src string) string {
	t.Helper()
	f, err := NewFile(context.Background(), "m.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	p := &Pass{File: f}
	stmts := f.Tree.Root().NamedChildren()
	var call *Node
	stmts[len(stmts)-1].Walk(func(m *Node) bool {
		if call == nil && m.Kind == KCall {
			call = m
		}
		return call == nil
	})
	c, _ := f.AsCall(call)
	var b strings.Builder
	for _, s := range mergeSegs226(urlSegs226(p, c.Pos(0), 0)) {
		switch {
		case s.dyn == nil:
			b.WriteString(s.lit)
		case s.dyn.expr == nil:
			b.WriteString("{?}")
		case s.dyn.numeric:
			b.WriteString("{#" + s.dyn.expr.Text() + "}")
		case !s.dyn.wrappable:
			b.WriteString("{!" + s.dyn.expr.Text() + "}")
		default:
			b.WriteString("{" + s.dyn.expr.Text() + "}")
		}
	}
	return b.String()
}

func TestURLSegs226(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`get(f"http://h/v1/models/{m}:predict")`, `http://h/v1/models/{m}:predict`},
		{`get(f"http://h/{v:d}/{w!r}/{x:>4}")`, `http://h/{#v}/{w}/{x}`},
		{"B = 'http://h:8501'\nget(f'{B}/v1/models/{m}')", `http://h:8501/v1/models/{m}`},
		{"B = 'http://h'\nu = B + '/v1/models/' + m + ':predict'\nget(u)", `http://h/v1/models/{m}:predict`},
		{`get("http://h/%s/%d/%%/%(k)s" % (a, b, c))`, `{"http://h/%s/%d/%%/%(k)s" % (a, b, c)}`}, // %(k) with a tuple: opaque
		{`get("http://h/%s/%d/%%" % (a, b))`, `http://h/{a}/{#b}/%`},
		{`get("http://h/%(m)s:x" % {"m": a})`, `http://h/{a}:x`},
		{`get("http://h/%s" % a)`, `http://h/{a}`},
		{`get("http://h/{}/{1}/{k}/{0.x}/{{}}".format(a, b, k=c))`, `http://h/{a}/{b}/{c}/{!a}/{}`},
		{`get("http://h/{}".format(*args))`, `{"http://h/{}".format(*args)}`},
		{`get(b"http://h/" + x)`, `{b"http://h/"}{x}`},
		{`get(f"http://h/" "v1/" f"{m}")`, `http://h/v1/{m}`},
	} {
		if got := urlShape226(t, tc.src); got != tc.want {
			t.Errorf("%s:\n got  %s\n want %s", tc.src, got, tc.want)
		}
	}
}

func TestRegisterPath226(t *testing.T) {
	for t0, want := range map[string]bool{
		"http://ts:8081/models?url=": true, "/models": true, "ts:8081/workflows?url=": true,
		"http://ts:8081/models/": false, "http://h/api/models?url=": false, "/models/resnet?url=": false,
		"http://h/modelsx?url=": false,
	} {
		if got := registerPath226(t0) >= 0; got != want {
			t.Errorf("registerPath226(%q) = %v, want %v", t0, got, want)
		}
	}
}
