package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// Shared sets and predicates of the 2.2.1 distributed-training rules
// AIML199–AIML205.

// ---- Fix helpers ----------------------------------------------------------

// ---- AIML199 / AIML200: ZeRO NVMe swap and big-model offload -------------

// zeroOffloadKeys199 are the ZeRO config sections whose dict may carry nvme_path.
var zeroOffloadKeys199 = map[string]bool{"offload_optimizer": true, "offload_param": true}

// deepSpeedPlugins199 is accelerate's DeepSpeedPlugin under its import paths.
var deepSpeedPlugins199 = []string{"accelerate.utils.DeepSpeedPlugin", "accelerate.DeepSpeedPlugin",
	"accelerate.utils.dataclasses.DeepSpeedPlugin"}

// nvmePathKeywords199 are DeepSpeedPlugin's NVMe swap directories.
var nvmePathKeywords199 = []string{"offload_optimizer_nvme_path", "offload_param_nvme_path"}

// accelerate big-model entry points (AIML200), with their accelerate.big_modeling spellings.
var (
	loadAndDispatch200 = []string{"accelerate.load_checkpoint_and_dispatch", "accelerate.big_modeling.load_checkpoint_and_dispatch"}
	diskOffload200     = []string{"accelerate.disk_offload", "accelerate.big_modeling.disk_offload"}
	dispatchModel200   = []string{"accelerate.dispatch_model", "accelerate.big_modeling.dispatch_model"}
)

// ---- AIML201: RPC target chosen by input ---------------------------------

// rpcCalls201 are torch.distributed.rpc's remote-invocation functions.
var rpcCalls201 = append(qualify("torch.distributed.rpc.", "rpc_sync", "rpc_async", "remote"),
	qualify("torch.distributed.rpc.api.", "rpc_sync", "rpc_async", "remote")...)

// codeExec201 are the callables that are arbitrary code execution as an RPC target.
var codeExec201 = setOf(
	qualify("builtins.", "eval", "exec", "compile", "__import__"),
	[]string{"os.system", "os.popen", "importlib.import_module"},
	qualify("subprocess.", "run", "call", "check_call", "check_output", "Popen"),
)

// rpcFuncArg201 is the func argument of an rpc call (positional 1 or func=).
func rpcFuncArg201(p *Pass, c Call) *Node {
	if !c.Is(rpcCalls201...) {
		return nil
	}
	return c.Arg(1, "func")
}

// dynamicLookupKey201 returns T when n is `getattr(<any>, T[, d])`,
// `globals()[T]`, `vars(<any>)[T]` or `<any>.__dict__[T]`; nil otherwise.
func dynamicLookupKey201(p *Pass, n *Node) *Node {
	n = Unparen(n)
	if n == nil {
		return nil
	}
	switch n.Kind {
	case KCall:
		if c, _ := p.AsCall(n); c.Is("builtins.getattr") {
			return c.Pos(1)
		}
	case KSubscript:
		v := Unparen(n.Field("value"))
		if v == nil {
			return nil
		}
		if c, ok := p.AsCall(v); ok && c.Is("builtins.globals", "builtins.vars") {
			return n.Field("subscript")
		}
		if v.Kind == KAttribute && v.Field("attribute").Is("__dict__") {
			return n.Field("subscript")
		}
	}
	return nil
}

// rpcTarget201 follows the func argument through plain local assignments
// in its SCOPE ("directly or through a local variable") to the expression
// that produces it.
func rpcTarget201(p *Pass, fn *Node) *Node {
	for i := 0; i < 8; i++ {
		fn = Unparen(fn)
		if fn == nil || fn.Kind != KIdentifier {
			return fn
		}
		s := p.ScopeOf(fn)
		if !s.Binds(fn.Text()) {
			return fn // a global or builtin name: a reference, not a local lookup
		}
		d := s.DefAt(fn.Text(), fn.Start)
		if d == nil || d.Kind != DefAssign || d.Unpacked {
			return fn
		}
		fn = d.Value
	}
	return nil
}

// rpcInjection201 reports whether the func argument of an rpc call is a
// code-execution callable (a) or a dynamic lookup keyed by REMOTE-TAINT (b),
// and returns the lookup expression for (b).
func rpcInjection201(p *Pass, fn *Node) (bad bool, lookup *Node) {
	if codeExec201[p.Qualname(fn)] {
		return true, nil
	}
	target := rpcTarget201(p, fn)
	if target == nil {
		return false, nil
	}
	if codeExec201[p.Qualname(target)] {
		return true, nil
	}
	if key := dynamicLookupKey201(p, target); key != nil && p.Taint(key, nil)&RemoteTaint != 0 {
		return true, Unparen(target)
	}
	return false, nil
}

// isRPCTargetLookup reports whether n (a `getattr(...)` or `globals()[...]`
// lookup) is the request-chosen func of an rpc call that AIML201 reports,
// directly or through a local variable: AIML242 leaves such lookups to
// AIML201 (§4 row 14).
func isRPCTargetLookup(p *Pass, n *Node) bool {
	n = Unparen(n)
	for _, call := range p.ScopeOf(n).Calls() {
		c, _ := p.AsCall(call)
		if fn := rpcFuncArg201(p, c); fn != nil {
			if bad, lookup := rpcInjection201(p, fn); bad && lookup == n {
				return true
			}
		}
	}
	return false
}

// ---- AIML202: pyzmq recv_pyobj -------------------------------------------

// zmqLocalPrefixes202 are the address prefixes that are provably local.
var zmqLocalPrefixes202 = []string{"inproc://", "ipc://", "tcp://127.", "tcp://localhost:", "tcp://[::1]:"}

// isZMQSocket202: a receiver typed as a pyzmq socket, or an untyped receiver
// in a module that imports zmq.
func isZMQSocket202(p *Pass, recv *Node) bool {
	switch p.TypeOf(recv) {
	case "zmq.Socket", "zmq.asyncio.Socket", "zmq.sugar.socket.Socket":
		return true
	case "":
		return p.Imports("zmq")
	}
	return false
}

// isProvablyLocal202: a str literal or f-string whose literal prefix is an
// in-process, IPC or loopback TCP endpoint.
func isProvablyLocal202(addr *Node) bool {
	prefix, ok := LiteralPrefix(addr)
	if !ok {
		return false
	}
	for _, l := range zmqLocalPrefixes202 {
		if strings.HasPrefix(prefix, l) {
			return true
		}
	}
	return false
}

// exposedSocket202 reports whether socket expression sock (a name or
// self.<attr>) has a .bind/.connect to an address that is not provably
// local, in the same function (a name; for a module-level name also the
// module SCOPE) or in any method of the same class (self.<attr>).
func exposedSocket202(p *Pass, sock *Node) bool {
	sock = Unparen(sock)
	if sock == nil {
		return false
	}
	var regions []*Node
	switch sock.Kind {
	case KIdentifier:
		s := p.ScopeOf(sock)
		regions = append(regions, s.Node)
		if !s.Binds(sock.Text()) && s != p.Module && p.Module.Binds(sock.Text()) {
			regions = append(regions, p.Module.Node)
		}
	case KAttribute:
		obj := Unparen(sock.Field("object"))
		fn := p.EnclosingFunc(sock)
		if obj == nil || !obj.Is("self") || fn == nil || fn.Class() == nil {
			return false
		}
		regions = append(regions, fn.Class())
	default:
		return false
	}
	exposed := false
	for _, r := range regions {
		module := r.Kind == KModule
		r.Walk(func(m *Node) bool {
			if exposed {
				return false
			}
			// A module region covers only module-level statements.
			if module && (m.Kind == KFunctionDefinition || m.Kind == KClassDefinition) {
				return false
			}
			if m.Kind != KCall {
				return true
			}
			c, _ := p.AsCall(m)
			if mt := c.Method(); (mt == "bind" || mt == "connect") && SameExpression(c.Receiver(), sock) &&
				(sock.Kind != KIdentifier || p.ScopeOf(m).Node == r) {
				if addr := c.Arg(0, "addr"); addr != nil && !isProvablyLocal202(addr) {
					exposed = true
				}
			}
			return true
		})
	}
	return exposed
}

// ---- AIML203: GradScaler bypass ------------------------------------------

// gradScalers203 are torch's AMP loss scalers.
var gradScalers203 = setOf([]string{"torch.cuda.amp.GradScaler", "torch.amp.GradScaler", "torch.GradScaler",
	"torch.cuda.amp.grad_scaler.GradScaler", "torch.amp.grad_scaler.GradScaler"})

// isTorchOptimizer: a class defined directly in torch.optim
// (torch.optim.AdamW, a parameter annotated torch.optim.Optimizer), not
// torch.optim.lr_scheduler.* or other submodules.
func isTorchOptimizer(typ string) bool {
	name, ok := strings.CutPrefix(typ, "torch.optim.")
	return ok && name != "" && !strings.Contains(name, ".")
}

// scalerCtors203 returns the constructor calls the scaler expression s is
// typed from: its visible local (or module-level) assignment, or every
// `self.<attr> = ...` in its class.
func scalerCtors203(p *Pass, s *Node) []*Node {
	s = Unparen(s)
	switch s.Kind {
	case KIdentifier:
		sc := p.ScopeOf(s)
		if d := sc.DefAt(s.Text(), s.Start); d != nil {
			return []*Node{d.Value}
		}
		if defs := p.Module.Defs(s.Text()); len(defs) == 1 {
			return []*Node{defs[0].Value}
		}
	case KAttribute:
		fn := p.EnclosingFunc(s)
		if fn == nil || fn.Class() == nil {
			return nil
		}
		var out []*Node
		fn.Class().Walk(func(m *Node) bool {
			if m.Kind == KAssignment && SameExpression(m.Field("left"), s) {
				out = append(out, m.Field("right"))
			}
			return true
		})
		return out
	}
	return nil
}

// scalerDisabled203: the scaler was constructed with literal enabled=False.
func scalerDisabled203(p *Pass, s *Node) bool {
	for _, v := range scalerCtors203(p, s) {
		if c, ok := p.AsCall(v); ok {
			if e := Unparen(c.Kwarg("enabled")); e != nil && e.Kind == KFalse {
				return true
			}
		}
	}
	return false
}

// ---- AIML204 / AIML231: Ray dashboard on all interfaces -------------------

// checkRayDashboard is AIML204 and AIML231 (§4 row 8): `ray.init` with an
// ALL-INTERFACES `dashboard_host=` literal and no `include_dashboard=False`,
// reported at the keyword with the loopback fix. serve picks the rule:
// AIML231 where the module imports Ray Serve, AIML204 elsewhere; exposed
// names what the fix takes from remote users ("the dashboard and Jobs API").
func checkRayDashboard(p *Pass, n *Node, serve bool, exposed string) {
	c, _ := p.AsCall(n)
	if !c.Is("ray.init") || p.Imports("ray.serve") != serve {
		return
	}
	kw := c.Keyword("dashboard_host")
	if kw == nil || !IsAllInterfacesLiteral(kw.Field("value")) {
		return
	}
	if inc := Unparen(c.Kwarg("include_dashboard")); inc != nil && inc.Kind == KFalse {
		return
	}
	if e, ok := HostLiteralEdit(kw.Field("value")); ok {
		p.Report(kw, p.Edits(Unsafe, "Bind the Ray dashboard to `127.0.0.1` instead of `"+
			codeText(Unparen(kw.Field("value")), 20)+"`; reach it through an SSH tunnel or an authenticating proxy.", e).
			Changing("remote users and other hosts lose direct access to "+exposed+" of this cluster."))
		return
	}
	p.Report(kw, p.Guidance())
}

// ---- AIML205: discarded async collectives --------------------------------

// collectives205 are the torch.distributed collectives that take async_op.
var collectives205 = func() []string {
	names := []string{"all_reduce", "broadcast", "reduce", "all_gather", "all_gather_into_tensor", "reduce_scatter",
		"reduce_scatter_tensor", "all_to_all", "all_to_all_single", "gather", "scatter", "barrier"}
	return append(qualify("torch.distributed.", names...), qualify("torch.distributed.distributed_c10d.", names...)...)
}()
