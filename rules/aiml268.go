package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML268 = &Rule{
	ID:         "AIML268",
	Title:      "Missing drift detection",
	Section:    "2.4.1",
	Severity:   Medium,
	References: []string{"CWE-252", "CWE-778"},
	Fix:        Guidance,
	EditFix:    Unsafe,
	EditFixDoc: "When the discarded call is `.predict(...)` on a line of its own, wrap it as " +
		"`if <call>[\"data\"][\"is_drift\"]:` followed by `logging.warning(\"data drift detected\")` (importing " +
		"`logging` if needed): a detected drift is now logged as a warning.",
	Message: "Drift detector result is discarded; is_drift is never checked, so drift goes unnoticed.",
	Doc: "An alibi-detect drift detector is run but its verdict is thrown away: `.predict()`/`.score()` is a bare " +
		"expression statement, so `is_drift` is never checked and drift goes unreported while the code looks " +
		"monitored.",
	FixDoc: "Keep and act on the result: `preds = cd.predict(x)` then `if preds[\"data\"][\"is_drift\"]: alert(...)`.",
	Example: `def nightly_check(x_ref, batch, logger):
    cd = KSDrift(x_ref, p_val=0.01)
    cd.predict(batch)
    logger.info("drift check finished for %d rows", len(batch))`,
	SafeExample: `def nightly_check(x_ref, batch, logger):
    cd = KSDrift(x_ref, p_val=0.01)
    if cd.predict(batch)["data"]["is_drift"]:
        logger.error("data drift detected")`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if m := c.Method(); m != "predict" && m != "score" {
			return
		}
		if _, ok := detectorTypeDrift(p, c.Receiver()); !ok {
			return
		}
		stmt, awaited := bareStatementDrift(n)
		if stmt == nil {
			return
		}
		p.ReportCall(c, fix268(p, c, stmt, awaited))
	},
}

// fix268 turns a bare `cd.predict(x)` statement into a check of its
// verdict that logs a warning. alibi-detect's predict always returns
// {"meta": ..., "data": {"is_drift": ...}} (score returns a tuple, so it
// keeps the guidance).
func fix268(p *Pass, c Call, stmt *Node, awaited bool) *Fix {
	if c.Method() != "predict" || awaited || !ownLineDrift(p, stmt) {
		return p.Guidance()
	}
	expr := stmt.NamedChild(0)
	call := codeText(c.Node, 40)
	b := p.NewFix(Unsafe, "Check the verdict of `"+call+"` and log a warning when it reports drift.", stmt).
		Changing("when the detector reports drift, a warning is now logged through the root logger.")
	warn := b.Attr("logging", "warning")
	b.Add(Edit{Start: stmt.Start, End: stmt.Start, NewText: "if "},
		Edit{Start: expr.End, End: expr.End, NewText: `["data"]["is_drift"]:`},
		InsertBlockAfter(stmt, "    "+warn+`("data drift detected")`))
	return b.Build(p.Guidance())
}

func init() { register(AIML268) }
