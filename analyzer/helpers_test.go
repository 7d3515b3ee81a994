package analyzer

import (
	"context"
	"strings"
	"testing"
)

func parseFile(t *testing.T, src string) *File {
	t.Helper()
	f, err := NewFile(context.Background(), "app.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// nodeAt returns the first node (pre-order) of kind k whose text is text,
// after the n-th occurrence of marker in the source (marker "" = anywhere).
func nodeAt(t *testing.T, f *File, marker string, k Kind, text string) *Node {
	t.Helper()
	from := uint32(0)
	if marker != "" {
		i := strings.Index(string(f.Tree.Src), marker)
		if i < 0 {
			t.Fatalf("marker %q not in source", marker)
		}
		from = uint32(i)
	}
	for i := range f.Tree.Nodes {
		n := &f.Tree.Nodes[i]
		if n.Start >= from && n.Kind == k && n.Text() == text {
			return n
		}
	}
	t.Fatalf("no %s %q after %q", k, text, marker)
	return nil
}
