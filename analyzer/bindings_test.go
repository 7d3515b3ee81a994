package analyzer

import (
	"context"
	"testing"
)

func TestBindingsOfAndUses(t *testing.T) {
	src := `from sklearn.model_selection import train_test_split
a, b = train_test_split(X, y)
c = d = scaler.fit_transform(b)
e, f = scaler.transform(a), g(b)
print(c, d, c.shape, h(c=c), k.c)
c = 1
print(c)

def inner():
    return c
`
	f, err := NewFile(context.Background(), "m.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	calls := map[string]*Node{}
	for _, n := range CallsIn(f.Tree.Root()) {
		calls[n.Field("function").Text()] = n
	}
	names := func(defs []*Def) (out []string) {
		for _, d := range defs {
			out = append(out, d.Name)
		}
		return out
	}
	if got := names(f.BindingsOf(calls["train_test_split"])); len(got) != 2 || got[0] != "a" || got[1] != "b" {
		t.Fatalf("BindingsOf(split) = %v", got)
	}
	if got := names(f.BindingsOf(calls["scaler.fit_transform"])); len(got) != 2 || got[0] != "c" || got[1] != "d" {
		t.Fatalf("BindingsOf(fit_transform) = %v", got)
	}
	if got := names(f.BindingsOf(calls["scaler.transform"])); len(got) != 1 || got[0] != "e" {
		t.Fatalf("BindingsOf(transform) = %v", got)
	}
	if got := f.BindingsOf(calls["print"]); got != nil {
		t.Fatalf("BindingsOf(print) = %v", names(got))
	}
	c := f.BindingsOf(calls["scaler.fit_transform"])[0]
	uses := f.Module.Uses(c)
	// print(c, ...), c.shape, h(c=c) value: three reads; not the keyword
	// name, not k.c, not the later rebinding, not the use in inner().
	if len(uses) != 3 {
		var got []int
		for _, u := range uses {
			_, col := f.Tree.Position(u.Start)
			got = append(got, u.Line()*100+col)
		}
		t.Fatalf("Uses(c) = %v (line*100+col), want 3", got)
	}
	for _, u := range uses {
		if u.Line() != 5 {
			t.Fatalf("use on line %d", u.Line())
		}
	}
}

// A chained assignment binds each name once (it used to bind inner names
// twice, which broke "assigned exactly once" typing).
func TestChainedAssignmentBindsOnce(t *testing.T) {
	src := "a = b = c = StandardScaler()\n"
	f, err := NewFile(context.Background(), "m.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a", "b", "c"} {
		defs := f.Module.Defs(name)
		if len(defs) != 1 {
			t.Fatalf("%s bound %d times", name, len(defs))
		}
		if defs[0].Value == nil || defs[0].Value.Text() != "StandardScaler()" {
			t.Fatalf("%s value = %v", name, defs[0].Value)
		}
	}
}

func TestHasArgsSplat(t *testing.T) {
	f, err := NewFile(context.Background(), "m.py", []byte("f(*arrays, k=1)\ng(a, **kw)\n"))
	if err != nil {
		t.Fatal(err)
	}
	calls := CallsIn(f.Tree.Root())
	c0, _ := f.AsCall(calls[0])
	c1, _ := f.AsCall(calls[1])
	if !c0.HasArgsSplat() || c1.HasArgsSplat() {
		t.Fatalf("HasArgsSplat = %v, %v", c0.HasArgsSplat(), c1.HasArgsSplat())
	}
}
