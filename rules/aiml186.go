package rules

import . "github.com/pyguard/pyguard/analyzer"

// neverExpires186 reports whether a FeatureView ttl never expires values:
// absent or None (Feast's default is timedelta(days=0), "lives forever"),
// or a datetime.timedelta(...) whose arguments are all literal zeros.
func neverExpires186(p *Pass, ttl *Node) bool {
	if ttl == nil || LiteralValue(ttl).Kind == LitNone {
		return true
	}
	c, ok := p.AsCall(ttl)
	if !ok || !c.Is("datetime.timedelta") || c.Args == nil || c.HasArgsSplat() || c.HasKwargsSplat() {
		return false
	}
	for _, a := range c.Args.NamedChildren() {
		switch a.Kind {
		case KComment:
			continue
		case KKeywordArgument:
			a = a.Field("value")
		}
		if l := LiteralValue(a); (l.Kind != LitInt && l.Kind != LitFloat) || l.Num != 0 {
			return false
		}
	}
	return true
}

// streamSource186 reports whether source is a push/stream source
// constructor call, inline or bound to a name in the same SCOPE.
func streamSource186(p *Pass, source *Node) bool {
	source = Unparen(source)
	if source != nil && source.Kind == KIdentifier {
		d := p.ScopeOf(source).DefAt(source.Text(), source.Start)
		if d == nil || d.Kind != DefAssign || d.Unpacked {
			return false
		}
		source = d.Value
	}
	c, ok := p.AsCall(source)
	return ok && feastStreamSources[c.Callee()]
}

var AIML186 = &Rule{
	ID:         "AIML186",
	Title:      "Feature freshness attacks",
	Section:    "2.1.2",
	Severity:   Medium,
	References: []string{"CWE-613", "CWE-693"},
	Fix:        Guidance,
	Message:    "Real-time feature view never expires values (ttl 0/None): if ingestion stops, stale features are served forever. Set a ttl.",
	Doc: "A real-time (push- or stream-fed) Feast feature view never expires its values: `ttl` is absent (the " +
		"default `timedelta(days=0)` means \"lives forever\"), `None` or zero. If ingestion is stopped, delayed or " +
		"blocked (an outage, dropped pushes, an attacker suppressing events), the online store keeps serving the " +
		"last values indefinitely, e.g. a pre-fraud \"velocity=0\", instead of nulls the model can treat as unknown.",
	FixDoc: "Set `ttl` to the longest staleness the model tolerates (e.g. `timedelta(minutes=30)` for velocity " +
		"features), so stale rows are served as missing.",
	Example: `txn_push = PushSource(name="txn_push", batch_source=txn_batch)
txn_velocity = FeatureView(
    name="txn_velocity", entities=[card], source=txn_push,
    schema=[Field(name="txn_count_10m", dtype=Int64)],
)`,
	SafeExample: `txn_velocity = FeatureView(
    name="txn_velocity", entities=[card], source=txn_push, ttl=timedelta(minutes=30),
    schema=[Field(name="txn_count_10m", dtype=Int64)],
)`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		stream := c.Is(feastStreamFeatureViews...)
		if !stream && !c.Is(feastFeatureViews...) || c.HasKwargsSplat() {
			return
		}
		if online := LiteralValue(c.Kwarg("online")); online.Kind == LitBool && !online.Bool {
			return
		}
		if !neverExpires186(p, c.Kwarg("ttl")) || !stream && !streamSource186(p, c.Kwarg("source")) {
			return
		}
		if kw := c.Keyword("ttl"); kw != nil {
			p.Report(kw, p.Guidance())
			return
		}
		p.ReportCall(c, p.Guidance())
	},
}

func init() { register(AIML186) }
