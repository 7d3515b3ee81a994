package analyzer

import (
	"strings"
	"testing"
)

func TestInsertLineAfterAndRename(t *testing.T) {
	src := "def f():\n    x = float(\n        y)\n    z = s.fit_transform(x)\n"
	f := parseFile(t, src)
	call := nodeAt(t, f, "", KCall, "float(\n        y)")
	ins := InsertLineAfter(Statement(call), "check(x)")
	c, _ := f.AsCall(nodeAt(t, f, "", KCall, "s.fit_transform(x)"))
	ren, _ := RenameMethod(c, "transform")
	out, err := ApplyEdits([]byte(src), []Edit{ins, ren})
	if err != nil {
		t.Fatal(err)
	}
	want := "def f():\n    x = float(\n        y)\n    check(x)\n    z = s.transform(x)\n"
	if string(out) != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestApplyEditsRejectsOverlap(t *testing.T) {
	if _, err := ApplyEdits([]byte("abcdef"), []Edit{{1, 4, "x"}, {2, 3, "y"}}); err == nil {
		t.Error("overlapping edits must be rejected")
	}
}

func TestApplyFixesMergesIdenticalImports(t *testing.T) {
	src := []byte("a\nb\n")
	imp := Edit{0, 0, "import math\n"}
	fd := func(e Edit) *Finding {
		return &Finding{Fix: &Fix{Applicability: Unsafe, Description: "d", Edits: []Edit{imp, e}}}
	}
	out, n := ApplyFixes(src, []*Finding{fd(Edit{0, 1, "A"}), fd(Edit{2, 3, "B"})}, true)
	if n != 2 || string(out) != "import math\nA\nB\n" {
		t.Errorf("got %d fixes, %q", n, out)
	}
	if _, n := ApplyFixes(src, []*Finding{fd(Edit{0, 1, "A"})}, false); n != 0 {
		t.Error("unsafe fixes need allowUnsafe")
	}
}

func TestParseRobustness(t *testing.T) {
	// Syntax errors: the sound part is still a tree with calls.
	f := parseFile(t, "def f(:\n    pass\nx = pd.read_csv(p)\n")
	if !f.Tree.HasSyntaxErrors() {
		t.Error("expected syntax errors")
	}
	found := false
	for _, c := range CallsIn(f.Tree.Root()) {
		if c.Field("function").Is("pd.read_csv") {
			found = true
		}
	}
	if !found {
		t.Error("call after a syntax error was lost")
	}
	// Deep nesting must not blow the stack anywhere in the engine.
	deep := "x = " + strings.Repeat("(", 100000) + "1" + strings.Repeat(")", 100000) + "\n"
	f = parseFile(t, deep)
	for i := range f.Tree.Nodes {
		n := &f.Tree.Nodes[i]
		if n.Kind == KParenthesized {
			f.Taint(n, nil)
			f.TypeOf(n)
			break
		}
	}
}

func TestSyntaxError(t *testing.T) {
	cases := []struct {
		src  string
		line int
		what string // substring; "" = no error
	}{
		{"x = 1\n", 0, ""},
		{"%pip install torch\nimport torch\n", 1, "line 1 is a notebook magic"},
		{"import os\n!ls -la\n", 2, "line 2 is a notebook magic or shell line (`!ls -la`)"},
		{"exec \"x = 1\"\n", 1, "`exec` statement"},
		{"print >>f, x\n", 1, "`print` statement"},
		{"import sys\nprint \"hello\"\n", 2, "Python 2 syntax (`print` statement)"},
		{"try:\n    pass\nexcept ValueError, e:\n    pass\n", 3, "except X, e:"},
		{"def f(:\n    pass\n", 1, "syntax error"},
		{"print(x)\nprint\n", 0, ""},
	}
	for _, c := range cases {
		f := parseFile(t, c.src)
		line, what, ok := f.Tree.SyntaxError()
		if c.what == "" {
			if ok {
				t.Errorf("%q: unexpected error at %d: %s", c.src, line, what)
			}
			continue
		}
		if !ok || line != c.line || !strings.Contains(what, c.what) {
			t.Errorf("%q: got %d %q %v, want %d %q", c.src, line, what, ok, c.line, c.what)
		}
	}
}
