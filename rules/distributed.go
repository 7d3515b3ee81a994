package rules

import . "github.com/pyguard/pyguard/analyzer"

// Shared sets and predicates of the 2.2.1 distributed-training rules
// AIML191–AIML198 (AIML199–AIML205 share rules/parallel.go, whose
// importBefore these rules also use for "insert import os before the
// statement").

// ---- AIML191: multiprocessing parameter servers --------------------------

// managers191 are the multiprocessing manager classes that serve objects to
// whoever connects with the authkey.
var managers191 = []string{"multiprocessing.managers.BaseManager", "multiprocessing.managers.SyncManager"}

// listeners191 is multiprocessing's socket listener.
var listeners191 = []string{"multiprocessing.connection.Listener"}

// envAuthkey191 is the authkey expression the AIML191 fix writes, after
// the module's spelling of `os`.
const envAuthkey191 = `.environ["PS_AUTHKEY"].encode()`

// isManagerCall191 reports whether c constructs a multiprocessing manager:
// BaseManager/SyncManager themselves, or a class defined in this module
// whose bases include one of them.
func isManagerCall191(p *Pass, c Call) bool {
	if c.Is(managers191...) {
		return true
	}
	cls := p.LocalClass(c.Func)
	return cls != nil && p.ClassExtends(cls, managers191...)
}

// isAnyHostTuple191 reports whether addr is a tuple literal whose host
// element is an ALL-INTERFACES literal that a socket address accepts: "",
// "0.0.0.0" or "::" (the URL/config spellings "[::]" and "*" are not valid
// host elements of an (host, port) tuple, so AIML191 names only these).
func isAnyHostTuple191(addr *Node) bool {
	addr = Unparen(addr)
	if addr == nil || addr.Kind != KTuple {
		return false
	}
	host := addr.NamedChild(0)
	if !IsAllInterfacesLiteral(host) {
		return false
	}
	h := LiteralValue(host).Str
	return h != "[::]" && h != "*"
}

// isKeyLiteral191: a bytes or str literal authkey.
func isKeyLiteral191(n *Node) bool {
	k := LiteralValue(n).Kind
	return k == LitBytes || k == LitStr
}

// ---- AIML192: pickle-family loaders fed from the network -----------------

// taint192: AIML192's own propagation through decoders (§3.6 per-rule
// extensions; io.BytesIO and bytes() already propagate for every rule).
var taint192 = &TaintSpec{Propagators: Set([]string{"base64.b64decode", "zlib.decompress", "gzip.decompress"})}

// pickleLoaders192 always unpickle their input.
var pickleLoaders192 = []string{"pickle.loads", "pickle.load", "_pickle.loads", "cloudpickle.loads", "cloudpickle.load",
	"dill.loads", "dill.load", "joblib.load", "pandas.read_pickle"}

// pathLoaders192 take a PATH whose client-chosen form AIML174(a) owns (§4 row 2).
var pathLoaders192 = []string{"joblib.load", "pandas.read_pickle"}

// loaderDataArg is the data/file argument of a loader: positional 0 or
// data=/file=/f=, and the libraries' own names filename= (joblib.load) and
// filepath_or_buffer= (pandas.read_pickle).
func loaderDataArg(c Call) *Node {
	return c.Arg(0, "data", "file", "f", "filename", "filepath_or_buffer")
}

// isLocalPath192 reports whether arg is written as a path expression — a
// str literal or f-string, string concatenation/formatting, os.path.join(...),
// pathlib.Path(...) or a Path `/` — so that joblib.load/pandas.read_pickle
// read a local file rather than received bytes ("the data comes from a local
// file path"). A client-chosen component of such a path is AIML174(a)'s
// (§4 row 2).
func isLocalPath192(p *Pass, arg *Node) bool {
	arg = Unparen(arg)
	if arg == nil {
		return false
	}
	switch arg.Kind {
	case KString, KConcatenatedString:
		return true
	case KBinaryOperator:
		op := arg.Field("operator")
		return op != nil && (op.Is("+") || op.Is("/") || op.Is("%"))
	case KCall:
		c, _ := p.AsCall(arg)
		return c.Is("os.path.join", "posixpath.join", "pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath") ||
			c.Method() == "format" && IsStrLiteral(c.Receiver())
	}
	return false
}

// unsafePickleLoad reports whether c is an AIML192 sink call: a pickle-family
// loader, numpy.load with literal allow_pickle=True, or torch.load whose
// weights_only is absent or literal False.
func unsafePickleLoad(c Call) bool {
	switch {
	case c.Is(pickleLoaders192...):
		return true
	case c.Is("numpy.load"):
		return IsTrue(c.Arg(2, "allow_pickle"))
	case c.Is("torch.load"):
		wo, known := c.LookupArg(-1, "weights_only")
		if !known {
			return false // **kwargs may pass weights_only
		}
		w := Unparen(wo)
		return w == nil || w.Kind == KFalse
	}
	return false
}

// ---- AIML193: unchecked remote updates -----------------------------------

// taint193: AIML193's extra tensor builders, plus the iteration wrappers that
// pair parameters with received values (`for p, g in zip(params, grads)`).
var taint193 = &TaintSpec{Propagators: Set([]string{"torch.stack", "torch.cat", "numpy.frombuffer",
	"builtins.zip", "builtins.enumerate"})}

// inPlaceUpdates193 are the in-place tensor writes of case (b).
var inPlaceUpdates193 = map[string]bool{"copy_": true, "add_": true, "sub_": true, "set_": true}

// vectorToParameters193 is case (c) under its import paths.
var vectorToParameters193 = []string{"torch.nn.utils.vector_to_parameters",
	"torch.nn.utils.convert_parameters.vector_to_parameters"}

// finiteChecks193: a call of these on the update (argument 0) counts as
// validation of that update; clip_grad_norm_/clip_grad_value_ count for the
// gradients of the parameters they clip (validated193).
var finiteChecks193 = []string{"torch.isfinite", "torch.isnan", "torch.isinf", "torch.nan_to_num", "torch.clamp",
	"torch.clip", "torch.nn.utils.clip_grad_norm_", "torch.nn.utils.clip_grad_value_", "torch.norm",
	"torch.linalg.norm", "torch.linalg.vector_norm", "math.isfinite", "numpy.isfinite"}

// finiteMethods193: a method call of these names on the update (the
// receiver) counts as validation too.
var finiteMethods193 = map[string]bool{"clamp": true, "clamp_": true, "clip": true, "norm": true}

// gradClips193 clip the gradients of the parameters passed as argument 0.
var gradClips193 = []string{"torch.nn.utils.clip_grad_norm_", "torch.nn.utils.clip_grad_value_"}

// tensorBuilders193 build a tensor from their argument 0 (the update's data).
var tensorBuilders193 = []string{"torch.tensor", "torch.as_tensor", "torch.from_numpy", "torch.stack", "torch.cat"}

// shapeMethods193 return their receiver's values reshaped or copied.
var shapeMethods193 = map[string]bool{"view": true, "view_as": true, "reshape": true, "reshape_as": true,
	"flatten": true, "detach": true, "clone": true, "contiguous": true, "squeeze": true, "unsqueeze": true}

// validated193 reports whether the SCOPE enclosing finding n checks the
// update it writes (value) for finiteness or bounds it. A check counts when
// it is part of computing the update (`torch.tensor(g).clamp(-1, 1)`), when
// what it checks is the update or an expression the update is made of
// (updateData193: `t` for `p.grad = t`, `arr` for `torch.from_numpy(arr)`),
// or a variable built from the update (`x = torch.cat([a, b])`;
// `torch.isfinite(x)` checks `a`); clip_grad_norm_/clip_grad_value_ count for
// a write to `.grad` of a parameter they clip. A check of another value does
// not count, so validating one update never silences another.
func validated193(p *Pass, n, value *Node) bool {
	data := updateData193(p, value)
	var names []string
	for _, d := range data {
		if d.Kind == KIdentifier {
			names = append(names, d.Text())
		}
	}
	dest := destination193(p, n)
	return p.ScopeHasCall(p.FunctionScope(n), func(k Call) bool {
		var checked *Node
		switch {
		case k.Is(gradClips193...):
			return dest != nil && clips193(p, k.Arg(0, "parameters"), dest)
		case k.Is(finiteChecks193...):
			checked = k.Arg(0, "input", "x", "A")
		case finiteMethods193[k.Method()]:
			checked = k.Receiver()
		default:
			return false
		}
		checked = Unparen(checked)
		if checked == nil {
			return false
		}
		for _, d := range data {
			if d.Contains(k.Node) || SameExpression(checked, d) {
				return true
			}
		}
		// An aggregate built from the update: x = torch.cat([a, b]); torch.isfinite(x).
		if checked.Kind == KIdentifier {
			def := p.ScopeOf(checked).DefAt(checked.Text(), checked.Start)
			return def != nil && def.Kind == DefAssign && def.Value != nil && readsAny193(def.Value, names)
		}
		return false
	})
}

// updateData193 is the update expression and what it is made of: the data
// argument of a tensor builder, the receiver of a reshaping method, the
// elements of a list/tuple, the element and iterable of a comprehension,
// and for a local variable the value of the assignment visible there.
func updateData193(p *Pass, value *Node) []*Node {
	var out []*Node
	seen := map[*Node]bool{}
	var add func(v *Node, depth int)
	add = func(v *Node, depth int) {
		v = Unparen(v)
		if v == nil || seen[v] || depth > 6 {
			return
		}
		seen[v] = true
		out = append(out, v)
		switch v.Kind {
		case KIdentifier:
			if d := p.ScopeOf(v).DefAt(v.Text(), v.Start); d != nil && d.Kind == DefAssign && !d.Unpacked {
				add(d.Value, depth+1)
			}
		case KCall:
			c, _ := p.AsCall(v)
			switch {
			case c.Is(tensorBuilders193...), c.Is("numpy.array", "numpy.asarray", "numpy.frombuffer"):
				add(c.Arg(0, "data", "tensors", "ndarray", "object", "a", "buffer"), depth+1)
			case shapeMethods193[c.Method()] && c.Callee() == "":
				add(c.Receiver(), depth+1)
			}
		case KList, KTuple:
			for _, e := range v.NamedChildren() {
				add(e, depth+1)
			}
		case KListComprehension, KGeneratorExpression:
			for _, e := range v.NamedChildren() {
				if e.Kind == KForInClause {
					add(e.Field("right"), depth+1)
				} else if e.FieldName() == "body" {
					add(e, depth+1)
				}
			}
		}
	}
	add(value, 0)
	return out
}

// readsAny193 reports whether expression e reads one of the names.
func readsAny193(e *Node, names []string) bool {
	found := false
	e.Walk(func(m *Node) bool {
		if m.Kind == KIdentifier && IsNameRead(m) {
			for _, nm := range names {
				if m.Is(nm) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// destination193 is the gradient a finding writes: the `<x>.grad` target of
// (a) or receiver of (b); nil for parameter data, vectors and state dicts.
func destination193(p *Pass, n *Node) *Node {
	var d *Node
	if n.Kind == KAssignment {
		d = n.Field("left")
	} else if c, ok := p.AsCall(n); ok {
		d = c.Receiver()
	}
	if !endsInAttr(d, "grad") {
		return nil
	}
	return Unparen(d)
}

// clips193 reports whether the parameters argument of a gradient clip
// covers the parameter whose gradient dest is: `M.parameters()` (directly,
// through `list(...)` or one local variable) with the parameter an
// attribute of M or a loop variable over that same expression, or the
// parameter itself (alone or in a list/tuple literal).
func clips193(p *Pass, params, dest *Node) bool {
	param := Unparen(dest.Field("object"))
	params = Unparen(params)
	if params != nil && params.Kind == KIdentifier {
		if d := p.ScopeOf(params).DefAt(params.Text(), params.Start); d != nil && d.Kind == DefAssign && !d.Unpacked {
			params = Unparen(d.Value)
		}
	}
	if c, ok := p.AsCall(params); ok && c.Is("builtins.list", "builtins.tuple") {
		params = Unparen(c.Pos(0))
	}
	if params == nil || param == nil {
		return false
	}
	if SameExpression(params, param) {
		return true
	}
	if params.Kind == KList || params.Kind == KTuple {
		for _, e := range params.NamedChildren() {
			if SameExpression(e, param) {
				return true
			}
		}
		return false
	}
	c, ok := p.AsCall(params)
	if !ok || c.Method() != "parameters" || c.Receiver() == nil {
		return false
	}
	model := c.Receiver()
	for a := param; a != nil && a.Kind == KAttribute; a = Unparen(a.Field("object")) {
		if SameExpression(a.Field("object"), model) {
			return true
		}
	}
	if param.Kind != KIdentifier {
		return false
	}
	d := p.ScopeOf(param).DefAt(param.Text(), param.Start)
	if d == nil || d.Kind != DefFor || d.Value == nil {
		return false
	}
	found := false
	d.Value.Walk(func(m *Node) bool {
		if !found && SameExpression(m, params) {
			found = true
		}
		return !found
	})
	return found
}

// endsInAttr reports whether n is an attribute access `<x>.<name>` with name
// one of names.
func endsInAttr(n *Node, names ...string) bool {
	n = Unparen(n)
	if n == nil || n.Kind != KAttribute {
		return false
	}
	a := n.Field("attribute")
	for _, name := range names {
		if a != nil && a.Is(name) {
			return true
		}
	}
	return false
}

// ---- AIML194 / AIML196: rendezvous and store files -----------------------

var (
	initProcessGroup194  = []string{"torch.distributed.init_process_group", "torch.distributed.distributed_c10d.init_process_group"}
	tensorPipeOptions194 = []string{"torch.distributed.rpc.TensorPipeRpcBackendOptions",
		"torch.distributed.rpc.options.TensorPipeRpcBackendOptions"}
	fileStores194 = []string{"torch.distributed.FileStore", "torch.distributed.distributed_c10d.FileStore"}
)

// horovodStores196 are the Horovod Spark stores that write under a local prefix.
var horovodStores196 = qualify("horovod.spark.common.store.", "Store.create", "LocalStore", "FilesystemStore")

// ---- AIML195: NCCL plugin libraries ---------------------------------------

// ncclPluginVars195 name the libraries NCCL dlopens into every rank.
var ncclPluginVars195 = map[string]bool{"NCCL_NET_PLUGIN": true, "NCCL_TUNER_PLUGIN": true, "NCCL_PROFILER_PLUGIN": true}

// ---- AIML197 / AIML198: checkpoint loaders of downloaded dirs ------------

// untrustedDir is HUB-DL or REMOTE-TAINT, the sources of AIML197/AIML198.
const untrustedDir = RemoteTaint | HubDL

// reportCheckpointDir reports loader c of AIML197/AIML198 when its
// checkpoint directory dir is untrustedDir. The rule's message names both
// sources; when only one is found, the message is message(src) with src
// "downloaded" or "request-chosen".
func reportCheckpointDir(p *Pass, c Call, dir *Node, message func(src string) string) {
	if dir == nil {
		return
	}
	label := p.Taint(dir, nil) & untrustedDir
	if label == 0 {
		return
	}
	fd := p.ReportCall(c, p.Guidance())
	switch {
	case label&HubDL == 0:
		fd.Message = message("request-chosen")
	case label&^HubDL == 0:
		fd.Message = message("downloaded")
	}
}

// zeroToFP32197 maps DeepSpeed's ZeRO consolidation helpers to the position
// of their checkpoint_dir argument.
var zeroToFP32197 = map[string]int{
	"deepspeed.utils.zero_to_fp32.get_fp32_state_dict_from_zero_checkpoint":   0,
	"deepspeed.utils.zero_to_fp32.load_state_dict_from_zero_checkpoint":       1,
	"deepspeed.utils.zero_to_fp32.convert_zero_checkpoint_to_fp32_state_dict": 0,
}

// isDeepSpeedEngine197 reports whether recv is bound as element 0 of a
// tuple-unpacking assignment from deepspeed.initialize(...): a name in its
// own SCOPE, or self.<attr> in the class (every assignment to the
// attribute is such an unpacking or None).
func isDeepSpeedEngine197(p *Pass, recv *Node) bool {
	recv = Unparen(recv)
	if recv == nil {
		return false
	}
	switch recv.Kind {
	case KIdentifier:
		d := p.ScopeOf(recv).DefAt(recv.Text(), recv.Start)
		return d != nil && d.Kind == DefAssign && d.Unpacked && UnpackIndex(d) == 0 && isDeepSpeedInit197(p, d.Value)
	case KAttribute:
		obj := Unparen(recv.Field("object"))
		fn := p.EnclosingFunc(recv)
		if obj == nil || obj.Kind != KIdentifier || !obj.Is("self") || fn == nil || fn.Class() == nil {
			return false
		}
		bound, other := false, false
		fn.Class().Walk(func(m *Node) bool {
			if m.Kind != KAssignment {
				return true
			}
			left, right := Unparen(m.Field("left")), Unparen(m.Field("right"))
			switch {
			case SameExpression(left, recv):
				if right == nil || right.Kind != KNone {
					other = true
				}
			case left != nil && (left.Kind == KPatternList || left.Kind == KTuplePattern || left.Kind == KListPattern):
				for i, e := range left.NamedChildren() {
					if SameExpression(e, recv) {
						if i == 0 && isDeepSpeedInit197(p, right) {
							bound = true
						} else {
							other = true
						}
					}
				}
			}
			return true
		})
		return bound && !other
	}
	return false
}

func isDeepSpeedInit197(p *Pass, v *Node) bool {
	c, ok := p.AsCall(v)
	return ok && c.Is("deepspeed.initialize")
}

// dcpLoaders198 map torch.distributed.checkpoint readers to their directory
// argument: keyword for load, positional 0 or keyword for the others.
var (
	dcpLoad198    = []string{"torch.distributed.checkpoint.load", "torch.distributed.checkpoint.state_dict_loader.load"}
	dcpReaders198 = []string{"torch.distributed.checkpoint.FileSystemReader", "torch.distributed.checkpoint.filesystem.FileSystemReader"}
	dcpToTorch198 = []string{"torch.distributed.checkpoint.format_utils.dcp_to_torch_save"}
)
