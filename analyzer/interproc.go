package analyzer

import "math/bits"

// One level of inter-procedural taint within a module.
//
// §3.6 keeps taint intra-procedural; the engine extends it by ONE level
// for WEB-TAINT and NET-TAINT (so PEER-TAINT, peer.go) across the LOCAL
// FUNCTIONS of the module: module-level defs, and methods of the caller's
// class called as `self.m(...)` / `cls.m(...)` (LocalCallee).
//
// Inbound (call site -> parameter). A parameter p of a local function F
// takes, in a rule's query, the taint of the arguments passed for p at the
// calls to F made directly in
//   - a ROUTE HANDLER of the module: WEB-TAINT and NET-TAINT;
//   - any other function of the module: NET-TAINT only (the function where
//     a network body or a peer update is received).
//
// The argument's taint is the caller's OWN taint (ctxOwn): the caller's
// parameters carry only their own labels there, never what the caller's
// callers pass, so F's callees do not receive a value through F. A call
// from F to itself does not count. A request object passed by a ROUTE
// HANDLER (`helper(request)`, `self._parse(req)`) makes the parameter a
// request object of the same framework in F (inboundRequestObject).
//
// Summaries (parameter -> return). A call to a local function F returns
// the taint of the arguments for the parameters F's return value is
// data-dependent on (`x = self._parse(request.json)`). Whether F's return
// depends on p is computed once per (F, spec), lazily, by running the
// shared propagation over F's return values with each parameter standing
// for a bit of its own (summaryBit); F's own sources are masked off, and
// its parameters carry no label of their own there.
// Calls to local functions inside a summary have no summary (one level:
// no fixpoint), so recursion and mutual calls stop by construction.
// Only WEB-TAINT and NET-TAINT pass through a summary (HUB-DL stays
// intra-procedural, §3.8).
//
// The rule's TaintSpec (sanitizers, propagators) applies in the caller and
// in the callee, as do ALLOW-GUARD and ALLOW-LIST, since both are the
// same propagation with the same spec.
//
// Precision:
//   - a call with a *splat or **splat argument maps nothing; *args and
//     **kwargs parameters receive nothing (bindArgs);
//   - F must have a single, unconditional definition: bound once in its
//     scope, directly in the module or the class body (not under if/try),
//     not rebound through `global`, not shadowed by `self.m = ...`, and
//     not a property;
//   - may-analysis: one tainted call site taints the parameter.
//
// Cost: the module's calls are resolved once per file, on the first
// parameter a query reaches (indexLocalCalls); summaries once per (F,
// spec, group of summaryWidth parameters); results share Taint's cache,
// keyed by the context.

// flow is the context a taint query runs in: the rule's spec and ctx, one
// of ctxFull, ctxOwn or a summary context.
type flow struct {
	spec *TaintSpec
	ctx  int64
}

const (
	// ctxFull is a rule's query: parameters take inbound taint, calls to
	// local functions their summary.
	ctxFull int64 = iota
	// ctxOwn is a caller's own taint at a call site: summaries apply, but
	// parameters carry only their own labels.
	ctxOwn
	// ctxSummaryBase + def index*summaryGroups + group is the context in
	// which a summary of a function runs over its return values.
	ctxSummaryBase
)

// The bits of Label above the sources stand for parameters in a summary:
// summaryWidth parameters at a time, in up to summaryGroups groups.
const (
	summaryGroups = 4
	summaryBits   = ^(firstSummaryBit - 1)
)

var summaryWidth = bits.OnesCount16(uint16(summaryBits))

func summaryBit(i int) Label { return firstSummaryBit << (i % summaryWidth) }

func summaryCtx(fn *Scope, group int) int64 {
	return ctxSummaryBase + int64(fn.Node.idx)*summaryGroups + int64(group)
}

// paramTaint is the taint of parameter p of scope s in context fl.
func (f *File) paramTaint(s *Scope, p *Param, fl flow) Label {
	fn := s.Func()
	if fn == nil {
		return 0
	}
	switch fl.ctx {
	case ctxFull:
		return fn.ParamLabel(p) | f.inboundTaint(fn, p, fl.spec)
	case ctxOwn:
		return fn.ParamLabel(p)
	}
	// A summary of s: p is its own bit when it is in the group computed.
	if p.Index/summaryWidth < summaryGroups && fl.ctx == summaryCtx(s, p.Index/summaryWidth) {
		return summaryBit(p.Index)
	}
	return 0
}

// inboundArgs are the arguments the calls of the module pass for p
// (indexLocalCalls). The index lives in the callees' Func.peerArgs.
func (f *File) inboundArgs(fn *Func, p *Param) []*Node {
	f.indexLocalCalls()
	return fn.peerArgs[p]
}

// inboundTaint is the taint p receives one level deep: the caller's own
// taint of the argument at each call site, WEB-TAINT and NET-TAINT from a
// ROUTE HANDLER, NET-TAINT from any other function.
func (f *File) inboundTaint(fn *Func, p *Param, spec *TaintSpec) Label {
	var l Label
	for _, a := range f.inboundArgs(fn, p) {
		mask := NetTaint
		if f.ScopeOf(a).Func().IsRoute() {
			mask = RemoteTaint
		}
		l |= f.taintIn(a, flow{spec: spec, ctx: ctxOwn}) & mask
	}
	return l
}

// inboundRequestObject is the framework of the request object a ROUTE
// HANDLER of the module passes for p, or "".
func (f *File) inboundRequestObject(fn *Func, p *Param) string {
	for _, a := range f.inboundArgs(fn, p) {
		if !f.ScopeOf(a).Func().IsRoute() {
			continue
		}
		if r := f.requestObject(a, flow{ctx: ctxOwn}); r != "" {
			return r
		}
	}
	return ""
}

// indexedKey marks, in the taint cache, that indexLocalCalls ran.
var indexedKey = taintKey{node: -1, ctx: -1}

// indexLocalCalls resolves, once per file, every call made directly in a
// function of the module to its local callee and records the arguments
// for each of the callee's parameters (only callees are classified).
func (f *File) indexLocalCalls() {
	if f.taintCache == nil {
		f.taintCache = map[taintKey]Label{}
	}
	if _, done := f.taintCache[indexedKey]; done {
		return
	}
	f.taintCache[indexedKey] = 0
	for _, s := range f.Funcs {
		for _, n := range s.Calls() {
			c, _ := f.AsCall(n)
			callee, shift := f.LocalCallee(s, c)
			if callee == nil || callee == s {
				continue // recursion passes nothing new
			}
			fn := callee.Func()
			if fn.peerArgs == nil {
				fn.peerArgs = map[*Param][]*Node{}
			}
			for p, args := range bindArgs(c, callee, shift) {
				fn.peerArgs[p] = append(fn.peerArgs[p], args...)
			}
		}
	}
}

// localReturnTaint is the taint a call to a local function returns: the
// taint (in fl) of the arguments for the parameters its return depends
// on. 0 inside a summary (one level) and for other calls.
func (f *File) localReturnTaint(c Call, fl flow) Label {
	if fl.ctx >= ctxSummaryBase || c.Node == nil {
		return 0
	}
	callee, shift := f.LocalCallee(f.ScopeOf(c.Node), c)
	if callee == nil {
		return 0
	}
	var l Label
	for p, args := range bindArgs(c, callee, shift) {
		if f.returnDependsOn(callee, p, fl.spec) {
			l |= f.taintAll(fl, args...)
		}
	}
	return l & RemoteTaint
}

// returnDependsOn reports whether a return value of fn is data-dependent
// on parameter p under spec: the summary, computed once per (fn, spec,
// parameter group) and kept in the taint cache under the def node.
func (f *File) returnDependsOn(fn *Scope, p *Param, spec *TaintSpec) bool {
	g := p.Index / summaryWidth
	if g >= summaryGroups || p.Splat {
		return false
	}
	ctx := summaryCtx(fn, g)
	if f.taintCache == nil {
		f.taintCache = map[taintKey]Label{}
	}
	k := taintKey{fn.Node.idx, ctx, spec}
	mask, ok := f.taintCache[k]
	if !ok {
		f.taintCache[k] = 0
		for _, r := range returnValues(fn) {
			mask |= f.taintIn(r, flow{spec: spec, ctx: ctx})
		}
		mask &= summaryBits
		f.taintCache[k] = mask
	}
	return mask&summaryBit(p.Index) != 0
}

// returnValues are the values of fn's own return statements (not those of
// nested functions, lambdas or classes).
func returnValues(fn *Scope) []*Node {
	var out []*Node
	body := fn.Node.Field("body")
	if body == nil {
		return nil
	}
	body.Walk(func(m *Node) bool {
		switch m.Kind {
		case KFunctionDefinition, KClassDefinition, KLambda:
			return false
		case KReturn:
			if v := m.NamedChild(0); v != nil && v.Kind != KComment {
				out = append(out, v)
			}
			return false
		}
		return true
	})
	return out
}

// LocalCallee resolves a call made in caller to a LOCAL FUNCTION of this
// module:
//   - `self.m(...)` / `cls.m(...)` (the caller's first parameter, not
//     rebound, as receiver) with m a method of the caller's class;
//   - `g(...)` with g, as seen from the caller, a module-level def.
//
// The callee must have a single, unconditional definition (see the
// precision notes above). shift is the number of leading callee
// parameters the call does not pass (1 for self/cls, 0 for a
// staticmethod or a plain function). nil when the callee is not such a
// function.
func (f *File) LocalCallee(caller *Scope, c Call) (callee *Scope, shift int) {
	fn := Unparen(c.Func)
	if fn == nil || c.Node == nil || caller == nil {
		return nil, 0
	}
	switch fn.Kind {
	case KAttribute:
		recv, class := Unparen(c.Receiver()), caller.Class()
		if class == nil || recv == nil || recv.Kind != KIdentifier || len(caller.Params) == 0 ||
			caller.Params[0].Splat || !recv.Is(caller.Params[0].Name) || f.methodKind(caller.Node) == methodStatic {
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
		m := c.Method()
		defs := cs.Defs(m)
		if len(defs) != 1 || defs[0].Kind != DefFunc || !definedUnconditionally(defs[0].Stmt) ||
			len(f.selfAttrs(class)[m]) > 0 {
			return nil, 0
		}
		callee = f.ScopeFor(defs[0].Stmt)
		if callee == nil {
			return nil, 0
		}
		switch f.methodKind(callee.Node) {
		case methodStatic:
			return callee, 0
		case methodClass:
			return callee, 1
		case methodProperty:
			return nil, 0
		}
		if f.methodKind(caller.Node) == methodClass {
			return nil, 0 // cls.m(x) on an instance method binds x to self
		}
		return callee, 1
	case KIdentifier:
		name := fn.Text()
		if f.ScopeOf(fn).lookupScope(name) != f.Module {
			return nil, 0
		}
		defs := f.Module.Defs(name)
		if len(defs) != 1 || defs[0].Kind != DefFunc || !definedUnconditionally(defs[0].Stmt) || f.rebindsGlobal(name) {
			return nil, 0
		}
		return f.ScopeFor(defs[0].Stmt), 0
	}
	return nil, 0
}

// definedUnconditionally reports whether the def statement sits directly
// in the module or directly in a class body (not under if/try/with/for).
func definedUnconditionally(def *Node) bool {
	p := def.Parent()
	if p != nil && p.Kind == KDecoratedDefinition {
		p = p.Parent()
	}
	switch {
	case p == nil:
		return false
	case p.Kind == KModule:
		return true
	}
	return p.Kind == KBlock && p.Parent() != nil && p.Parent().Kind == KClassDefinition
}

// rebindsGlobal reports whether a function rebinds the module name through
// `global name`.
func (f *File) rebindsGlobal(name string) bool {
	for _, s := range f.Funcs {
		if s.global[name] && len(s.defs[name]) > 0 {
			return true
		}
	}
	return false
}

type methodKindT uint8

const (
	methodPlain methodKindT = iota
	methodStatic
	methodClass
	methodProperty
)

// methodKind classifies a def by its decorators.
func (f *File) methodKind(def *Node) methodKindT {
	for _, d := range decoratorsOf(def) {
		switch f.Qualname(d) {
		case "builtins.staticmethod":
			return methodStatic
		case "builtins.classmethod":
			return methodClass
		case "builtins.property", "functools.cached_property":
			return methodProperty
		}
		if d.Kind == KAttribute && (d.Field("attribute").Is("setter") || d.Field("attribute").Is("getter")) {
			return methodProperty
		}
	}
	return methodPlain
}

// bindArgs maps the arguments of c to the named parameters of callee,
// skipping the first shift parameters: positional arguments by position,
// keyword arguments by name. A call with a *splat or **splat argument maps
// nothing (positions and names are unknown); arguments that would go to
// *args or **kwargs are left out.
func bindArgs(c Call, callee *Scope, shift int) map[*Param][]*Node {
	if c.Args == nil || c.HasArgsSplat() || c.HasKwargsSplat() || shift > len(callee.Params) {
		return nil
	}
	params := callee.Params[shift:]
	out := map[*Param][]*Node{}
	starAt := len(params) // positions from here on go to *args (or nowhere)
	byName := map[string]*Param{}
	for i, p := range params {
		if p.Splat {
			starAt = min(starAt, i)
			continue
		}
		byName[p.Name] = p
	}
	for i := 0; i < starAt; i++ {
		a := c.Pos(i)
		if a == nil {
			break
		}
		out[params[i]] = append(out[params[i]], a)
	}
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
