package analyzer

import (
	"strings"
	"testing"
)

// firstCall returns the call view of the first call whose text starts with prefix.
func firstCall(t *testing.T, f *File, prefix string) Call {
	t.Helper()
	for i := range f.Tree.Nodes {
		n := &f.Tree.Nodes[i]
		if n.Kind == KCall && strings.HasPrefix(n.Text(), prefix) {
			c, _ := f.AsCall(n)
			return c
		}
	}
	t.Fatalf("no call starting with %q", prefix)
	return Call{}
}

func TestLookupArg(t *testing.T) {
	cases := []struct {
		src   string
		i     int
		names []string
		arg   string
		known bool
	}{
		{"f(a, b, rev=c)\n", 2, []string{"rev"}, "c", true},
		{"f(a, b, c)\n", 2, []string{"rev"}, "c", true},
		{"f(a, b)\n", 2, []string{"rev"}, "", true},
		{"f(a, **kw)\n", 2, []string{"rev"}, "", false},
		{"f(*args)\n", 2, []string{"rev"}, "", false},
		{"f(*args)\n", -1, []string{"rev"}, "", true},
		{"f(a, **kw)\n", 0, nil, "a", true},
		{"f(x for x in y)\n", 1, nil, "", false},
	}
	for _, c := range cases {
		f := parseFile(t, c.src)
		call := firstCall(t, f, "f(")
		arg, known := call.LookupArg(c.i, c.names...)
		got := ""
		if arg != nil {
			got = arg.Text()
		}
		if got != c.arg || known != c.known {
			t.Errorf("LookupArg(%d, %v) on %q = %q, %v; want %q, %v", c.i, c.names, c.src, got, known, c.arg, c.known)
		}
	}
}

func TestSetKeyword(t *testing.T) {
	cases := []struct{ src, want string }{
		{"f(a, k=None)\n", "f(a, k=0)\n"},
		{"f(a, b)\n", "f(a, b, k=0)\n"},
		{"f()\n", "f(k=0)\n"},
		{"f(a, b,)\n", "f(a, b, k=0,)\n"},
		{"f(\n    a,\n    b,\n)\n", "f(\n    a,\n    b,\n    k=0,\n)\n"},
		{"f(\n    a,\n    b,  # last\n)\n", "f(\n    a,\n    b,  # last\n    k=0,\n)\n"},
		{"f(\n    a,\n    b\n)\n", "f(\n    a,\n    b, k=0\n)\n"},
		{"f(a, **kw)\n", "f(a, **kw, k=0)\n"},
		{"f(a, (b))\n", "f(a, (b), k=0)\n"},
		{"f(\r\n    a,\r\n    b,  # last\r\n)\r\n", "f(\r\n    a,\r\n    b,  # last\r\n    k=0,\r\n)\r\n"},
	}
	for _, c := range cases {
		f := parseFile(t, c.src)
		e, ok := SetKeyword(firstCall(t, f, "f("), "k", "0")
		if !ok {
			t.Errorf("SetKeyword on %q: not ok", c.src)
			continue
		}
		out, err := ApplyEdits([]byte(c.src), []Edit{e})
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != c.want {
			t.Errorf("SetKeyword on %q:\ngot  %q\nwant %q", c.src, out, c.want)
		}
		if g := parseFile(t, string(out)); g.Tree.HasSyntaxErrors() {
			t.Errorf("SetKeyword on %q: result does not parse: %q", c.src, out)
		}
	}
	f := parseFile(t, "f(x for x in y)\n")
	if _, ok := SetKeyword(firstCall(t, f, "f("), "k", "0"); ok {
		t.Error("SetKeyword on a generator-argument call must not edit")
	}
}
