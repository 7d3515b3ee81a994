package analyzer

import "testing"

// loadsArgTaint is the taint of the argument of the pickle.loads call on
// the line of marker.
func loadsArgTaint(t *testing.T, f *File, marker string) Label {
	t.Helper()
	line := lineOf(f, marker)
	for i := range f.Tree.Nodes {
		n := &f.Tree.Nodes[i]
		if c, ok := f.AsCall(n); ok && n.Line() == line && c.Is("pickle.loads") {
			return f.Taint(c.Pos(0), nil)
		}
	}
	t.Fatalf("no pickle.loads() on the line of %s", marker)
	return 0
}

func TestFlowerStrategyClassification(t *testing.T) {
	src := `import flwr as fl
from flwr.server.strategy import FedAvg, Strategy
from mylib.strategy import FedAvg as OtherFedAvg

class A(FedAvg):
    def aggregate_fit(self, server_round, results, failures):
        pass
    def aggregate_evaluate(self, rnd, res, failures):
        pass
    def configure_fit(self, server_round, parameters, client_manager):
        pass

class Base(fl.server.strategy.FedProx):
    pass

class B(Base):
    def aggregate_fit(self, server_round, results, failures):
        pass

class C(Strategy):
    def aggregate_fit(self, server_round, *rest):
        pass

class D(OtherFedAvg):
    def aggregate_fit(self, server_round, results, failures):
        pass

class E:
    def aggregate_fit(self, server_round, results, failures):
        pass
`
	f := parseFile(t, src)
	fns := funcsByName(f)
	want := map[string]string{ // function -> results parameter ("" when not an aggregate method)
		"A.aggregate_fit": "results", "A.aggregate_evaluate": "res", "B.aggregate_fit": "results", "C.aggregate_fit": "",
	}
	agg := map[string]bool{"A.aggregate_fit": true, "A.aggregate_evaluate": true, "B.aggregate_fit": true, "C.aggregate_fit": true}
	for name, fn := range fns {
		if fn.PeerAggregate != agg[name] {
			t.Errorf("%s: PeerAggregate = %v", name, fn.PeerAggregate)
		}
		if fn.IsRoute() {
			t.Errorf("%s: an aggregate method is not a ROUTE HANDLER", name)
		}
		for _, p := range fn.Scope.Params {
			l := fn.ParamLabel(p)
			if isResults := p.Name == want[name]; isResults != (l == PeerTaint) {
				t.Errorf("%s(%s): label = %b", name, p.Name, l)
			}
		}
	}
}

func TestTaintPeer(t *testing.T) {
	src := `import pickle
import io
import numpy as np
import flwr
from flwr.common import parameters_to_ndarrays
from flwr.server.strategy import FedAvg

class Strat(FedAvg):
    def aggregate_fit(self, server_round, results, failures):
        sink(results)                                   # P1
        for _, fit_res in results:
            sink(fit_res.metrics["blob"])               # P2
            sink(pickle.loads(fit_res.metrics["blob"])) # P3 the loader's result: a call does not propagate
            pickle.loads(fit_res.metrics["blob"])       # L1 the loader's argument
            sink(fit_res.num_examples)                  # P4
            sink(parameters_to_ndarrays(fit_res.parameters))  # P5 Flower's decoder propagates PEER-TAINT
            sink(flwr.common.parameters_to_ndarrays(fit_res.parameters))  # P6
            self._decode(fit_res)
            decode_blob(server_round, blob=fit_res.metrics["blob"])
            self._static(fit_res.parameters)
        sink(failures)                                  # P7
        sink(server_round)                              # P8
        weights = [(parameters_to_ndarrays(r.parameters), r.num_examples) for _, r in results]
        sink(weights)                                   # P9
        sink(parameters_to_ndarrays(self.initial))      # P10 server-side value
        self._clean(server_round)
        return super().aggregate_fit(server_round, results, failures)

    def aggregate_evaluate(self, server_round, res, failures):
        sink(res[0][1].metrics)                         # P11 results by position

    def _decode(self, res):
        sink(res)                                       # P12 one call deep: method of the same class
        sink(res.metrics["blob"])                       # P13
        obj = pickle.loads(res.metrics["blob"])         # L2 the loader's argument
        self._inner(res.metrics)
        helper(res)

    def _inner(self, metrics):
        sink(metrics)                                   # P14 two calls deep: not followed

    def _clean(self, server_round):
        sink(server_round)                              # P15 an untainted argument

    @staticmethod
    def _static(params):
        sink(params)                                    # P16 staticmethod: no self to skip

    def configure_fit(self, server_round, parameters, client_manager):
        self._decode(parameters)
        sink(parameters)                                # P17 not an aggregate method

def decode_blob(rnd, blob=None):
    sink(blob)                                          # P18 module function, by keyword
    sink(rnd)                                           # P19
    return pickle.loads(blob)                           # L3

def helper(x):
    sink(x)                                             # P20 called from _decode: two calls deep

class NotAStrategy:
    def aggregate_fit(self, server_round, results, failures):
        sink(results)                                   # P21
        self._decode(results)

    def _decode(self, res):
        sink(res)                                       # P22
        pickle.loads(res.metrics["blob"])               # L4
`
	f := parseFile(t, src)
	want := map[string]Label{
		"# P1": PeerTaint, "# P2": PeerTaint, "# P3": 0, "# P4": PeerTaint, "# P5": PeerTaint, "# P6": PeerTaint,
		"# P7": 0, "# P8": 0, "# P9": PeerTaint, "# P10": 0, "# P11": PeerTaint, "# P12": PeerTaint,
		"# P13": PeerTaint, "# P14": 0, "# P15": 0, "# P16": PeerTaint, "# P17": 0, "# P18": PeerTaint, "# P19": 0,
		"# P20": 0, "# P21": 0, "# P22": 0,
	}
	for m, w := range want {
		got := taintOf(t, f, m, nil)
		if got != w {
			t.Errorf("%s: taint = %b, want %b", m, got, w)
		}
		// PEER-TAINT ⊂ NET-TAINT ⊂ REMOTE-TAINT.
		if w != 0 && (got&Net == 0 || got&RemoteTaint == 0 || got&NetTaint == 0 || got&Peer == 0) {
			t.Errorf("%s: %b does not match the Net/Remote/Peer queries", m, got)
		}
	}
	// What pickle.loads receives (AIML192's sink argument).
	for m, w := range map[string]Label{"# L1": PeerTaint, "# L2": PeerTaint, "# L3": PeerTaint, "# L4": 0} {
		if got := loadsArgTaint(t, f, m); got != w {
			t.Errorf("%s: pickle.loads argument taint = %b, want %b", m, got, w)
		}
	}
	// A rule's own spec reaches the callee too (its propagators apply in the caller).
	spec := &TaintSpec{Propagators: Set([]string{"base64.b64decode"})}
	if got := taintOf(t, f, "# P12", spec); got != PeerTaint {
		t.Errorf("P12 with a rule spec: %b", got)
	}
}

// The one-level flow of peer updates is the module's general one
// (interproc.go): a network body received in an aggregate method flows into
// the callee like a peer update; a web value flows only from a ROUTE
// HANDLER's call site.
func TestTaintPeerFlowIsTheGeneralFlow(t *testing.T) {
	src := `import requests
from flask import Flask, request
from flwr.server.strategy import FedAvg
app = Flask(__name__)

class S(FedAvg):
    def aggregate_fit(self, server_round, results, failures):
        self._use(requests.get("http://x").content)
        use(request.args["q"])
        only_from_aggregate(request.args["q"])

    def _use(self, body):
        sink(body)                                      # Q1 NET-TAINT received in the caller

def use(q):
    sink(q)                                             # Q2 from the route only

def only_from_aggregate(q):
    sink(q)                                             # Q3 web data from a non-route caller

@app.post("/x")
def view():
    use(request.data)
`
	f := parseFile(t, src)
	for m, w := range map[string]Label{"# Q1": Net, "# Q2": WebBody, "# Q3": 0} {
		if got := taintOf(t, f, m, nil); got != w {
			t.Errorf("%s: taint = %b, want %b", m, got, w)
		}
	}
}
