package rules

import (
	"context"
	"fmt"
	"testing"

	"github.com/pyguard/pyguard/analyzer"
)

// runOnly analyses src with only the given rules and returns "line:ID" findings.
func runOnly(t *testing.T, src string, rules ...*analyzer.Rule) map[string]bool {
	t.Helper()
	f, err := analyzer.NewFile(context.Background(), "app.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	findings, errs := analyzer.NewEngine(rules).Run(f)
	for _, e := range errs {
		t.Error(e)
	}
	got := map[string]bool{}
	for _, fd := range findings {
		got[fmt.Sprintf("%d:%s", fd.Line, fd.Rule.ID)] = true
	}
	return got
}

// TestAIML164Ownership: §4 row 22 — when the float(...) result reaches,
// directly or through one local variable, an argument an owner rule
// reports, AIML164 stays silent. A stand-in owner reports `threshold=`.
func TestAIML164Ownership(t *testing.T) {
	owner := &analyzer.Rule{ID: "AIML168", Message: "owner", Kinds: []analyzer.Kind{analyzer.KCall},
		Check: func(p *analyzer.Pass, n *analyzer.Node) {
			c, _ := p.AsCall(n)
			if kw := c.Keyword("threshold"); kw != nil && p.Taint(kw.Field("value"), nil)&analyzer.WebTaint != 0 {
				p.Report(kw, nil)
			}
		}}
	src := `import numpy as np
from flask import request

def direct():
    return Sel(threshold=float(request.args["t"]))

def via_local():
    t = float(request.args["t"])
    return Sel(threshold=t)

def via_arith():
    t = float(request.args["t"]) / 100
    return Sel(threshold=t)

def unrelated():
    t = float(request.args["t"])
    return Sel(limit=t)
`
	got := runOnly(t, src, AIML164, owner)
	want := map[string]bool{
		"5:AIML168":  true,
		"9:AIML168":  true,
		"13:AIML168": true,
		"16:AIML164": true,
	}
	for k := range got {
		if !want[k] {
			t.Errorf("unexpected finding %s", k)
		}
	}
	for k := range want {
		if !got[k] {
			t.Errorf("missing finding %s", k)
		}
	}
	// Without the owner, every conversion is AIML164's.
	alone := runOnly(t, src, AIML164)
	for _, k := range []string{"5:AIML164", "8:AIML164", "12:AIML164", "16:AIML164"} {
		if !alone[k] {
			t.Errorf("without owner: missing %s (got %v)", k, alone)
		}
	}
}
