package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// Shared helpers of the 2.4.1 drift-detection batch (AIML261–AIML270).

// alibiBackendsDrift are the suffixes of alibi-detect's backend-specific
// detector classes (alibi_detect/cd/pytorch/mmd.py MMDDriftTorch,
// tensorflow/mmd.py MMDDriftTF, keops/mmd.py MMDDriftKeops,
// sklearn/classifier.py ClassifierDriftSklearn).
var alibiBackendsDrift = []string{"Torch", "TF", "Keops", "Sklearn"}

// alibiDriftClass returns the class name of qualified name q when q is an
// alibi-detect drift detector: a class under alibi_detect.cd (any
// submodule) whose name ends in Drift or DriftOnline, optionally followed by
// a backend suffix. Abstract bases (BaseUnivariateDrift, …) are not
// detectors anyone constructs.
func alibiDriftClass(q string) (string, bool) {
	if !strings.HasPrefix(q, "alibi_detect.cd.") {
		return "", false
	}
	name := q[strings.LastIndexByte(q, '.')+1:]
	if name == "" || name[0] == '_' || strings.HasPrefix(name, "Base") {
		return "", false
	}
	base := name
	for _, s := range alibiBackendsDrift {
		if b, ok := strings.CutSuffix(name, s); ok {
			base = b
			break
		}
	}
	if strings.HasSuffix(base, "Drift") || strings.HasSuffix(base, "DriftOnline") {
		return name, true
	}
	return "", false
}

// onlineDrift reports whether a detector class is an online one
// (MMDDriftOnline, CVMDriftOnline, MMDDriftOnlineTorch, …).
func onlineDrift(name string) bool { return strings.Contains(name, "DriftOnline") }

// alibiCtorDrift returns the detector class name of a constructor call.
func alibiCtorDrift(c Call) (string, bool) { return alibiDriftClass(c.Callee()) }

// detectorTypeDrift returns the detector class of a receiver typed (§3.4)
// as an alibi-detect drift detector.
func detectorTypeDrift(p *Pass, recv *Node) (string, bool) {
	if recv == nil {
		return "", false
	}
	return alibiDriftClass(p.TypeOf(recv))
}

// evidentlyRunnersDrift are the evidently classes whose .run(...) takes
// current and reference data: the 0.7+ Report (evidently.Report, also
// spelled evidently.core.report / evidently.future.report, canonicalised by
// the engine) and the legacy Report/TestSuite of <=0.6 and 0.7's
// evidently.legacy.
var evidentlyRunnersDrift = map[string]bool{
	"evidently.Report": true, "evidently.report.Report": true, "evidently.test_suite.TestSuite": true,
	"evidently.legacy.report.Report": true, "evidently.legacy.test_suite.TestSuite": true,
}

// evidentlyDataDrift returns the current and reference arguments of an
// evidently .run call: keywords for the legacy classes (their run is
// keyword-only), and positional 0/1 as well for evidently.Report, whose
// signature is run(current_data, reference_data=None, ...).
func evidentlyDataDrift(p *Pass, c Call) (cur, ref *Node, ok bool) {
	if c.Method() != "run" {
		return nil, nil, false
	}
	t := p.TypeOf(c.Receiver())
	if !evidentlyRunnersDrift[t] {
		return nil, nil, false
	}
	if t == "evidently.Report" {
		return c.Arg(0, "current_data"), c.Arg(1, "reference_data"), true
	}
	return c.Kwarg("current_data"), c.Kwarg("reference_data"), true
}

// promMetricClass returns the class name ("Histogram") of a prometheus_client
// metric type (the engine's re-export table maps prometheus_client.metrics
// and .core to prometheus_client), or "".
func promMetricClass(t string) string {
	name, ok := strings.CutPrefix(t, "prometheus_client.")
	switch {
	case !ok:
	case name == "Counter", name == "Gauge", name == "Histogram", name == "Summary", name == "Info", name == "Enum":
		return name
	}
	return ""
}

// promMetricDrift returns the metric class of a receiver typed as a
// prometheus_client metric, looking through `<metric>.labels(...)` (which
// returns the same type).
func promMetricDrift(p *Pass, recv *Node) string {
	recv = Unparen(recv)
	for i := 0; i < 4 && recv != nil; i++ {
		c, ok := p.AsCall(recv)
		if !ok || c.Method() != "labels" {
			break
		}
		recv = Unparen(c.Receiver())
	}
	if recv == nil {
		return ""
	}
	return promMetricClass(p.TypeOf(recv))
}

// scopeCallsDrift returns the calls of the SCOPE containing n (the function,
// or the module at top level), including those in nested lambdas and
// comprehensions but not in nested defs or classes, in source order.
func scopeCallsDrift(p *Pass, n *Node) []Call {
	s := p.FunctionScope(n)
	var out []Call
	s.Walk(func(m *Node) {
		if m.Kind == KCall {
			c, _ := p.AsCall(m)
			out = append(out, c)
		}
	})
	return out
}

// bareStatementDrift returns the expression statement whose whole
// expression is call (optionally parenthesised or awaited), or nil.
func bareStatementDrift(call *Node) (stmt *Node, awaited bool) {
	at := call
	for at.Parent() != nil && (at.Parent().Kind == KParenthesized || at.Parent().Kind == KAwait) {
		if at.Parent().Kind == KAwait {
			awaited = true
		}
		at = at.Parent()
	}
	s := at.Parent()
	if s == nil || s.Kind != KExpressionStatement || len(s.NamedChildren()) != 1 {
		return nil, false
	}
	return s, awaited
}

// ownLineDrift reports whether statement stmt has its lines to itself: it
// starts its line and only a comment follows it on its last line (so lines
// inserted at its indentation after it stay in its block).
func ownLineDrift(p *Pass, stmt *Node) bool {
	if par := stmt.Parent(); par == nil || (par.Kind != KBlock && par.Kind != KModule) {
		return false
	}
	t := p.Tree
	if _, col := t.Position(stmt.Start); col-1 != len(Indent(stmt)) {
		return false
	}
	endLine, _ := t.Position(stmt.End)
	rest := strings.TrimSpace(string(t.Src[stmt.End:t.LineEnd(endLine)]))
	return rest == "" || strings.HasPrefix(rest, "#")
}

// removeKeywordDrift deletes keyword argument kw. When kw stands on lines
// of its own (only indentation before it, and after it at most a comma and
// a comment), those whole lines go, so a comment about the removed argument
// does not move onto the previous argument's line; otherwise it is
// RemoveKeyword's edit.
func removeKeywordDrift(p *Pass, kw *Node) Edit {
	t := p.Tree
	src := t.Src
	startLine, _ := t.Position(kw.Start)
	ls := t.LineStart(startLine)
	if strings.TrimLeft(string(src[ls:kw.Start]), " \t") != "" {
		return RemoveKeyword(kw)
	}
	end := kw.End
	if nx := kw.NextSibling(); nx != nil && nx.Is(",") {
		end = nx.End
	}
	endLine, _ := t.Position(end)
	if nx := kw.NextSibling(); nx != nil && nx.Is(",") {
		nx = nx.NextSibling()
		if nx != nil && nx.Kind == KComment && nx.Line() == endLine {
			end = nx.End
		}
	} else if nx != nil && nx.Kind == KComment && nx.Line() == endLine {
		end = nx.End
	}
	le := t.LineEnd(endLine)
	if strings.TrimSpace(string(src[end:le])) != "" || int(le) >= len(src) {
		return RemoveKeyword(kw)
	}
	return Edit{Start: ls, End: le + 1}
}

// floatConversionsDrift accept "nan"/"inf" (AIML164's conversions).
var floatConversionsDrift = map[string]bool{"builtins.float": true, "numpy.float64": true, "numpy.float32": true,
	"numpy.double": true}

// floatBoundDrift reports whether v is a local variable whose visible
// binding converts with float(): an edit that stops using v would leave
// that conversion to AIML164 (§4 row 22 gives it to the sink rule only
// while the sink uses it), so such edits are not offered.
func floatBoundDrift(p *Pass, v *Node) bool {
	v = Unparen(v)
	if v == nil || v.Kind != KIdentifier {
		return false
	}
	d := p.ScopeOf(v).DefAt(v.Text(), v.Start)
	if d == nil || d.Value == nil || (d.Kind != DefAssign && d.Kind != DefAugment) {
		return false
	}
	found := false
	d.Value.Walk(func(m *Node) bool {
		if c, ok := p.AsCall(m); ok && floatConversionsDrift[c.Callee()] {
			found = true
		}
		return !found
	})
	return found
}
