package analyzer

import "testing"

func TestComprehensionBinds(t *testing.T) {
	f := parseFile(t, `cfg = {k: v for k, v in vars(args).items() if k not in ("hf_token",)}
xs = [y * 2 for y in range(3)]
k = 1
outer = [z for z in zs if z]
`)
	cases := []struct {
		marker, text string
		want         bool
	}{
		{"{k:", "k", true},
		{": v", "v", true},
		{"if k", "k", true},
		{"vars(", "args", false},
		{"[y", "y", true},
		{"k = 1", "k", false},
		{"in zs", "zs", false},
	}
	for _, c := range cases {
		n := nodeAt(t, f, c.marker, KIdentifier, c.text)
		if got := ComprehensionBinds(n); got != c.want {
			t.Errorf("%s %q: ComprehensionBinds = %v, want %v", c.marker, c.text, got, c.want)
		}
	}
}
