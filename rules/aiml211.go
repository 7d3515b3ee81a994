package rules

import (
	"sort"

	. "github.com/pyguard/pyguard/analyzer"
)

var AIML211 = &Rule{
	ID:         "AIML211",
	Title:      "Multi-GPU synchronization attacks",
	Section:    "2.2.2",
	Severity:   Low,
	References: []string{"CWE-362", "CWE-667"},
	Fix:        Safe,
	Message:    "Non-blocking device-to-host copy is read without synchronising; the CPU tensor may still hold stale or partial data.",
	Doc: "`t.to(\"cpu\", non_blocking=True)` returns at once while the device-to-host copy is still in flight on the " +
		"CUDA stream. Reading the CPU tensor (`.tolist()`, `.numpy()`, indexing, returning it) before " +
		"`torch.cuda.synchronize()` or an event/stream `synchronize()` can observe stale or partially copied data — " +
		"in a server, possibly bytes of a previous request's result.",
	FixDoc: "Make the copy blocking: replace `non_blocking=True` with `non_blocking=False` (or synchronise the stream " +
		"before the first read).",
	Example: `def predict(batch):
    logits = model(batch.cuda())
    host = logits.to("cpu", non_blocking=True)
    return host.argmax(dim=-1).tolist()`,
	SafeExample: `def predict(batch):
    logits = model(batch.cuda())
    host = logits.to("cpu", non_blocking=True)
    torch.cuda.synchronize()
    return host.argmax(dim=-1).tolist()`,
	Kinds: []Kind{KAssignment},
	Check: func(p *Pass, n *Node) {
		if n.Parent() == nil || n.Parent().Kind != KExpressionStatement {
			return // chained or annotated-only assignments
		}
		target := Unparen(n.Field("left"))
		c, ok := p.AsCall(n.Field("right"))
		if target == nil || target.Kind != KIdentifier || !ok {
			return
		}
		kw := nonBlockingCopyToCPU211(p, c)
		if kw == nil {
			return
		}
		s := p.ScopeOf(n)
		var def *Def
		for _, d := range s.Defs(target.Text()) {
			if d.Target == target {
				def = d
			}
		}
		if def == nil || !readBeforeSync211(p, s, def, n) {
			return
		}
		p.Report(kw, p.Edits(Safe, "Make this `"+codeText(c.Func, 30)+"` copy blocking (`non_blocking=False`), so `"+
			def.Name+"` holds the complete data when it is read.", ReplaceNode(Unparen(kw.Field("value")), "False")))
	},
}

// nonBlockingCopyToCPU211 returns the `non_blocking=True` keyword of a
// `<x>.to(<cpu>, non_blocking=True)` call, or nil.
func nonBlockingCopyToCPU211(p *Pass, c Call) *Node {
	if c.Method() != "to" || c.Callee() != "" {
		return nil
	}
	kw := c.Keyword("non_blocking")
	if kw == nil || !IsTrue(kw.Field("value")) {
		return nil
	}
	if !isCPUDevice211(p, c.Pos(0)) && !isCPUDevice211(p, c.Kwarg("device")) {
		return nil
	}
	return kw
}

// isCPUDevice211: the literal "cpu" or torch.device("cpu").
func isCPUDevice211(p *Pass, n *Node) bool {
	if IsStrLiteral(n, "cpu") {
		return true
	}
	if dc, ok := p.AsCall(n); ok && dc.Is("torch.device") && IsStrLiteral(dc.Arg(0, "type"), "cpu") && dc.Pos(1) == nil {
		return true
	}
	return false
}

// readBeforeSync211: the first read of def after the copy statement, not
// counting reads that start another non-blocking copy, has no synchronise
// call before it. A read that only stores the tensor (append, a
// subscript/attribute assignment) counts only when the function never
// synchronises after the copy.
func readBeforeSync211(p *Pass, s *Scope, def *Def, stmt *Node) bool {
	uses := s.Uses(def)
	sort.Slice(uses, func(i, j int) bool { return uses[i].Start < uses[j].Start })
	syncs := syncCalls211(p, s)
	syncBetween := func(from, to uint32) bool {
		for _, c := range syncs {
			if c.Start >= from && c.End <= to {
				return true
			}
		}
		return false
	}
	for _, u := range uses {
		if u.Start < stmt.End || feedsNonBlockingCopy211(p, u) {
			continue
		}
		if syncBetween(stmt.End, u.Start) {
			return false
		}
		if storesOnly211(p, u) && syncBetween(stmt.End, s.Node.End) {
			return false
		}
		return true
	}
	return false
}

// syncCalls211 are the calls of SCOPE s that synchronise the host with the
// device: torch.cuda.synchronize(), torch.accelerator.synchronize(),
// stream/event .synchronize().
func syncCalls211(p *Pass, s *Scope) []*Node {
	var out []*Node
	s.Walk(func(m *Node) {
		if m.Kind != KCall {
			return
		}
		c, _ := p.AsCall(m)
		if name := c.NameNode(); name != nil && name.Is("synchronize") {
			out = append(out, m)
		}
	})
	return out
}

// feedsNonBlockingCopy211: use u is the receiver or an argument of another
// `.to(..., non_blocking=True)`.
func feedsNonBlockingCopy211(p *Pass, u *Node) bool {
	par := u.Parent()
	switch {
	case par != nil && par.Kind == KAttribute && par.Field("object") == u:
		if c, ok := p.AsCall(par.Parent()); ok && c.Func == par {
			return c.Method() == "to" && IsTrue(c.Kwarg("non_blocking"))
		}
	case par != nil && par.Kind == KArgumentList:
		if c, ok := p.AsCall(par.Parent()); ok {
			return c.Method() == "to" && IsTrue(c.Kwarg("non_blocking"))
		}
	}
	return false
}

// storeMethods211 keep a reference without reading the data.
var storeMethods211 = map[string]bool{"append": true, "extend": true, "insert": true, "put": true,
	"put_nowait": true, "appendleft": true, "add": true}

// storesOnly211: use u is an argument of a container's store method or the
// value assigned to a subscript or attribute.
func storesOnly211(p *Pass, u *Node) bool {
	par := u.Parent()
	if par == nil {
		return false
	}
	switch par.Kind {
	case KArgumentList:
		c, ok := p.AsCall(par.Parent())
		return ok && storeMethods211[c.Method()]
	case KAssignment:
		if par.Field("right") != u {
			return false
		}
		l := Unparen(par.Field("left"))
		return l != nil && (l.Kind == KSubscript || l.Kind == KAttribute)
	}
	return false
}

func init() { register(AIML211) }
