package analyzer

import "testing"

// TestRemoveKeyword covers the keyword-removal builder.
func TestRemoveKeyword(t *testing.T) {
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
