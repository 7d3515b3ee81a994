package rules

import . "github.com/pyguard/pyguard/analyzer"

// describeUpdate262 names the reference-update policy of an update_x_ref
// dict literal ({"last": n} or {"reservoir_sampling": n}) for the fix text.
func describeUpdate262(v *Node) string {
	l := LiteralValue(v)
	if l.Kind == LitDict && len(l.Elems) == 2 && l.Elems[0].Kind == LitStr {
		switch l.Elems[0].Str {
		case "last":
			return "the last batches seen"
		case "reservoir_sampling":
			return "a reservoir sample of live batches"
		}
	}
	return "live batches"
}

var AIML262 = &Rule{
	ID:         "AIML262",
	Title:      "Concept drift manipulation",
	Section:    "2.4.1",
	Severity:   Medium,
	References: []string{"CWE-693", "OWASP ML02", "MITRE ATLAS AML.T0031"},
	Fix:        Unsafe,
	Message:    "update_x_ref makes the drift baseline follow live traffic, so slow adversarial drift is absorbed. Keep a fixed, versioned reference.",
	Doc: "An alibi-detect drift detector built with `update_x_ref={\"last\": n}` or `{\"reservoir_sampling\": n}` " +
		"replaces its reference window with the batches it checks. An adversary who controls part of production " +
		"traffic can shift the distribution slowly and the baseline moves with it (\"boiling-frog\" drift), so " +
		"gradual concept or covariate drift is absorbed and never alerts.",
	FixDoc: "Remove the `update_x_ref=...` keyword argument: the reference stays fixed. Re-baseline through a " +
		"reviewed, versioned job instead.",
	Example: `def build_detector(x_ref):
    return MMDDrift(
        x_ref,
        backend="pytorch",
        p_val=0.05,
        update_x_ref={"reservoir_sampling": 1000},
    )`,
	SafeExample: `def build_detector(x_ref):
    return MMDDrift(x_ref, backend="pytorch", p_val=0.05)`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		name, ok := alibiCtorDrift(c)
		if !ok || onlineDrift(name) {
			return
		}
		kw := c.Keyword("update_x_ref")
		if kw == nil {
			return
		}
		v := kw.Field("value")
		if v == nil || LiteralValue(v).Kind == LitNone {
			return
		}
		fx := p.Edits(Unsafe, "Remove `"+codeText(kw, 50)+"` from `"+name+"(...)`, so its reference stays the "+
			"data it was built with.", removeKeywordDrift(p, kw)).
			Changing("the detector no longer replaces its reference with " + describeUpdate262(v) + "; drift is " +
				"measured against the original baseline until it is re-baselined.")
		p.Report(kw, fx)
	},
}

func init() { register(AIML262) }
