package analyzer

import "testing"

func TestTypeOf(t *testing.T) {
	src := `from sklearn.preprocessing import StandardScaler, MinMaxScaler
import gradio as gr
from typing import Optional
import feast

GLOBAL = StandardScaler()
TWICE = StandardScaler()
TWICE = MinMaxScaler()

class Svc:
    def __init__(self):
        self.scaler = StandardScaler()
        self.mixed = StandardScaler()
        self.model = load()

    def reset(self):
        self.mixed = MinMaxScaler()

    def run(self, x):
        self.scaler.fit(x)          # T1
        self.mixed.fit(x)           # T2
        self.model.fit(x)           # T3

def f(x, s: StandardScaler, o: Optional[MinMaxScaler] = None):
    a = StandardScaler()
    a.fit(x)                        # T4
    a = make()
    a.fit(x)                        # T5
    GLOBAL.fit(x)                   # T6
    TWICE.fit(x)                    # T7
    s.fit(x)                        # T8
    o.fit(x)                        # T9
    StandardScaler().fit(x).transform(x)  # T10
    b = StandardScaler().fit(x)
    b.transform(x)                  # T11
    with gr.Blocks() as demo:
        demo.launch()               # T12
    store = feast.FeatureStore(repo_path=".")
    store.push("s", x)              # T13

def g(x):
    GLOBAL = other()
    GLOBAL.fit(x)                   # T14
`
	f := parseFile(t, src)
	cases := []struct{ marker, want string }{
		{"# T1", "sklearn.preprocessing.StandardScaler"},
		{"# T2", ""}, // two constructors: ambiguous
		{"# T3", ""}, // unknown function return
		{"# T4", "sklearn.preprocessing.StandardScaler"},
		{"# T5", ""}, // rebound
		{"# T6", "sklearn.preprocessing.StandardScaler"},
		{"# T7", ""}, // assigned twice at module level
		{"# T8", "sklearn.preprocessing.StandardScaler"},
		{"# T9", "sklearn.preprocessing.MinMaxScaler"},
		{"# T10", "sklearn.preprocessing.StandardScaler"},
		{"# T11", "sklearn.preprocessing.StandardScaler"},
		{"# T12", "gradio.Blocks"},
		{"# T13", "feast.FeatureStore"},
		{"# T14", ""}, // local shadows the module-level name
	}
	for _, c := range cases {
		line := lineOf(f, c.marker)
		var recv *Node
		for i := range f.Tree.Nodes {
			n := &f.Tree.Nodes[i]
			if n.Kind == KCall && n.Line() == line {
				recv = n // the last (outermost-last) call on the line is the method call
				cl, _ := f.AsCall(n)
				if cl.Receiver() != nil {
					recv = cl.Receiver()
					break
				}
			}
		}
		if got := f.TypeOf(recv); got != c.want {
			t.Errorf("%s: TypeOf(%s) = %q, want %q", c.marker, recv.Text(), got, c.want)
		}
	}
}
