package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML203 = &Rule{
	ID:         "AIML203",
	Title:      "Mixed precision training risks",
	Section:    "2.2.1",
	Severity:   Medium,
	References: []string{"CWE-754", "CWE-682", "OWASP ML10", "MITRE ATLAS AML.T0031"},
	Fix:        Unsafe,
	Message:    "optimizer.step() bypasses GradScaler: scaled grads are applied and inf/NaN steps are not skipped. Use scaler.step(optimizer).",
	Doc: "With AMP loss scaling (`scaler.scale(loss).backward()`), calling `optimizer.step()` directly bypasses the " +
		"GradScaler: gradients are applied still multiplied by the loss scale and inf/NaN steps are not skipped, so one " +
		"batch that overflows (for example a crafted sample) writes inf/NaN into every weight.",
	FixDoc: "Replace `optimizer.step()` with `scaler.step(optimizer)` and, when the function has no `scaler.update()` " +
		"call, insert `scaler.update()` after the statement.",
	Example: `def train_epoch(model, loader):
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
    scaler = torch.cuda.amp.GradScaler()
    for x, y in loader:
        optimizer.zero_grad()
        with torch.autocast("cuda", dtype=torch.float16):
            loss = F.cross_entropy(model(x), y)
        scaler.scale(loss).backward()
        optimizer.step()`,
	SafeExample: `        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if c.Method() != "step" || c.Args == nil || len(c.Args.NamedChildren()) != 0 || !isTorchOptimizer(c.ReceiverType()) {
			return
		}
		scalers, stepped, updated := scalerUse203(p, p.FunctionScope(n), c.Receiver())
		if len(scalers) == 0 || stepped {
			return
		}
		fd := p.ReportCall(c, fix203(p, c, scalers, updated))
		// §4 row 18: online training on request data is AIML259(b)'s.
		fd.UnlessReportedBy([]string{"AIML259"}, c.NameNode())
	},
}

// scalerUse203 scans a function for enabled GradScalers S with an
// `S.scale(...)` call; stepped is true when a scaler steps this optimizer
// (`S.step(opt)`), updated when S.update() exists (for the single scaler
// the fix uses). The spec silences on any `S.step(...)`; stepping another
// optimizer does not count here, so with two optimizers (a GAN) fixing one
// step never silences the other.
func scalerUse203(p *Pass, s *Scope, opt *Node) (scalers []*Node, stepped, updated bool) {
	var steps, updates []*Node
	s.Walk(func(m *Node) {
		if m.Kind != KCall {
			return
		}
		c, _ := p.AsCall(m)
		r := c.Receiver()
		switch c.Method() {
		case "scale":
			if gradScalers203[p.TypeOf(r)] && !scalerDisabled203(p, r) {
				scalers = append(scalers, r)
			}
		case "step":
			if o := c.Arg(0, "optimizer"); o != nil && SameExpression(Unparen(o), Unparen(opt)) {
				steps = append(steps, r)
			}
		case "update":
			updates = append(updates, r)
		}
	})
	for _, st := range steps {
		if gradScalers203[p.TypeOf(st)] || sameAsAny(st, scalers) {
			stepped = true
		}
	}
	for _, u := range updates {
		if sameAsAny(u, scalers) {
			updated = true
		}
	}
	return scalers, stepped, updated
}

func sameAsAny(n *Node, list []*Node) bool {
	for _, x := range list {
		if SameExpression(n, x) {
			return true
		}
	}
	return false
}

// fix203: `O.step()` -> `S.step(O)` plus `S.update()` after the statement
// when the function never updates the scaler. Guidance when the function
// uses several scalers, or when the update line cannot be placed (the call
// is not a whole statement of its own line).
func fix203(p *Pass, c Call, scalers []*Node, updated bool) *Fix {
	s := scalers[0]
	for _, x := range scalers[1:] {
		if !SameExpression(x, s) {
			return p.Guidance()
		}
	}
	sText, oText := s.Text(), c.Receiver().Text()
	call := sText + ".step(" + oText + ")"
	edits := []Edit{ReplaceNode(c.Node, call)}
	desc := "Call `" + codeText(s, 40) + ".step(" + codeText(c.Receiver(), 40) + ")` instead of `" +
		codeText(c.Receiver(), 40) + ".step()`"
	// With several direct steps (a GAN's two optimizers) only the last one
	// gets the update, so applying every suggestion updates once per
	// iteration.
	if !updated && !laterDirectStep203(p, c) {
		stmt := Statement(c.Node)
		if stmt == nil || stmt.Kind != KExpressionStatement || Unparen(stmt.NamedChild(0)) != c.Node {
			return p.Guidance()
		}
		if _, col := p.Tree.Position(stmt.Start); col-1 != len(Indent(stmt)) {
			return p.Guidance()
		}
		edits = append(edits, InsertLineAfter(stmt, sText+".update()"))
		desc += " and add `" + codeText(s, 40) + ".update()` after it"
	}
	return p.Edits(Unsafe, desc+", so gradients are unscaled and inf/NaN steps are skipped.", edits...).
		Changing("steps with inf/NaN gradients are now skipped and the rest apply unscaled gradients, so " +
			"weight updates differ from before.")
}

// laterDirectStep203 reports whether the function calls `.step()` with no
// argument on another torch optimizer after c.
func laterDirectStep203(p *Pass, c Call) bool {
	later := false
	p.FunctionScope(c.Node).Walk(func(m *Node) {
		if m.Kind != KCall || m.Start <= c.Node.Start {
			return
		}
		k, _ := p.AsCall(m)
		if k.Method() == "step" && k.Args != nil && len(k.Args.NamedChildren()) == 0 && isTorchOptimizer(k.ReceiverType()) {
			later = true
		}
	})
	return later
}

func init() { register(AIML203) }
