package analyzer

import (
	"context"
	"strings"
	"testing"
)

func TestParseFlattensTree(t *testing.T) {
	src := "import pandas as pd\nx = pd.read_csv(path, sep=',')\n"
	tr, err := Parse(context.Background(), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var calls []string
	tr.Root().Walk(func(n *Node) bool {
		if n.Kind == KCall {
			calls = append(calls, n.Field("function").Text())
		}
		return true
	})
	if strings.Join(calls, ",") != "pd.read_csv" {
		t.Fatalf("calls = %v", calls)
	}
	call := findKind(tr, KCall)
	if got := call.Field("arguments").NamedChild(1).Field("name").Text(); got != "sep" {
		t.Fatalf("keyword = %q", got)
	}
	if l, c := tr.Position(call.Start); l != 2 || c != 5 {
		t.Fatalf("position = %d:%d", l, c)
	}
	if call.Parent().Kind != KAssignment || call.FieldName() != "right" {
		t.Fatalf("parent = %s field %q", call.Parent().Type(), call.FieldName())
	}
}

func findKind(t *Tree, k Kind) *Node {
	for i := range t.Nodes {
		if t.Nodes[i].Kind == k {
			return &t.Nodes[i]
		}
	}
	return nil
}
