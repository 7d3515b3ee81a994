package analyzer

import "testing"

// TestImportsDottedName: `import a.b.c` imports a.b.c and its parents, for
// the ownership clauses that test for a submodule import (§4 row 8).
func TestImportsDottedName(t *testing.T) {
	cases := []struct {
		src  string
		mod  string
		want bool
	}{
		{"import ray.serve\n", "ray.serve", true},
		{"import ray.serve\n", "ray", true},
		{"import ray.serve.handle\n", "ray.serve", true},
		{"import ray.serve as rs\n", "ray.serve", true},
		{"from ray import serve\n", "ray.serve", true},
		{"from ray.serve import deployment\n", "ray.serve", true},
		{"import ray\n", "ray.serve", false},
		{"import ray.tune\n", "ray.serve", false},
		{"from ray import tune\n", "ray.serve", false},
		{"def f():\n    import ray.serve\n", "ray.serve", true},
	}
	for _, tc := range cases {
		f := parseFile(t, tc.src)
		if got := f.Imports(tc.mod); got != tc.want {
			t.Errorf("Imports(%q) in %q = %v, want %v", tc.mod, tc.src, got, tc.want)
		}
	}
}
