package rules

import (
	"context"
	"testing"

	"github.com/pyguard/pyguard/analyzer"
)

// TestAIML203Ownership: §4 row 18 — a step() that AIML259(b) reports (a
// stand-in owner reporting "the call") is not reported by AIML203.
func TestAIML203Ownership(t *testing.T) {
	owner := &analyzer.Rule{ID: "AIML259", Message: "owner", Kinds: []analyzer.Kind{analyzer.KCall},
		Check: func(p *analyzer.Pass, n *analyzer.Node) {
			if c, _ := p.AsCall(n); c.Method() == "step" && p.EnclosingFunc(n).Name() == "learn" {
				p.ReportCall(c, nil)
			}
		}}
	src := `import torch


def learn(model, x):
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    scaler = torch.cuda.amp.GradScaler()
    scaler.scale(model(x).sum()).backward()
    opt.step()


def train(model, x):
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    scaler = torch.cuda.amp.GradScaler()
    scaler.scale(model(x).sum()).backward()
    opt.step()
`
	got := runOnly(t, src, AIML203, owner)
	if got["8:AIML203"] || !got["8:AIML259"] || !got["15:AIML203"] {
		t.Errorf("findings = %v, want 8:AIML259 and 15:AIML203 only", got)
	}
}

// TestIsRPCTargetLookup: the getattr feeding an AIML201 rpc call is
// recognised (for AIML242, §4 row 14), directly and through a variable.
func TestIsRPCTargetLookup(t *testing.T) {
	src := `import torch.distributed.rpc as rpc
import stages
from flask import request


def a():
    fn = getattr(stages, request.args["s"])
    return rpc.rpc_sync("w", fn)


def b():
    return rpc.rpc_async("w", getattr(stages, request.args["s"]))


def c():
    fn = getattr(stages, request.args["s"])
    return fn()


def d():
    return rpc.rpc_sync("w", getattr(stages, "fixed"))
`
	want := map[string]bool{"a": true, "b": true, "c": false, "d": false}
	probe := &analyzer.Rule{ID: "PROBE", Message: "probe", Kinds: []analyzer.Kind{analyzer.KCall},
		Check: func(p *analyzer.Pass, n *analyzer.Node) {
			c, _ := p.AsCall(n)
			if !c.Is("builtins.getattr") {
				return
			}
			name := p.EnclosingFunc(n).Name()
			if got := isRPCTargetLookup(p, n); got != want[name] {
				t.Errorf("isRPCTargetLookup in %s() = %v, want %v", name, got, want[name])
			}
		}}
	runOnly(t, src, probe)
}

// withCall runs fn on the call to f(...) in src.
func withCall(t *testing.T, src string, fn func(*analyzer.Pass, analyzer.Call)) {
	t.Helper()
	file, err := analyzer.NewFile(context.Background(), "m.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	probe := &analyzer.Rule{ID: "PROBE", Message: "probe", Kinds: []analyzer.Kind{analyzer.KCall},
		Check: func(p *analyzer.Pass, n *analyzer.Node) {
			if c, _ := p.AsCall(n); c.Func.Is("f") {
				fn(p, c)
			}
		}}
	if _, errs := analyzer.NewEngine([]*analyzer.Rule{probe}).Run(file); len(errs) > 0 {
		t.Fatal(errs)
	}
}
