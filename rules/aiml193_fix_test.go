package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/pyguard/pyguard/analyzer"
)

// editRoundTrip applies the mechanical fix of rule r's finding on line,
// once as `pyguard scan --fix` does (Fix.Edits) and once as a pull-request
// suggestion does (Fix.PullRequestEdits). Each result must parse without
// errors and, re-analysed with every rule, have one finding of r fewer and
// no more findings of any other rule than before. It returns both results.
func editRoundTrip(t *testing.T, src string, r *analyzer.Rule, line int) (fixed, suggested string) {
	t.Helper()
	before, findings := countFindings(t, src)
	var fx *analyzer.Fix
	for _, fd := range findings {
		if fd.Rule == r && fd.Line == line {
			fx = fd.Fix
		}
	}
	if fx == nil {
		t.Fatalf("no %s finding on line %d (findings: %v)", r.ID, line, before)
	}
	if fx.Applicability != analyzer.Unsafe || len(fx.Edits) == 0 || fx.Behavior == "" {
		t.Fatalf("%s line %d: want an unsafe edit with a behaviour, got %+v", r.ID, line, fx)
	}
	var out [2]string
	for i, edits := range [][]analyzer.Edit{fx.Edits, fx.PullRequestEdits()} {
		b, err := analyzer.ApplyEdits([]byte(src), edits)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = string(b)
		after, _ := countFindings(t, out[i])
		if after[r.ID] != before[r.ID]-1 {
			t.Errorf("%s: %d findings after the fix, want %d:\n%s", r.ID, after[r.ID], before[r.ID]-1, out[i])
		}
		for id, n := range after {
			if id != r.ID && n > before[id] {
				t.Errorf("the %s fix makes %s report (%d, was %d):\n%s", r.ID, id, n, before[id], out[i])
			}
		}
	}
	return out[0], out[1]
}

// countFindings runs every rule on src (which must parse cleanly) and
// counts findings per rule.
func countFindings(t *testing.T, src string) (map[string]int, []*analyzer.Finding) {
	t.Helper()
	f, err := analyzer.NewFile(context.Background(), "app.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if f.Tree.HasSyntaxErrors() {
		t.Fatalf("syntax errors in:\n%s", src)
	}
	findings, errs := analyzer.NewEngine(All()).Run(f)
	for _, e := range errs {
		t.Error(e)
	}
	n := map[string]int{}
	for _, fd := range findings {
		n[fd.Rule.ID]++
	}
	return n, findings
}

// fixOn returns the fix of rule r's finding on line (nil when none).
func fixOn(t *testing.T, src string, r *analyzer.Rule, line int) *analyzer.Fix {
	t.Helper()
	_, findings := countFindings(t, src)
	for _, fd := range findings {
		if fd.Rule == r && fd.Line == line {
			return fd.Fix
		}
	}
	t.Fatalf("no %s finding on line %d", r.ID, line)
	return nil
}

func TestAIML193Fix(t *testing.T) {
	t.Run("spec example", func(t *testing.T) {
		src := `import torch
from flask import Flask, request

app = Flask(__name__)
model = torch.nn.Linear(4, 2)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)


@app.post("/update")
def apply_update():
    payload = request.get_json()
    for p, g in zip(model.parameters(), payload["grads"]):
        p.grad = torch.tensor(g, dtype=p.dtype)
    optimizer.step()
    return {"status": "applied"}
`
		fixed, _ := editRoundTrip(t, src, AIML193, 13)
		want := `        grad = torch.tensor(g, dtype=p.dtype)
        if not torch.isfinite(grad).all():
            raise ValueError("non-finite values in grad")
        p.grad = grad
`
		if !strings.Contains(fixed, want) {
			t.Errorf("fixed source lacks\n%s\ngot\n%s", want, fixed)
		}
	})

	t.Run("import torch added", func(t *testing.T) {
		src := `from torch import tensor
import zmq


def pull(model):
    sock = zmq.Context.instance().socket(zmq.PULL)
    msg = sock.recv_json()
    g = tensor(msg["g"])
    model.weight.grad = g
`
		fixed, suggested := editRoundTrip(t, src, AIML193, 9)
		guard := "    if not torch.isfinite(g).all():\n        raise ValueError(\"non-finite values in g\")\n    model.weight.grad = g\n"
		if !strings.Contains(fixed, "import zmq\nimport torch\n") || !strings.Contains(fixed, guard) {
			t.Errorf("--fix result:\n%s", fixed)
		}
		// The suggestion imports locally, right before the fixed statement.
		if !strings.Contains(suggested, "    g = tensor(msg[\"g\"])\n    import torch\n"+guard) {
			t.Errorf("suggestion result:\n%s", suggested)
		}
	})

	t.Run("multi-line builder call", func(t *testing.T) {
		src := `import torch
from flask import request


def apply(model):
    model.weight.data.sub_(
        torch.stack(
            [torch.tensor(r) for r in request.json["rows"]]
        )
    )
`
		fixed, _ := editRoundTrip(t, src, AIML193, 6)
		want := `    update = torch.stack(
        [torch.tensor(r) for r in request.json["rows"]]
    )
    if not torch.isfinite(update).all():
        raise ValueError("non-finite values in update")
    model.weight.data.sub_(
        update
    )
`
		if !strings.Contains(fixed, want) {
			t.Errorf("got\n%s", fixed)
		}
	})

	t.Run("multi-line string kept", func(t *testing.T) {
		src := "import torch\nfrom flask import request\n\n\ndef apply(model):\n    model.weight.data.sub_(\n        torch.tensor(request.json[\"\"\"a\n  b\"\"\"])\n    )\n"
		fixed, _ := editRoundTrip(t, src, AIML193, 6)
		if !strings.Contains(fixed, "    update = torch.tensor(request.json[\"\"\"a\n  b\"\"\"])\n") {
			t.Errorf("got\n%s", fixed)
		}
	})

	t.Run("tabs and CRLF kept", func(t *testing.T) {
		src := "import torch\r\nfrom flask import request\r\n\r\n\r\ndef apply(model):\r\n\tif True:\r\n\t\tmodel.weight.grad.copy_(torch.as_tensor(request.json[\"g\"]))\r\n"
		fixed, _ := editRoundTrip(t, src, AIML193, 7)
		want := "\t\tgrad = torch.as_tensor(request.json[\"g\"])\r\n\t\tif not torch.isfinite(grad).all():\r\n\t\t\traise ValueError(\"non-finite values in grad\")\r\n\t\tmodel.weight.grad.copy_(grad)\r\n"
		if !strings.Contains(fixed, want) {
			t.Errorf("got %q", fixed)
		}
	})

	t.Run("guidance forms", func(t *testing.T) {
		src := `import torch
from flask import request


def state(model):
    model.load_state_dict({k: torch.tensor(v) for k, v in request.json.items()})


def taken(model):
    grad, update = request.json["grad"], request.json["update"]
    model.weight.grad = torch.tensor(grad)


def raw(model):
    model.weight.grad = request.json["g"]


def mixed(model):
    g = torch.tensor(request.json["a"])
    if request.json.get("raw"):
        g = request.json["b"]
    model.weight.grad = g
`
		for _, line := range []int{6, 11, 15, 22} {
			if fx := fixOn(t, src, AIML193, line); fx.Applicability != analyzer.Guidance || len(fx.Edits) != 0 {
				t.Errorf("line %d: want guidance, got %+v", line, fx)
			}
		}
	})
}
