package fakegithub

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/sourcegraph/go-diff/diff"
)

// apply applies a patch made by Patch to old.
func apply(t *testing.T, old, patch string) string {
	t.Helper()
	a := splitLines(old)
	var out []string
	pos := 0 // next unconsumed old line
	lines := strings.Split(patch, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if m := hunkHeader.FindStringSubmatch(l); m != nil {
			start, cnt := atoi(m[1])-1, 1
			if m[2] != "" {
				cnt = atoi(m[2])
			}
			if cnt == 0 {
				start++
			}
			out = append(out, a[pos:start]...)
			pos = start
			continue
		}
		noNL := i+1 < len(lines) && lines[i+1] == `\ No newline at end of file`
		text := l[1:]
		if !noNL {
			text += "\n"
		}
		switch l[0] {
		case ' ':
			if a[pos] != text {
				t.Fatalf("context mismatch at old line %d: %q vs %q", pos+1, a[pos], text)
			}
			out = append(out, text)
			pos++
		case '-':
			if a[pos] != text {
				t.Fatalf("deletion mismatch at old line %d: %q vs %q", pos+1, a[pos], text)
			}
			pos++
		case '+':
			out = append(out, text)
		}
		if noNL {
			i++
		}
	}
	out = append(out, a[pos:]...)
	return strings.Join(out, "")
}

func TestPatchRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	gen := func() string {
		n := rng.Intn(40)
		var b strings.Builder
		for range n {
			b.WriteString(string(rune('a' + rng.Intn(4))))
			b.WriteString("\n")
		}
		s := b.String()
		if len(s) > 0 && rng.Intn(5) == 0 {
			s = s[:len(s)-1] // no final newline
		}
		return s
	}
	for i := range 3000 {
		old, new := gen(), gen()
		p := Patch(old, new)
		if (p == "") != (old == new) {
			t.Fatalf("case %d: empty patch mismatch", i)
		}
		if p == "" {
			continue
		}
		if _, err := diff.ParseHunks([]byte(p)); err != nil {
			t.Fatalf("case %d: go-diff cannot parse %q: %v", i, p, err)
		}
		if got := apply(t, old, p); got != new {
			t.Fatalf("case %d: round trip\nold %q\nnew %q\npatch\n%s\ngot %q", i, old, new, p, got)
		}
		// Hunk headers count the body lines.
		hs := parseHunks(p)
		bodies := strings.Split(p, "\n@@")
		for k, h := range hs {
			old, new := 0, 0
			for _, l := range strings.Split(bodies[k], "\n")[1:] {
				switch l[0] {
				case ' ':
					old++
					new++
				case '-':
					old++
				case '+':
					new++
				}
			}
			if old != h.oldCount || new != h.newCount {
				t.Fatalf("case %d: hunk %d header %+v, body has %d/%d lines:\n%s", i, k, h, old, new, p)
			}
		}
	}
}
