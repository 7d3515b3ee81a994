package config

import (
	"strings"
	"testing"
)

func TestExcluded(t *testing.T) {
	c, err := Parse([]byte(`paths:
  exclude: ["tests/**", "notebooks", "*_pb2.py", "src/**/gen/*.py", "./build/"]
`))
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]bool{
		"tests/test_a.py":           true,
		"tests/unit/deep/x.py":      true,
		"./tests/a.py":              true,
		"src/tests/a.py":            false, // "tests/**" is anchored at the root
		"notebooks/a.py":            true,
		"pkg/notebooks/a.py":        true, // no slash: any depth
		"api_pb2.py":                true,
		"pkg/sub/api_pb2.py":        true,
		"src/gen/x.py":              true,
		"src/a/b/gen/x.py":          true,
		"src/a/gen/sub/x.py":        false,
		"build/lib/x.py":            true,
		"src/train.py":              false,
		"../outside/tests/x.py":     false,
		"/abs/tests/x.py":           false,
		"testsuite/a.py":            false,
		"notebooks_old/analysis.py": false,
	}
	for p, want := range cases {
		if got := c.Excluded(p); got != want {
			t.Errorf("Excluded(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestExcludedNothingConfigured(t *testing.T) {
	if Default().Excluded("tests/a.py") {
		t.Error("default configuration excludes nothing")
	}
}

// Many "**" must not make matching exponential.
func TestExcludedManyDoubleStars(t *testing.T) {
	pat := strings.Repeat("**/a/", 30) + "b"
	c, err := Parse([]byte("paths:\n  exclude: [\"" + pat + "\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Excluded(strings.Repeat("a/", 60) + "c") {
		t.Error("unexpected match")
	}
}
