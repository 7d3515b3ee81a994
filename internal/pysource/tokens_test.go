package pysource_test

import (
	"context"
	"strings"
	"testing"

	"github.com/pyguard/pyguard/analyzer"
	"github.com/pyguard/pyguard/internal/pysource"
)

func TestTokens(t *testing.T) {
	cases := map[string]int{
		"":                              0,
		"x = 1\n":                       3,
		"x += 1.5e-3\n":                 3,
		"f(a, b)  # call\n":             7,
		"s = 'it''s' + \"q\"\n":         12, // three strings of three
		"s = r'\\d+' + b'x'\n":          10, // \d counts as an escape
		"d = '''a\nb'''\n":              5,
		"e = 'a\\nb\\t'\n":              7,  // two escape sequences
		"f = f'{x + y}!'\n":             11, // the body of an f-string counts as code
		"x = -~-~1\n":                   7,  // unary operators one by one
		"def f(a) -> int:\n    pass\n":  9,
		"if a == b != c:\n    ...\n":    10, // "..." counts three
		"x = [1,\\\n     2]\n":          7,
		"unterminated = 'abc\nx = 1\n":  8,
		"élan = 'café'\n":               5,
		"x = \"\"\"never closed\n\n\n":  5,
		"'''\\'''' + 1\n":               6,
		"x = 0x_ff + 1j + .5 + 1_000\n": 9,
	}
	for src, want := range cases {
		if got := pysource.Tokens([]byte(src)); got != want {
			t.Errorf("Tokens(%q) = %d, want %d", src, got, want)
		}
	}
}

// The estimate bounds the syntax tree: whatever the shape of the code,
// tree-sitter builds at most three nodes per estimated token. This is
// what lets a review refuse a file before parsing it.
func TestTokensBoundTheSyntaxTree(t *testing.T) {
	shapes := map[string]string{
		"assignments":  strings.Repeat("x=1\n", 2000),
		"calls":        strings.Repeat("f(x)\n", 2000),
		"passes":       strings.Repeat("pass\n", 2000),
		"code":         strings.Repeat("import os\ndef handler(request, *args, **kw):\n    path = request.args.get('p', 'x')  # in\n    if path.startswith('/'):\n        return os.system('ls ' + path)\n    return [x * 2 for x in range(10) if x % 3]\n", 200),
		"nesting":      "x = " + strings.Repeat("(", 500) + "1" + strings.Repeat(")", 500) + "\n",
		"lists":        "x = " + strings.Repeat("[", 500) + strings.Repeat("]", 500) + "\n",
		"unclosed":     strings.Repeat("x = [1, (2, {3: f(\n", 500),
		"floats":       "data = [" + strings.Repeat("1.5, -2.25e-3, ", 2000) + "]\n",
		"docstrings":   strings.Repeat("def f():\n    \"\"\"A docstring.\"\"\"\n", 1000),
		"unary":        "x = " + strings.Repeat("-~", 2000) + "1\n",
		"escapes":      "s = '" + strings.Repeat("\\n", 5000) + "'\n",
		"f-strings":    strings.Repeat("s = f'{a}{b!r:>10}{c + d}'\n", 1000),
		"garbage":      strings.Repeat("+ ) ] : = if else lambda , . \n", 1000),
		"decorators":   strings.Repeat("@d\n", 1000) + "def f(): pass\n",
		"dict":         "d = {" + strings.Repeat("'k': v, ", 2000) + "}\n",
		"attributes":   "x = a" + strings.Repeat(".b", 3000) + "\n",
		"lambda":       "f = " + strings.Repeat("lambda: ", 1000) + "0\n",
		"comparisons":  "x = a" + strings.Repeat(" < a", 2000) + "\n",
		"semicolons":   strings.Repeat("a;", 3000) + "\n",
		"blank blocks": strings.Repeat("if x:\n    pass\nelse:\n    pass\n", 500),
		"strings only": strings.Repeat("'a' 'b' 'c'\n", 1000),
		"comments":     strings.Repeat("# c\n", 3000),
	}
	for name, src := range shapes {
		tree, err := analyzer.Parse(context.Background(), []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		nodes, tokens := len(tree.Nodes), pysource.Tokens([]byte(src))
		if nodes > 3*tokens {
			t.Errorf("%s: %d nodes for %d estimated tokens (%.2f a token, the bound is 3)", name, nodes, tokens, float64(nodes)/float64(tokens))
		}
	}
}
