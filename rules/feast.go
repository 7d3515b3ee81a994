package rules

import . "github.com/pyguard/pyguard/analyzer"

// FEAST STORE call (2.1 File-specific terms), shared by AIML172 and the
// Feast rules AIML176–AIML190.

// feastStoreType is the canonical receiver type (TypeOf folds
// feast.feature_store.FeatureStore into it).
const feastStoreType = "feast.FeatureStore"

// feastDistinctive are the FeatureStore method names that no common
// library shares, so an untyped receiver qualifies when the module imports
// feast. The generic names (apply, push, serve, teardown) always need a
// typed receiver, so DataFrame.apply never matches.
var feastDistinctive = map[string]bool{
	"get_historical_features": true, "get_online_features": true, "write_to_online_store": true,
	"write_to_offline_store": true, "delete_feature_view": true, "delete_feature_service": true,
	"delete_project": true, "serve_offline": true, "serve_ui": true,
}

// feastStoreCall reports whether c is a FEAST STORE call: a method call
// whose receiver is typed feast.FeatureStore, or, for the distinctive
// method names, an untyped receiver in a module that imports feast.
func feastStoreCall(p *Pass, c Call) bool {
	m := c.Method()
	if m == "" {
		return false
	}
	switch c.ReceiverType() {
	case feastStoreType:
		return true
	case "":
		return feastDistinctive[m] && p.Imports("feast")
	}
	return false
}
