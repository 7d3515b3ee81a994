package analyzer

import "testing"

// TestImportBeforeAndRemoveKeyword covers two fix builders.
func TestImportBeforeAndRemoveKeyword(t *testing.T) {
	imports := []struct{ src, want string }{
		{"x = f(1)\n", "import tempfile\nx = f(1)\n"},
		{"def g():\n    x = f(1)\n", "def g():\n    import tempfile\n    x = f(1)\n"},
		{"if c: x = f(1)\n", "import tempfile\nif c: x = f(1)\n"},
		{"a = 1; x = f(1)\n", "import tempfile\na = 1; x = f(1)\n"},
		{"import tempfile\ndef g():\n    x = f(1)\n", "import tempfile\ndef g():\n    x = f(1)\n"},
		{"def g():\n    import tempfile\n    x = f(1)\n", "def g():\n    import tempfile\n    x = f(1)\n"},
		{"from tempfile import mkdtemp\nx = f(1)\n", "from tempfile import mkdtemp\nimport tempfile\nx = f(1)\n"},
		{"if c:\n    pass\nelse: x = f(1)\n", ""}, // cannot be placed
	}
	for _, tc := range imports {
		{
			f := parseFile(t, tc.src)
			c, _ := f.AsCall(CallsIn(f.Tree.Root())[0])
			edits, ok := f.ImportBefore(c.Node, "tempfile")
			if !ok {
				if tc.want != "" {
					t.Errorf("importBefore(%q): not ok", tc.src)
				}
				return
			}
			out, err := ApplyEdits(f.Tree.Src, edits)
			if err != nil || string(out) != tc.want {
				t.Errorf("importBefore(%q) = %q, want %q", tc.src, out, tc.want)
			}
		}
	}
	removals := []struct{ src, want string }{
		{"f(x, k=True)\n", "f(x)\n"},
		{"f(k=True)\n", "f()\n"},
		{"f(k=True, x=1)\n", "f(x=1)\n"},
		{"f(k=True,)\n", "f()\n"},
		{"f(\n    x,\n    k=True,\n)\n", "f(\n    x,\n)\n"},
		{"f(\n    x,  # c\n    k=True,\n)\n", "f(\n    x,  # c\n)\n"},
		{"f(  # c\n    k=True, x=1)\n", "f(  # c\n    x=1)\n"},
	}
	for _, tc := range removals {
		{
			f := parseFile(t, tc.src)
			c, _ := f.AsCall(CallsIn(f.Tree.Root())[0])
			out, err := ApplyEdits(f.Tree.Src, []Edit{RemoveKeyword(c.Keyword("k"))})
			if err != nil || string(out) != tc.want {
				t.Errorf("removeKeyword(%q) = %q, want %q", tc.src, out, tc.want)
			}
		}
	}
}
