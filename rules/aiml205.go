package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML205 = &Rule{
	ID:         "AIML205",
	Title:      "Collective operation manipulation",
	Section:    "2.2.1",
	Severity:   Medium,
	References: []string{"CWE-362", "CWE-667", "MITRE ATLAS AML.T0031"},
	Fix:        Safe,
	Message:    "Async collective handle is discarded and never waited; the tensor is used while the collective is still in flight.",
	Doc: "A `torch.distributed` collective called with `async_op=True` returns a work handle that must be waited on. " +
		"When the call is a bare statement the handle is discarded, so the tensor is read while the all-reduce or " +
		"broadcast is still in flight and results silently mix stale and partial values.",
	FixDoc: "Remove `async_op=True`: the collective becomes synchronous, which is what the surrounding code already assumes.",
	Example: `def sync_grads(model, world_size):
    for p in model.parameters():
        if p.grad is not None:
            dist.all_reduce(p.grad, op=dist.ReduceOp.SUM, async_op=True)
            p.grad /= world_size`,
	SafeExample: `def sync_grads(model, world_size):
    handles = [dist.all_reduce(p.grad, async_op=True) for p in model.parameters() if p.grad is not None]
    for h in handles:
        h.wait()`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !c.Is(collectives205...) || !discardedCall(n) {
			return
		}
		kw := c.Keyword("async_op")
		if kw == nil || !IsTrue(kw.Field("value")) {
			return
		}
		p.Report(kw, p.Edits(Safe, "Remove `"+codeText(kw, 30)+"` so this `"+codeText(c.Func, 40)+"` completes before "+
			"the next statement runs.", RemoveKeyword(kw)))
	},
}

// discardedCall: the call is the whole expression of an expression statement.
func discardedCall(call *Node) bool {
	at := call
	for at.Parent() != nil && at.Parent().Kind == KParenthesized {
		at = at.Parent()
	}
	stmt := at.Parent()
	return stmt != nil && stmt.Kind == KExpressionStatement && len(stmt.NamedChildren()) == 1
}

func init() { register(AIML205) }
