package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// now180 are the "now" timestamps (NOW); pandas.to_datetime counts only
// with the literal "now" or "today".
var now180 = []string{"datetime.datetime.now", "datetime.datetime.utcnow", "datetime.datetime.today",
	"pandas.Timestamp.now", "pandas.Timestamp.utcnow", "pandas.Timestamp.today"}

func isNow180(c Call) bool {
	return c.Is(now180...) || c.Is("pandas.to_datetime") && IsStrLiteral(c.Arg(0, "arg"), "now", "today")
}

// stamped180 matches the two stamping forms around a NOW call and returns
// the entity frame's name V, the stamping statement and the binding of V
// that carries the stamp:
//
//	(a) V["…timestamp…"] = NOW        — V's binding visible at the statement
//	(b) V = X.assign(…timestamp…=NOW) — the binding this statement makes
func stamped180(p *Pass, now *Node) (name string, stmt *Node, def *Def, ok bool) {
	par := now.Parent()
	for par != nil && par.Kind == KParenthesized {
		par = par.Parent()
	}
	if par == nil {
		return "", nil, nil, false
	}
	s := p.ScopeOf(now)
	switch par.Kind {
	case KAssignment: // (a)
		if Unparen(par.Field("right")) != now {
			return "", nil, nil, false
		}
		left := Unparen(par.Field("left"))
		if left == nil || left.Kind != KSubscript {
			return "", nil, nil, false
		}
		v, key := Unparen(left.Field("value")), LiteralValue(left.Field("subscript"))
		if v == nil || v.Kind != KIdentifier || key.Kind != LitStr || !strings.Contains(key.Str, "timestamp") {
			return "", nil, nil, false
		}
		return v.Text(), par, s.DefAt(v.Text(), par.Start), true
	case KKeywordArgument: // (b)
		kw := par.Field("name")
		if kw == nil || !strings.Contains(kw.Text(), "timestamp") || Unparen(par.Field("value")) != now {
			return "", nil, nil, false
		}
		args := par.Parent()
		if args == nil || args.Parent() == nil {
			return "", nil, nil, false
		}
		assign, ok := p.AsCall(args.Parent())
		if !ok || assign.Method() != "assign" {
			return "", nil, nil, false
		}
		for _, d := range p.BindingsOf(assign.Node) {
			if d.Kind == DefAssign && !d.Unpacked && d.Target.Kind == KIdentifier {
				return d.Name, d.Stmt, d, true
			}
		}
	}
	return "", nil, nil, false
}

var AIML180 = &Rule{
	ID:         "AIML180",
	Title:      "Offline/online feature skew",
	Section:    "2.1.2",
	Severity:   Low,
	References: []string{"CWE-693", "OWASP ML08"},
	Fix:        Guidance,
	Message:    "Training entity_df stamped with now(): the point-in-time join leaks today's features into historical labels (train/serve skew).",
	Doc: "A training set is built with every entity row stamped \"now\" before Feast's " +
		"`get_historical_features`. The point-in-time join then returns today's feature values for historical " +
		"labels (future leakage). The model learns from features it never sees at serving time, and the " +
		"offline/online skew hides its real error. Only functions that also train (call `fit`) are reported: " +
		"batch scoring with \"now\" is Feast's documented pattern.",
	FixDoc: "Set the entity `event_timestamp` to the time each label was observed, so the join returns features " +
		"as they were at prediction time.",
	Example: `def build_and_train(labels, model):
    store = FeatureStore(repo_path=".")
    labels["event_timestamp"] = datetime.now()
    train = store.get_historical_features(entity_df=labels, features=store.get_feature_service("churn_v3")).to_df()
    model.fit(train.drop(columns=["churned"]), train["churned"])`,
	SafeExample: `def build_and_train(labels, model):
    store = FeatureStore(repo_path=".")
    labels["event_timestamp"] = labels["observed_at"]
    train = store.get_historical_features(entity_df=labels, features=store.get_feature_service("churn_v3")).to_df()
    model.fit(train.drop(columns=["churned"]), train["churned"])`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !isNow180(c) {
			return
		}
		name, stmt, def, ok := stamped180(p, n)
		if !ok {
			return
		}
		s := p.ScopeOf(n)
		if p.ScopeOf(stmt) != s || !fsScopeCallsMethod(p, s, "fit") {
			return
		}
		// A later get_historical_features in the SCOPE whose entity_df is V,
		// with the stamped binding of V still the visible one.
		for _, m := range s.Calls() {
			if m.Start < stmt.End {
				continue
			}
			g, _ := p.AsCall(m)
			if !feastStoreMethod(p, g, "get_historical_features") {
				continue
			}
			df := Unparen(feastEntityDF(g))
			if df != nil && df.Kind == KIdentifier && df.Is(name) && s.DefAt(name, df.Start) == def {
				p.ReportCall(c, p.Guidance())
				return
			}
		}
	},
}

func init() { register(AIML180) }
