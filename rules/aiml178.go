package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// evidentlyRunners178 are the evidently classes whose .run(current_data,
// reference_data) runs a drift check (legacy ≤0.6 and 0.7+ paths).
var evidentlyRunners178 = setOf([]string{"evidently.Report", "evidently.report.Report", "evidently.test_suite.TestSuite",
	"evidently.legacy.report.Report", "evidently.legacy.test_suite.TestSuite"})

// isAlibiDrift178: a class resolved in alibi_detect.cd (any submodule) whose
// name ends in Drift.
func isAlibiDrift178(c Call) bool {
	q := c.Callee()
	return strings.HasPrefix(q, "alibi_detect.cd.") && strings.HasSuffix(q, "Drift")
}

// alibiCtor178 finds the detector construction a `.predict` receiver is
// bound to in the receiver's SCOPE: a chained `Cls(R).predict(...)`, a name
// whose visible binding is `name = Cls(R)`, or the latest `self.<attr> =
// Cls(R)` before the call in the same SCOPE.
func alibiCtor178(p *Pass, c Call) (Call, bool) {
	recv := Unparen(c.Receiver())
	if recv == nil {
		return Call{}, false
	}
	var value *Node
	switch recv.Kind {
	case KCall:
		value = recv
	case KIdentifier:
		d := p.ScopeOf(recv).DefAt(recv.Text(), recv.Start)
		if d != nil && d.Kind == DefAssign && !d.Unpacked {
			value = d.Value
		}
	case KAttribute:
		if obj := Unparen(recv.Field("object")); obj == nil || obj.Kind != KIdentifier || !obj.Is("self") {
			return Call{}, false
		}
		s := p.ScopeOf(c.Node)
		s.Node.Walk(func(m *Node) bool {
			if m != s.Node && (m.Kind == KFunctionDefinition || m.Kind == KClassDefinition || m.Kind == KLambda) {
				return false
			}
			if m.Start >= c.Node.Start {
				return false
			}
			if (m.Kind == KAssignment || m.Kind == KAugmentedAssignment) && m.End <= c.Node.Start {
				ForTargets(m.Field("left"), func(t *Node) {
					if SameExpression(t, recv) {
						value = nil
						if m.Kind == KAssignment && Unparen(m.Field("left")) == t {
							value = m.Field("right")
							for value != nil && value.Kind == KAssignment {
								value = value.Field("right")
							}
						}
					}
				})
			}
			return true
		})
	}
	ctor, ok := p.AsCall(value)
	if !ok || !isAlibiDrift178(ctor) {
		return Call{}, false
	}
	return ctor, true
}

// alibiSelfCompare178 is case (a): `.predict(R)` on a detector constructed
// from R in the same SCOPE, R not rebound in between, the result used.
func alibiSelfCompare178(p *Pass, c Call) bool {
	if c.Method() != "predict" {
		return false
	}
	ctor, ok := alibiCtor178(p, c)
	if !ok {
		return false
	}
	ref, x := ctor.Arg(0, "x_ref"), c.Arg(0, "x")
	if _, ok := fsChain(ref); !ok || !SameExpression(ref, x) {
		return false
	}
	if fsRebound(p, p.ScopeOf(c.Node), ref, ctor.Node.End, c.Node.Start) {
		return false
	}
	// A discarded result is AIML268's (§4 row 21).
	return !discarded178(c.Node)
}

// discarded178: the call (optionally awaited) is a whole expression statement.
func discarded178(n *Node) bool {
	p := n.Parent()
	for p != nil && (p.Kind == KParenthesized || p.Kind == KAwait) {
		p = p.Parent()
	}
	return p != nil && p.Kind == KExpressionStatement
}

// evidentlySelfCompare178 is case (b): `.run` of a Report/TestSuite with a
// literal drift metric list, current and reference the same data.
func evidentlySelfCompare178(p *Pass, c Call) bool {
	if c.Method() != "run" || !evidentlyRunners178[c.ReceiverType()] {
		return false
	}
	cur, ref := c.Arg(0, "current_data"), c.Arg(1, "reference_data")
	if _, ok := fsChain(cur); !ok || !SameExpression(cur, ref) {
		return false
	}
	ctor, ok := p.TypingCall(c.Receiver())
	if !ok {
		return false
	}
	list := Unparen(ctor.Arg(0, "metrics", "tests"))
	if list == nil || list.Kind != KList {
		return false
	}
	for _, e := range list.NamedChildren() {
		if m, ok := p.AsCall(e); ok && strings.Contains(fsCalleeName(m), "Drift") {
			return true
		}
	}
	return false
}

var AIML178 = &Rule{
	ID:         "AIML178",
	Title:      "Feature drift without detection",
	Section:    "2.1.2",
	Severity:   Medium,
	References: []string{"CWE-693", "OWASP ML08", "MITRE ATLAS AML.T0015"},
	Fix:        Guidance,
	Message:    "Drift check compares data with itself (reference and current are the same): feature drift can never be detected.",
	Doc: "A feature drift check compares a dataset with itself: an alibi-detect drift detector built on `R` " +
		"then checks `R`, or an evidently Report/TestSuite with a drift metric runs with the same " +
		"`current_data` and `reference_data`. The statistical test can never report drift, so drifting or " +
		"poisoned features pass monitoring. This typically happens when the reference is \"refreshed\" from the " +
		"batch being checked.",
	FixDoc: "Build the reference once from a versioned training-time snapshot (e.g. " +
		"`np.load(\"artifacts/reference.npy\")`) and check each new batch against it.",
	Example: `def check_batch(batch):
    detector = KSDrift(batch, p_val=0.05)
    preds = detector.predict(batch)
    return bool(preds["data"]["is_drift"])`,
	SafeExample: `REFERENCE = np.load("artifacts/reference.npy")

def check_batch(batch):
    detector = KSDrift(REFERENCE, p_val=0.05)
    return bool(detector.predict(batch)["data"]["is_drift"])`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if alibiSelfCompare178(p, c) || evidentlySelfCompare178(p, c) {
			p.ReportCall(c, p.Guidance())
		}
	},
}

func init() { register(AIML178) }
