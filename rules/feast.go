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
		return feastDistinctive[m] && p.Imports("feast") && !feastOtherLocalClass(p, c.Receiver())
	}
	return false
}

// feastOtherLocalClass reports whether recv is bound (§3.4) to an instance
// of a class defined in this module: TypeOf leaves it untyped, but it is a
// known type that is not FeatureStore, so even the distinctive method names
// do not make it a FEAST STORE call.
func feastOtherLocalClass(p *Pass, recv *Node) bool {
	ctor, ok := p.TypingCall(recv)
	return ok && p.LocalClass(ctor.Func) != nil
}

// feastStoreMethod reports whether c is a FEAST STORE call to one of
// methods (the generic names still need a typed receiver).
func feastStoreMethod(p *Pass, c Call, methods ...string) bool {
	m := c.Method()
	for _, want := range methods {
		if m == want {
			return feastStoreCall(p, c)
		}
	}
	return false
}

// feastApplyDeletes reports whether a FeatureStore.apply call deletes:
// apply(objects, objects_to_delete=None, partial=True) removes registry
// objects when objects_to_delete is passed, and with partial=False also
// tears down the infrastructure of the objects it no longer lists. The
// spec's keyword forms (`objects_to_delete=`, `partial=False`) and their
// positional equivalents (positional 1, positional 2 literal False) count.
// AIML181 (plain apply) and AIML184 (deleting apply) split on it.
func feastApplyDeletes(c Call) bool {
	if c.Keyword("objects_to_delete") != nil || c.Pos(1) != nil {
		return true
	}
	for _, partial := range []*Node{c.Kwarg("partial"), c.Pos(2)} {
		if l := LiteralValue(partial); l.Kind == LitBool && !l.Bool {
			return true
		}
	}
	return false
}

// feastEntityDF is the entity_df argument of get_historical_features
// (positional 0 or entity_df=): a DataFrame, or a SQL string that the
// offline store executes.
func feastEntityDF(c Call) *Node { return c.Arg(0, "entity_df") }

// feastFeatures is the features argument of get_historical_features
// (positional 1 or features=) or get_online_features (positional 0 or
// features=): a list of "view:feature" names or a FeatureService.
func feastFeatures(c Call) *Node {
	if c.Method() == "get_online_features" {
		return c.Arg(0, "features")
	}
	return c.Arg(1, "features")
}

// Feast classes the definition and store rules (AIML183–AIML189) match,
// each under its top-level export and its defining module.
var (
	// feastFeatureViews: feast.FeatureView (AIML186, AIML189).
	feastFeatureViews = []string{"feast.FeatureView", "feast.feature_view.FeatureView"}
	// feastStreamFeatureViews: feast.StreamFeatureView (AIML186).
	feastStreamFeatureViews = []string{"feast.StreamFeatureView", "feast.stream_feature_view.StreamFeatureView"}
	// feastBatchFeatureViews: feast.BatchFeatureView (AIML189).
	feastBatchFeatureViews = []string{"feast.BatchFeatureView", "feast.batch_feature_view.BatchFeatureView"}
	// feastStreamSources are the push/stream data sources whose rows arrive
	// in real time (AIML186).
	feastStreamSources = setOf(qualify("feast.", "PushSource", "KafkaSource", "KinesisSource"),
		qualify("feast.data_source.", "PushSource", "KafkaSource", "KinesisSource"))
)

// feastStoreCallsIn returns the FEAST STORE calls to method anywhere in the
// module, in source order.
func feastStoreCallsIn(p *Pass, method string) []Call {
	var out []Call
	for _, n := range CallsIn(p.Tree.Root()) {
		if c, _ := p.AsCall(n); feastStoreMethod(p, c, method) {
			out = append(out, c)
		}
	}
	return out
}
