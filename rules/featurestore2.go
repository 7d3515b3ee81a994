package rules

import . "github.com/pyguard/pyguard/analyzer"

// Shared pieces of the Feast definition and store rules AIML183–AIML189:
// the Feast classes they construct-match (each under its top-level export
// and its defining module) and a module-wide FEAST STORE call query.

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
