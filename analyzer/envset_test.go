package analyzer

import (
	"fmt"
	"strings"
	"testing"
)

// envSetsIn lists every ENV-SET of the file as "line:K=value-text@reported-line".
func envSetsIn(f *File) []string {
	var out []string
	for i := range f.Tree.Nodes {
		n := &f.Tree.Nodes[i]
		for _, e := range f.EnvSets(n) {
			at := e.At
			if e.Call != nil {
				at = e.Call.NameNode()
			}
			out = append(out, fmt.Sprintf("%s=%s@%d", e.Key, e.Value.Text(), at.Line()))
		}
	}
	return out
}

func TestEnvSets(t *testing.T) {
	src := `import os
from os import environ as env, putenv
import os as operating

os.environ["A"] = "1"
os.environ.setdefault("B", "2")
os.environ.update({"C": "3", "D": x})
os.environ.update(E="5")
os.putenv("F", "6")
env["G"] = "7"
putenv("H", "8")
operating.environ["I"] = v
os.environ["J"], os.environ["K"] = "10", "11"
os.environ["L"] = os.environ["M"] = "12"
e2 = os.environ
e2["N"] = "13"
os.environ.update(
    dict_not_literal,
    O="15",
)
def f():
    os.environ["P"] = "16"

os.environ[key] = "no: key not a literal"
os.environ.setdefault("Q")
os.environ.get("R", "no: a read")
x = os.environ["S"]
d = {}
d["T"] = "no: not the environment"
os.environ["U"] += "no: augmented"
other.environ["V"] = "no"
os.environ.pop("W", None)
a, b = os.environ["X"], 1
`
	f := parseFile(t, src)
	got := strings.Join(envSetsIn(f), " ")
	want := strings.Join([]string{
		`A="1"@5`, `B="2"@6`, `C="3"@7`, `D=x@7`, `E="5"@8`, `F="6"@9`, `G="7"@10`, `H="8"@11`, `I=v@12`,
		`J="10"@13`, `K="11"@13`, `L="12"@14`, `M="12"@14`, `N="13"@16`, `O="15"@17`, `P="16"@22`,
	}, " ")
	if got != want {
		t.Errorf("EnvSets:\n got  %s\n want %s", got, want)
	}
}

// TestEnvSetKinds: every ENV-SET comes from an assignment or a call node.
func TestEnvSetKinds(t *testing.T) {
	f := parseFile(t, "import os\nos.environ['A'] = '1'\nos.putenv('B', '2')\n")
	n := 0
	for i := range f.Tree.Nodes {
		nd := &f.Tree.Nodes[i]
		if es := f.EnvSets(nd); len(es) > 0 {
			ok := false
			for _, k := range EnvSetKinds() {
				ok = ok || nd.Kind == k
			}
			if !ok {
				t.Errorf("ENV-SET from a %s node", nd.Kind)
			}
			n += len(es)
		}
	}
	if n != 2 {
		t.Errorf("%d ENV-SETs, want 2", n)
	}
}
