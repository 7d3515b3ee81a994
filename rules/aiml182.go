package rules

import . "github.com/pyguard/pyguard/analyzer"

// adHocFeatures182 reports whether features is a non-empty list literal of
// str literals, or a name whose binding visible in the same SCOPE assigns one.
func adHocFeatures182(p *Pass, features *Node) bool {
	features = Unparen(features)
	if features == nil {
		return false
	}
	if features.Kind == KIdentifier {
		d := p.ScopeOf(features).DefAt(features.Text(), features.Start)
		if d == nil || d.Kind != DefAssign || d.Unpacked {
			return false
		}
		features = Unparen(d.Value)
		if features == nil {
			return false
		}
	}
	l := LiteralValue(features)
	if features.Kind != KList || l.Kind != LitList || len(l.Elems) == 0 {
		return false
	}
	for _, e := range l.Elems {
		if e.Kind != LitStr {
			return false
		}
	}
	return true
}

var AIML182 = &Rule{
	ID:         "AIML182",
	Title:      "Feature lineage missing",
	Section:    "2.1.2",
	Severity:   Low,
	References: []string{"CWE-778", "OWASP ML06"},
	Fix:        Guidance,
	Message:    "Training features listed ad hoc instead of a FeatureService: the registry has no lineage from this model to its features.",
	Doc: "A model is trained from Feast features listed ad hoc in code (a list of `\"view:feature\"` strings " +
		"passed to `get_historical_features` in a function that calls `fit`) rather than through a registered " +
		"FeatureService. Feast's feature services are the unit for tracking the features used by models; without " +
		"one the registry keeps no record of which feature views fed the model, so a poisoned feature cannot be " +
		"traced to the models that consumed it.",
	FixDoc: "Register a `FeatureService` for the model version and pass " +
		"`features=store.get_feature_service(\"<model>_vN\")`; log its name with the model.",
	Example: `def train(store, entity_df, model):
    df = store.get_historical_features(
        entity_df=entity_df,
        features=["driver_stats:conv_rate", "driver_stats:acc_rate"],
    ).to_df()
    model.fit(df[["conv_rate", "acc_rate"]], df["label"])`,
	SafeExample: `def train(store, entity_df, model):
    service = store.get_feature_service("driver_ranker_v2")
    df = store.get_historical_features(entity_df=entity_df, features=service).to_df()
    model.fit(df[["conv_rate", "acc_rate"]], df["label"])`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !feastStoreMethod(p, c, "get_historical_features") {
			return
		}
		features := feastFeatures(c)
		if !adHocFeatures182(p, features) || !fsScopeCallsMethod(p, p.ScopeOf(n), "fit") {
			return
		}
		p.Report(features, p.Guidance())
	},
}

func init() { register(AIML182) }
