package rules

import . "github.com/pyguard/pyguard/analyzer"

// noSchema189 reports whether a schema= value declares no feature: absent,
// None, or an empty list/tuple literal.
func noSchema189(schema *Node) bool {
	if schema == nil {
		return true
	}
	l := LiteralValue(schema)
	return l.Kind == LitNone || (l.Kind == LitList || l.Kind == LitTuple) && len(l.Elems) == 0
}

var AIML189 = &Rule{
	ID:         "AIML189",
	Title:      "Schema evolution attacks",
	Section:    "2.1.2",
	Severity:   Low,
	References: []string{"CWE-20", "OWASP ML02"},
	Fix:        Guidance,
	Message:    "FeatureView has no schema: Feast infers features from source columns, so upstream schema changes ship as new features unreviewed.",
	Doc: "A Feast feature view declares no schema, so at the next `feast apply` every column that appears in the " +
		"upstream table becomes a registered, served feature, with whatever type the source now reports. An " +
		"upstream producer, or an attacker with write access to the table, can add or retype features without any " +
		"code review.",
	FixDoc: "Declare `schema=[Field(name=..., dtype=...), ...]` listing exactly the intended features (and entity join keys).",
	Example: `driver_stats = FeatureView(
    name="driver_stats", entities=[driver], ttl=timedelta(days=1),
    source=FileSource(path="data/driver_stats.parquet", timestamp_field="event_timestamp"),
)`,
	SafeExample: `driver_stats = FeatureView(
    name="driver_stats", entities=[driver], ttl=timedelta(days=1),
    schema=[Field(name="conv_rate", dtype=Float32), Field(name="acc_rate", dtype=Float32)],
    source=FileSource(path="data/driver_stats.parquet", timestamp_field="event_timestamp"),
)`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !c.Is(feastFeatureViews...) && !c.Is(feastBatchFeatureViews...) || c.HasKwargsSplat() {
			return
		}
		if !noSchema189(c.Kwarg("schema")) || c.Keyword("features") != nil {
			return
		}
		p.ReportCall(c, p.Guidance())
	},
}

func init() { register(AIML189) }
