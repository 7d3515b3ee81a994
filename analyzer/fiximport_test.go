package analyzer

import "testing"

// buildAt builds, at the first call of callee in src, a fix that replaces
// the call's function with the spelling use returns, and applies both its
// top-level and its local variant.
func buildAt(t *testing.T, src, callee string, before bool, use func(b *FixBuilder) string) (top, local string, fx *Fix) {
	t.Helper()
	f := parseFile(t, src)
	c := firstCall(t, f, callee+"(")
	p := &Pass{File: f, Rule: &Rule{ID: "TEST"}}
	b := p.NewFix(Unsafe, "use it", c.Node)
	if before {
		b.ImportsBeforeStatement()
	}
	b.Add(ReplaceNode(c.Func, use(b)))
	fx = b.Build(nil)
	if fx == nil {
		return "", "", nil
	}
	apply := func(edits []Edit) string {
		out, err := ApplyEdits(f.Tree.Src, edits)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		return string(out)
	}
	return apply(fx.Edits), apply(fx.PullRequestEdits()), fx
}

func TestFixBuilderAttr(t *testing.T) {
	isfinite := func(b *FixBuilder) string { return b.Attr("math", "isfinite") }
	cases := []struct {
		name, src, top, local string // top "" = the builder must fail
	}{
		{"adds the import after the last top-level one, locally before the statement",
			"import os\n\ndef f(x):\n    return g(x)\n",
			"import os\nimport math\n\ndef f(x):\n    return math.isfinite(x)\n",
			"import os\n\ndef f(x):\n    import math\n    return math.isfinite(x)\n"},
		{"module bound: nothing added",
			"import math\n\ndef f(x):\n    return g(x)\n",
			"import math\n\ndef f(x):\n    return math.isfinite(x)\n", ""},
		{"an alias is used as bound",
			"import math as m\n\ndef f(x):\n    return g(x)\n",
			"import math as m\n\ndef f(x):\n    return m.isfinite(x)\n", ""},
		{"a from-import is used as bound",
			"from math import isfinite\n\ndef f(x):\n    return g(x)\n",
			"from math import isfinite\n\ndef f(x):\n    return isfinite(x)\n", ""},
		{"an import local to this function counts",
			"def f(x):\n    import math\n    return g(x)\n",
			"def f(x):\n    import math\n    return math.isfinite(x)\n", ""},
		{"an import in another function does not",
			"def h():\n    import math\n\ndef f(x):\n    return g(x)\n",
			"import math\ndef h():\n    import math\n\ndef f(x):\n    return math.isfinite(x)\n",
			"def h():\n    import math\n\ndef f(x):\n    import math\n    return math.isfinite(x)\n"},
		{"a module docstring stays first",
			"\"\"\"Doc.\"\"\"\nx = g(1)\n",
			"\"\"\"Doc.\"\"\"\nimport math\nx = math.isfinite(1)\n",
			"\"\"\"Doc.\"\"\"\nimport math\nx = math.isfinite(1)\n"},
		{"never between decorators",
			"import os\n@app.route(g(1))\n@other\ndef f():\n    pass\n",
			"import os\nimport math\n@app.route(math.isfinite(1))\n@other\ndef f():\n    pass\n",
			"import os\nimport math\n@app.route(math.isfinite(1))\n@other\ndef f():\n    pass\n"},
		{"a function docstring stays first",
			"import os\ndef f(x):\n    \"\"\"Doc.\"\"\"\n    return g(x)\n",
			"import os\nimport math\ndef f(x):\n    \"\"\"Doc.\"\"\"\n    return math.isfinite(x)\n",
			"import os\ndef f(x):\n    \"\"\"Doc.\"\"\"\n    import math\n    return math.isfinite(x)\n"},
		{"tabs and CRLF are kept",
			"import os\r\ndef f(x):\r\n\treturn g(x)\r\n",
			"import os\r\nimport math\r\ndef f(x):\r\n\treturn math.isfinite(x)\r\n",
			"import os\r\ndef f(x):\r\n\timport math\r\n\treturn math.isfinite(x)\r\n"},
		{"a one-line compound statement gets the import before it",
			"import os\nif c: y = g(1)\n",
			"import os\nimport math\nif c: y = math.isfinite(1)\n",
			"import os\nimport math\nif c: y = math.isfinite(1)\n"},
		{"a line that does not start a statement keeps the top-level import",
			"import os\nif c:\n    pass\nelse: y = g(1)\n",
			"import os\nimport math\nif c:\n    pass\nelse: y = math.isfinite(1)\n",
			"import os\nimport math\nif c:\n    pass\nelse: y = math.isfinite(1)\n"},
		{"the name taken by a variable: no fix", "math = 3\ny = g(1)\n", "", ""},
		{"the name taken by a local: no fix", "def f():\n    math = 3\n    return g(1)\n", "", ""},
		{"the name assigned as a global elsewhere: no fix",
			"def h():\n    global math\n    math = 1\ny = g(1)\n", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			top, local, fx := buildAt(t, c.src, "g", false, isfinite)
			if c.top == "" {
				if fx != nil {
					t.Fatalf("want no fix, got %q", top)
				}
				return
			}
			if fx == nil {
				t.Fatal("no fix")
			}
			if c.local == "" {
				c.local = c.top
			}
			if top != c.top {
				t.Errorf("--fix variant:\ngot  %q\nwant %q", top, c.top)
			}
			if local != c.local {
				t.Errorf("pull-request variant:\ngot  %q\nwant %q", local, c.local)
			}
			for _, out := range []string{top, local} {
				if parseFile(t, out).Tree.HasSyntaxErrors() {
					t.Errorf("does not parse:\n%s", out)
				}
			}
		})
	}
}

func TestFixBuilderModuleAndName(t *testing.T) {
	cases := []struct {
		name, src, want string
		use             func(b *FixBuilder) string
		before          bool
	}{
		{"a dotted module loaded by `import a.b`", "import urllib.parse\nx = g(1)\n", "import urllib.parse\nx = urllib.parse(1)\n",
			func(b *FixBuilder) string { return b.Module("urllib.parse") }, false},
		{"a dotted module under its alias", "from urllib import parse as up\nx = g(1)\n", "from urllib import parse as up\nx = up(1)\n",
			func(b *FixBuilder) string { return b.Module("urllib.parse") }, false},
		{"`import urllib` does not load urllib.parse", "import urllib\nx = g(1)\n", "import urllib\nimport urllib.parse\nx = urllib.parse(1)\n",
			func(b *FixBuilder) string { return b.Module("urllib.parse") }, false},
		{"imports before the statement when the rule says so", "import os\ndef f():\n    x = g(1)\n", "import os\ndef f():\n    import tempfile\n    x = tempfile(1)\n",
			func(b *FixBuilder) string { return b.Module("tempfile") }, true},
		{"a from-import for a constructed name", "import os\nx = g(1)\n", "import os\nfrom feast.permissions.action import READ\nx = READ(1)\n",
			func(b *FixBuilder) string { return b.Name("feast.permissions.action", "READ") }, false},
		{"a from-import alias is used as bound", "from feast.permissions.action import READ as R\nx = g(1)\n", "from feast.permissions.action import READ as R\nx = R(1)\n",
			func(b *FixBuilder) string { return b.Name("feast.permissions.action", "READ") }, false},
		{"the module bound via import: attribute spelling", "import feast.permissions.action as act\nx = g(1)\n", "import feast.permissions.action as act\nx = act.READ(1)\n",
			func(b *FixBuilder) string { return b.Name("feast.permissions.action", "READ") }, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			top, _, fx := buildAt(t, c.src, "g", c.before, c.use)
			if fx == nil {
				t.Fatal("no fix")
			}
			if top != c.want {
				t.Errorf("got  %q\nwant %q", top, c.want)
			}
		})
	}
}

func TestInsertBlockAfter(t *testing.T) {
	cases := []struct{ src, want string }{
		{"def f():\n    x = float(v)  # note\n    return x\n",
			"def f():\n    x = float(v)  # note\n    if bad(x):\n        raise E\n    return x\n"},
		{"def f():\n\tx = float(v)\n\treturn x\n",
			"def f():\n\tx = float(v)\n\tif bad(x):\n\t\traise E\n\treturn x\n"},
		{"def f():\r\n  x = float(v)\r\n  return x\r\n",
			"def f():\r\n  x = float(v)\r\n  if bad(x):\r\n    raise E\r\n  return x\r\n"},
		{"x = float(v)", "x = float(v)\nif bad(x):\n    raise E"},
	}
	for _, c := range cases {
		f := parseFile(t, c.src)
		call := firstCall(t, f, "float(")
		out, err := ApplyEdits(f.Tree.Src, []Edit{InsertBlockAfter(Statement(call.Node), "if bad(x):\n    raise E")})
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != c.want {
			t.Errorf("InsertBlockAfter on %q:\ngot  %q\nwant %q", c.src, out, c.want)
		}
	}
}
