package analyzer

import "strings"

// PEER-TAINT (§3.5): updates sent by the other participants of a federated
// job. In Flower (flwr), the server's Strategy receives every client's
// reply in
//
//	aggregate_fit(self, server_round, results, failures)
//	aggregate_evaluate(self, server_round, results, failures)
//
// where results is a list of (ClientProxy, FitRes) / (ClientProxy,
// EvaluateRes) pairs; FitRes has .status, .parameters, .num_examples and
// .metrics, EvaluateRes .status, .loss, .num_examples and .metrics, all
// chosen by the client. In such a method of a subclass (directly, or
// through classes of this module) of a class imported from
// flwr.server.strategy (Strategy, FedAvg, FedProx, …), the results
// parameter — by name, else the second parameter after self — carries the
// label PeerTaint (Net|Peer). The shared propagation carries it to the
// elements (`for _, fit_res in results`), their attributes and subscripts,
// and flwr.common.parameters_to_ndarrays(...) of them (peerPropagators).
//
// One call deep: PEER-TAINT is also followed into the methods of the same
// class (`self.m(res)`) and the functions of the same module (`g(res)`)
// that an aggregate method passes it to, and back out of the return of
// such a function (`w = self._decode(res)`). That is the module's general
// one-level flow (interproc.go), which carries NET-TAINT, so PEER-TAINT,
// from the function that receives it: the callee's parameter takes the
// label when the argument at one of those call sites is peer-tainted by
// the caller's own taint, and what the callee passes on is
// intra-procedural again.

// FlowerStrategyPrefix is the package whose classes are Flower strategies.
const FlowerStrategyPrefix = "flwr.server.strategy."

// peerPropagators pass PEER-TAINT through (and nothing else: §3.6 lists no
// such call for the other labels): Flower's decoder of a client's
// Parameters, defined in flwr/common/parameter.py and re-exported by
// flwr.common, and its name before flwr 1.0 (parameters_to_weights).
var peerPropagators = Set([]string{"flwr.common.parameters_to_ndarrays", "flwr.common.parameter.parameters_to_ndarrays",
	"flwr.common.parameters_to_weights", "flwr.common.parameter.parameters_to_weights"})

// peerOnly keeps the peer part of l: PeerTaint when l is peer-tainted.
// While a summary is computed (interproc.go) the parameter bits pass too:
// a helper returning parameters_to_ndarrays(param) depends on param.
func peerOnly(l Label) Label {
	if l&Peer != 0 {
		return PeerTaint | l&summaryBits
	}
	return l & summaryBits
}

// IsFlowerStrategyClass reports whether class derives, directly or through
// classes of this module, from a class imported from flwr.server.strategy.
func (f *File) IsFlowerStrategyClass(class *Node) bool {
	if class == nil || !f.Imports("flwr") {
		return false
	}
	return f.ClassDerives(class, func(q string) bool { return strings.HasPrefix(q, FlowerStrategyPrefix) })
}

// flowerResultsParam is the results parameter of an aggregate method: the
// parameter named results, else the one in Flower's position
// (self, server_round, results, failures).
func flowerResultsParam(s *Scope) *Param {
	for _, p := range s.Params {
		if p.Name == "results" && !p.Splat {
			return p
		}
	}
	for _, p := range s.Params {
		if p.Splat {
			return nil
		}
		if p.Index == 2 {
			return p
		}
	}
	return nil
}
