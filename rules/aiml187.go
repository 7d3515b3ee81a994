package rules

import . "github.com/pyguard/pyguard/analyzer"

// fullNames187 is the effective full_feature_names of a
// get_historical_features(entity_df, features, full_feature_names) or
// get_online_features(features, entity_rows, full_feature_names) call:
// the bool literal, False when absent, and ok=false for any other value
// (or one a splat may pass).
func fullNames187(c Call) (value, ok bool) {
	v, known := c.LookupArg(2, "full_feature_names")
	if !known {
		return false, false
	}
	if v == nil {
		return false, true
	}
	l := LiteralValue(v)
	return l.Bool, l.Kind == LitBool
}

var AIML187 = &Rule{
	ID:         "AIML187",
	Title:      "Batch vs real-time inconsistencies",
	Section:    "2.1.2",
	Severity:   Low,
	References: []string{"CWE-704", "OWASP ML08"},
	Fix:        Unsafe,
	Message:    "full_feature_names differs between historical and online retrieval: serving features get different column names than training.",
	Doc: "The same module retrieves batch (historical) and real-time (online) Feast features with different " +
		"`full_feature_names` settings (absent means `False`). Columns are named `view__feature` in one path and " +
		"`feature` in the other, so the model is fed misaligned or missing columns at serving time, or name " +
		"collisions between views silently pick the wrong feature.",
	FixDoc: "On the `get_online_features` call, add or replace `full_feature_names=<the historical call's value>`. " +
		"Serving column names change to match training.",
	Example: `def training_frame(store, entities):
    return store.get_historical_features(entity_df=entities, features=SERVICE, full_feature_names=True).to_df()

def online_row(store, driver_id):
    return store.get_online_features(features=SERVICE, entity_rows=[{"driver_id": driver_id}]).to_dict()`,
	SafeExample: `def online_row(store, driver_id):
    return store.get_online_features(features=SERVICE, entity_rows=[{"driver_id": driver_id}], full_feature_names=True).to_dict()`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if c.Method() != "get_online_features" || !feastStoreCall(p, c) {
			return
		}
		online, ok := fullNames187(c)
		if !ok {
			return
		}
		// The values of the module's historical retrievals: the fix needs
		// them all to be one literal.
		seen := map[bool]bool{}
		agree := true
		for _, h := range feastStoreCallsIn(p, "get_historical_features") {
			if v, ok := fullNames187(h); ok {
				seen[v] = true
			} else {
				agree = false
			}
		}
		if !seen[!online] {
			return
		}
		p.ReportCall(c, fix187(p, c, !online, agree && len(seen) == 1))
	},
}

// fix187 sets the online call's full_feature_names to the value every
// historical call uses (replacing a positional one in place); guidance when
// the historical calls do not all use one literal.
func fix187(p *Pass, c Call, value, agree bool) *Fix {
	if !agree {
		return GuidanceFix("Use one literal `full_feature_names` value for every historical and online retrieval in this " +
			"module, the one the model was trained with.")
	}
	text := "False"
	if value {
		text = "True"
	}
	desc := "Set `full_feature_names=" + text + "` on this `" + codeText(c.Func, 60) + "`, so its columns are named " +
		"as in the module's `get_historical_features` data."
	behavior := "online feature columns are now named `view__feature` instead of `feature`; code that reads them by " +
		"the short name must change."
	if !value {
		behavior = "online feature columns lose their `view__` prefix; code that reads the prefixed names must change, " +
			"and two views with the same feature name collide."
	}
	if pos := c.Pos(2); pos != nil {
		return p.Edits(Unsafe, desc, ReplaceNode(pos, text)).Changing(behavior)
	}
	e, ok := SetKeyword(c, "full_feature_names", text)
	if !ok {
		return p.Guidance()
	}
	return p.Edits(Unsafe, desc, e).Changing(behavior)
}

func init() { register(AIML187) }
