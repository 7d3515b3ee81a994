package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML193 = &Rule{
	ID:         "AIML193",
	Title:      "Byzantine worker attacks",
	Section:    "2.2.1",
	Severity:   Medium,
	References: []string{"CWE-20", "CWE-1284", "OWASP ML10", "OWASP ML02", "MITRE ATLAS AML.T0020", "MITRE ATLAS AML.T0031"},
	Fix:        Guidance,
	EditFix:    Unsafe,
	EditFixDoc: "When the update is a tensor built by `torch.tensor`, `torch.as_tensor`, `torch.from_numpy`, " +
		"`torch.stack` or `torch.cat` (directly or reshaped by `view`/`view_as`/`reshape`/`flatten`/...) and the write " +
		"is a statement on its own line, the edit rejects the update right before that write: for a local variable " +
		"that every assignment in the function binds to one of those builders, it inserts " +
		"`if not torch.isfinite(t).all():` / `raise ValueError(\"non-finite values in t\")`; for such a call written " +
		"straight into the gradient, parameter or vector, it first binds the call to a new local (`grad` for a " +
		"`.grad` write, `update` otherwise or when `grad` is taken; guidance when no candidate name is free in the " +
		"function and the module), checks that, then writes the local. `import torch` is added when the module " +
		"does not bind it. An update containing NaN or Inf then raises ValueError instead of reaching the model (a " +
		"web handler answers with a server error). The edit does not bound the norm; state dicts " +
		"(`load_state_dict`) and values of other shapes keep the guidance.",
	Message: "Update from a remote worker is applied to the model with no finiteness/norm check; one Byzantine worker can corrupt it.",
	Doc: "Numbers received from a worker or client over the network are written into model gradients or parameters " +
		"(`p.grad = ...`, in-place `copy_`/`add_`/`sub_`/`set_` on `.grad`/`.data`, `vector_to_parameters`, " +
		"`load_state_dict`) and the function never checks them for finiteness or bounds their norm. A single " +
		"Byzantine worker can push NaN/Inf or huge-norm updates into the shared model.",
	FixDoc: "Reject non-finite updates and bound their norm before applying, e.g. `if not torch.isfinite(g).all(): abort(400)` " +
		"and `g = g * min(1.0, MAX_NORM / (float(g.norm()) + 1e-12))`; prefer a robust aggregator (median / trimmed mean).",
	Example: `@app.post("/update")
def apply_update():
    payload = request.get_json()
    for p, g in zip(model.parameters(), payload["grads"]):
        p.grad = torch.tensor(g, dtype=p.dtype)
    optimizer.step()
    return {"status": "applied"}`,
	SafeExample: `@app.post("/update")
def apply_update():
    payload = request.get_json()
    for p, g in zip(model.parameters(), payload["grads"]):
        t = torch.tensor(g, dtype=p.dtype)
        if not torch.isfinite(t).all():
            abort(400)
        p.grad = t
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    return {"status": "applied"}`,
	Kinds: []Kind{KAssignment, KCall},
	Check: func(p *Pass, n *Node) {
		var value *Node
		if n.Kind == KAssignment {
			// (a) p.grad = <update>
			if !endsInAttr(n.Field("left"), "grad") {
				return
			}
			value = n.Field("right")
			for value != nil && value.Kind == KAssignment {
				value = value.Field("right")
			}
		} else {
			c, _ := p.AsCall(n)
			switch {
			case inPlaceUpdates193[c.Method()] && endsInAttr(c.Receiver(), "grad", "data"): // (b)
				value = c.Arg(0, "src", "other", "source")
			case c.Is(vectorToParameters193...): // (c)
				value = c.Arg(0, "vec")
			case c.Method() == "load_state_dict": // (d)
				value = c.Arg(0, "state_dict")
			default:
				return
			}
		}
		if value == nil {
			return
		}
		label := p.Taint(value, taint193) & RemoteTaint
		if label == 0 || validated193(p, n, value) {
			return
		}
		var fd *Finding
		if n.Kind == KAssignment {
			fd = p.Report(n, fix193(p, n, value))
		} else {
			c, _ := p.AsCall(n)
			fd = p.ReportCall(c, fix193(p, n, value))
		}
		fd.Message = message193(label)
	},
}

// message193 names the sender the update came from.
func message193(label Label) string {
	from := "a remote worker"
	switch {
	case label&Peer != 0:
		from = "a federated client"
	case label&Net == 0:
		from = "a request"
	}
	return "Update from " + from + " is applied to the model with no finiteness/norm check; one Byzantine sender can corrupt it."
}

func init() { register(AIML193) }
