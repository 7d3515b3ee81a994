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
// that an aggregate method passes it to. The callee's parameter takes the
// label when the argument at one of those call sites is peer-tainted by
// the caller's own (intra-procedural) taint. Only calls made directly in
// an aggregate method count, and an aggregate method never takes a label
// from its callers, so the flow stops after one call: what the callee
// passes on is intra-procedural again. Return values do not flow back.
// Every other label stays intra-procedural (§3.6).

// FlowerStrategyPrefix is the package whose classes are Flower strategies.
const FlowerStrategyPrefix = "flwr.server.strategy."

// peerPropagators pass PEER-TAINT through (and nothing else: §3.6 lists no
// such call for the other labels): Flower's decoder of a client's
// Parameters, defined in flwr/common/parameter.py and re-exported by
// flwr.common, and its name before flwr 1.0 (parameters_to_weights).
var peerPropagators = Set([]string{"flwr.common.parameters_to_ndarrays", "flwr.common.parameter.parameters_to_ndarrays",
	"flwr.common.parameters_to_weights", "flwr.common.parameter.parameters_to_weights"})

// peerOnly keeps the peer part of l: PeerTaint when l is peer-tainted.
func peerOnly(l Label) Label {
	if l&Peer != 0 {
		return PeerTaint
	}
	return 0
}

// IsFlowerStrategyClass reports whether class derives, directly or through
// classes of this module, from a class imported from flwr.server.strategy.
func (f *File) IsFlowerStrategyClass(class *Node) bool {
	if class == nil || !f.Imports("flwr") {
		return false
	}
	return f.classDerives(class, func(q string) bool { return strings.HasPrefix(q, FlowerStrategyPrefix) })
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

// peerArgTaint is the PEER-TAINT a parameter of fn receives one call deep:
// PeerTaint when an aggregate method of this module passes a peer-tainted
// argument for p (computed with spec), else 0.
func (f *File) peerArgTaint(fn *Func, p *Param, spec *TaintSpec) Label {
	if fn.PeerAggregate || !f.Imports("flwr") {
		return 0
	}
	if fn.peerArgs == nil {
		fn.peerArgs = f.inboundPeerArgs(fn.Scope)
	}
	for _, a := range fn.peerArgs[p] {
		if l := peerOnly(f.Taint(a, spec)); l != 0 {
			return l
		}
	}
	return 0
}

// inboundPeerArgs maps the parameters of callee to the arguments that the
// calls made directly in aggregate methods pass for them. The result is
// never nil, so it caches an empty answer too.
func (f *File) inboundPeerArgs(callee *Scope) map[*Param][]*Node {
	out := map[*Param][]*Node{}
	for _, s := range f.Funcs {
		if s == callee || !s.Func().PeerAggregate {
			continue
		}
		for _, n := range s.Calls() {
			c, _ := f.AsCall(n)
			target, shift := f.LocalCallee(s, c)
			if target != callee {
				continue
			}
			for p, args := range bindArgs(c, callee, shift) {
				out[p] = append(out[p], args...)
			}
		}
	}
	return out
}

// LocalCallee resolves a call made in caller to a function of this module:
// `self.m(...)` (the caller's first parameter as receiver) with m a method
// defined once in the caller's class, or `g(...)` with g bound once, to a
// def, in the scope the name resolves to. shift is the number of leading
// callee parameters the call does not pass (1 for self/cls of a method
// called through self, 0 for a staticmethod or a plain function). nil when
// the callee is not such a function.
func (f *File) LocalCallee(caller *Scope, c Call) (callee *Scope, shift int) {
	fn := Unparen(c.Func)
	if fn == nil || c.Node == nil {
		return nil, 0
	}
	switch fn.Kind {
	case KAttribute:
		recv, class := Unparen(c.Receiver()), caller.Class()
		if class == nil || recv == nil || recv.Kind != KIdentifier || len(caller.Params) == 0 ||
			!recv.Is(caller.Params[0].Name) || isStaticMethod(f, caller.Node) {
			return nil, 0
		}
		// The receiver must still be the caller's self parameter.
		if d := caller.DefAt(recv.Text(), recv.Start); d == nil || d.Kind != DefParam {
			return nil, 0
		}
		cs := f.ScopeFor(class)
		if cs == nil {
			return nil, 0
		}
		defs := cs.Defs(c.Method())
		if len(defs) != 1 || defs[0].Kind != DefFunc {
			return nil, 0
		}
		callee = f.ScopeFor(defs[0].Stmt)
		if callee == nil {
			return nil, 0
		}
		if isStaticMethod(f, callee.Node) {
			return callee, 0
		}
		return callee, 1
	case KIdentifier:
		sc := f.ScopeOf(fn).lookupScope(fn.Text())
		if sc == nil {
			return nil, 0
		}
		defs := sc.Defs(fn.Text())
		if len(defs) != 1 || defs[0].Kind != DefFunc {
			return nil, 0
		}
		return f.ScopeFor(defs[0].Stmt), 0
	}
	return nil, 0
}

func isStaticMethod(f *File, def *Node) bool {
	for _, d := range decoratorsOf(def) {
		if f.Qualname(d) == "builtins.staticmethod" {
			return true
		}
	}
	return false
}

// bindArgs maps the arguments of c to the parameters of callee, skipping
// the first shift parameters: positional arguments by position (extra ones
// to *args), keyword arguments by name (unknown ones to **kwargs).
// Positions after a *splat argument are unknown and left out.
func bindArgs(c Call, callee *Scope, shift int) map[*Param][]*Node {
	out := map[*Param][]*Node{}
	var params []*Param
	if shift <= len(callee.Params) {
		params = callee.Params[shift:]
	}
	var star, kwStar *Param
	starAt := len(params) // positions from here on go to *args (or nowhere)
	byName := map[string]*Param{}
	for i, p := range params {
		switch {
		case isKwSplat(p):
			kwStar = p
			starAt = min(starAt, i)
		case p.Splat:
			star = p
			starAt = min(starAt, i)
		default:
			byName[p.Name] = p
		}
	}
	for i := 0; ; i++ {
		a := c.Pos(i)
		if a == nil {
			break
		}
		switch {
		case i < starAt:
			out[params[i]] = append(out[params[i]], a)
		case star != nil:
			out[star] = append(out[star], a)
		}
	}
	if c.Args != nil {
		for a := c.Args.FirstChild(); a != nil; a = a.NextSibling() {
			if a.Kind != KKeywordArgument {
				continue
			}
			name, v := a.Field("name"), a.Field("value")
			if name == nil || v == nil {
				continue
			}
			if p := byName[name.Text()]; p != nil {
				out[p] = append(out[p], v)
			} else if kwStar != nil {
				out[kwStar] = append(out[kwStar], v)
			}
		}
	}
	return out
}

// isKwSplat reports whether p is a **kwargs parameter.
func isKwSplat(p *Param) bool {
	if !p.Splat || p.Node == nil {
		return false
	}
	if p.Node.Kind == KDictSplatPattern {
		return true
	}
	c := p.Node.NamedChild(0) // typed_parameter: **kwargs: T
	return c != nil && c.Kind == KDictSplatPattern
}
