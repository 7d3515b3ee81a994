package analyzer

// Label is a set of taint sources (§3.5).
type Label uint16

const (
	WebField Label = 1 << iota // string-valued request fields
	WebBody                    // uploaded files and raw bodies
	WebOther                   // other request data (url, remote_addr, …)
	Net                        // bodies received by outbound/socket I/O
	HubDL                      // HUB-DL: unpinned huggingface_hub downloads (hubdl.go)
	// Peer marks PEER-TAINT (peer.go): an update sent by another participant
	// of a federated job. PEER-TAINT ⊂ NET-TAINT, so a peer value always
	// carries Net too (the label PeerTaint): `&Net` and `&RemoteTaint`
	// queries match it, and `&Peer` tells it apart from other network bodies.
	Peer
	// firstSummaryBit is no source: it and the bits above it stand for the
	// parameters of a function while its summary is computed (interproc.go).
	// New labels go above this line.
	firstSummaryBit
)

// Source sets rules name.
const (
	WebTaint    = WebField | WebBody | WebOther
	PeerTaint   = Net | Peer // the label of a PEER-TAINT value
	NetTaint    = Net | Peer // NET-TAINT: network bodies and PEER-TAINT
	RemoteTaint = WebTaint | NetTaint
)

// TaintSpec holds a rule's extensions to the shared propagation (§3.6):
// sanitizers whose results are clean and extra propagating callables. Rules
// declare one as a package-level variable; its address keys the cache.
type TaintSpec struct {
	Sanitizers   map[string]bool // qualified names whose result is untainted
	PathNameSafe bool            // pathlib.Path(x).name is untainted
	Propagators  map[string]bool // extra callables that pass taint through
}

// STRING-SANITIZERS and PATH-SANITIZERS of §3.7.
var (
	StringSanitizers = []string{"builtins.int", "builtins.float", "builtins.bool", "uuid.UUID",
		"datetime.datetime.fromisoformat", "datetime.datetime.strptime", "pandas.to_datetime"}
	PathSanitizers = []string{"os.path.basename", "posixpath.basename", "werkzeug.utils.secure_filename", "werkzeug.secure_filename"}
)

// Set builds a lookup set from lists of names.
func Set(lists ...[]string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lists {
		for _, s := range l {
			m[s] = true
		}
	}
	return m
}

// propagating callables of §3.6 (5)-(7).
var propagators = Set([]string{
	"builtins.int", "builtins.float", "builtins.str", "builtins.bool", "builtins.bytes",
	"pandas.DataFrame", "pandas.DataFrame.from_dict", "pandas.DataFrame.from_records", "pandas.json_normalize",
	"pandas.Series", "numpy.array", "numpy.asarray", "numpy.stack", "torch.tensor", "torch.as_tensor",
	"torch.from_numpy", "builtins.list", "builtins.tuple", "builtins.dict", "builtins.set",
	"os.path.join", "posixpath.join", "pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "io.BytesIO", "io.StringIO",
})

// DataConstructors is §3.6 (6): values that passed one are frames/arrays.
var DataConstructors = Set([]string{"pandas.DataFrame", "pandas.DataFrame.from_dict", "pandas.DataFrame.from_records",
	"pandas.json_normalize", "pandas.Series", "numpy.array", "numpy.asarray", "numpy.stack", "torch.tensor",
	"torch.as_tensor", "torch.from_numpy"})

// Request attributes by framework (§3.5).
var (
	flaskAttrs = map[string]Label{
		"args": WebField, "form": WebField, "values": WebField, "json": WebField, "view_args": WebField,
		"headers": WebField, "cookies": WebField, "path": WebField,
		"files": WebBody, "stream": WebBody, "data": WebBody,
		"full_path": WebOther, "url": WebOther, "remote_addr": WebOther, "access_route": WebOther,
	}
	flaskMethods  = map[string]Label{"get_json": WebField, "get_data": WebBody}
	djangoAttrs   = map[string]Label{"GET": WebField, "POST": WebField, "body": WebBody, "FILES": WebBody, "COOKIES": WebOther, "headers": WebOther, "META": WebOther}
	fastapiAttrs  = map[string]Label{"query_params": WebField, "path_params": WebField, "headers": WebField, "cookies": WebField, "client": WebOther, "url": WebOther}
	fastapiMethod = map[string]Label{"json": WebField, "form": WebField, "body": WebBody, "stream": WebBody,
		"receive_text": WebField, "receive_json": WebField, "receive_bytes": WebBody, "receive": WebBody}
	netAttrs   = map[string]bool{"text": true, "content": true, "raw": true}
	netMethods = map[string]map[string]bool{
		"requests.Response":        {"json": true, "iter_content": true, "iter_lines": true},
		"httpx.Response":           {"json": true, "iter_bytes": true, "iter_text": true, "iter_lines": true, "read": true, "aread": true},
		"aiohttp.ClientResponse":   {"json": true, "text": true, "read": true},
		"http.client.HTTPResponse": {"read": true, "readline": true, "readlines": true},
		"socket.socket":            {"recv": true, "recv_into": true, "recvfrom": true},
		"zmq.Socket":               {"recv": true, "recv_multipart": true, "recv_string": true, "recv_json": true},
	}
	netAttrTypes = map[string]bool{"requests.Response": true, "httpx.Response": true}
)

type taintKey struct {
	node int32
	ctx  int64 // flow.ctx
	spec *TaintSpec
}

// Taint returns the sources that reach expression n (§3.5–§3.7), computed
// intra-procedurally and one level across the functions of the module
// (interproc.go). spec may be nil for the shared defaults.
func (f *File) Taint(n *Node, spec *TaintSpec) Label {
	return f.taintIn(n, flow{spec: spec})
}

// taintIn is Taint in the context fl (interproc.go).
func (f *File) taintIn(n *Node, fl flow) Label {
	n = Unparen(n)
	if n == nil {
		return 0
	}
	if f.taintCache == nil {
		f.taintCache = map[taintKey]Label{}
	}
	k := taintKey{n.idx, fl.ctx, fl.spec}
	if l, ok := f.taintCache[k]; ok {
		return l
	}
	if f.depth > 200 {
		return 0 // pathological nesting: unknown, so stay silent
	}
	f.depth++
	f.taintCache[k] = 0 // cycle guard
	l := f.taint(n, fl)
	f.depth--
	f.taintCache[k] = l
	return l
}

func (f *File) taintAll(fl flow, nodes ...*Node) Label {
	var l Label
	for _, n := range nodes {
		l |= f.taintIn(n, fl)
	}
	return l
}

func (f *File) taint(n *Node, fl flow) Label {
	switch n.Kind {
	case KIdentifier:
		return f.nameTaint(n, fl)
	case KAttribute:
		return f.attrTaint(n, fl)
	case KCall:
		return f.callTaint(n, fl)
	case KSubscript:
		return f.taintIn(n.Field("value"), fl)
	case KBinaryOperator:
		switch op := n.Field("operator"); {
		case op == nil:
		case op.Is("+"), op.Is("%"), op.Is("/"):
			return f.taintAll(fl, n.Field("left"), n.Field("right"))
		}
		return 0
	case KBooleanOperator:
		return f.taintAll(fl, n.Field("left"), n.Field("right"))
	case KString:
		var l Label
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Kind == KInterpolation {
				l |= f.taintIn(c.Field("expression"), fl)
			}
		}
		return l
	case KConcatenatedString, KList, KTuple, KSet, KExpressionList, KDict:
		var l Label
		for _, c := range n.NamedChildren() {
			if c.Kind == KPair {
				l |= f.taintAll(fl, c.Field("key"), c.Field("value"))
				continue
			}
			l |= f.taintIn(c, fl)
		}
		return l
	case KListSplat, KDictSplat, KAwait:
		return f.taintIn(n.NamedChild(0), fl)
	case KNamedExpression:
		return f.taintIn(n.Field("value"), fl)
	case KConditionalExpression:
		parts := n.NamedChildren()
		if len(parts) != 3 {
			return 0
		}
		if f.isAllowListTernary(parts[0], parts[1], parts[2]) {
			return 0
		}
		return f.taintAll(fl, parts[0], parts[2])
	case KListComprehension, KSetComprehension, KGeneratorExpression, KDictComprehension:
		var l Label
		for _, c := range n.NamedChildren() {
			switch c.Kind {
			case KForInClause:
				l |= f.taintIn(c.Field("right"), fl)
			case KIfClause:
			default:
				if c.FieldName() == "body" {
					l |= f.taintIn(c, fl)
				}
			}
		}
		return l
	case KPair:
		return f.taintAll(fl, n.Field("key"), n.Field("value"))
	}
	return 0
}

func (f *File) nameTaint(n *Node, fl flow) Label {
	name := n.Text()
	// Comprehension variables take the taint of their iterable.
	for p := n.Parent(); p != nil && p.Kind != KFunctionDefinition && p.Kind != KLambda && p.Kind != KModule; p = p.Parent() {
		switch p.Kind {
		case KListComprehension, KSetComprehension, KGeneratorExpression, KDictComprehension:
			for _, c := range p.NamedChildren() {
				if c.Kind == KForInClause && bindsName(c.Field("left"), name) && !c.Contains(n) {
					return f.taintIn(c.Field("right"), fl)
				}
			}
		}
	}
	s := f.ScopeOf(n)
	if s.lookupScope(name) != s {
		return 0 // globals, closures and builtins: taint is intra-procedural
	}
	d := s.DefAt(name, n.Start)
	if d == nil || s.guarded(name, d.Pos, n.Start) {
		return 0
	}
	switch d.Kind {
	case DefAssign, DefFor, DefWith:
		return f.taintIn(d.Value, fl)
	case DefAugment:
		l := f.taintIn(d.Value, fl)
		if prev := s.DefAt(name, d.Stmt.Start); prev != nil && prev != d {
			l |= f.taintIn(prev.Target, fl)
		}
		return l
	case DefParam:
		return f.paramTaint(s, d.Param, fl)
	}
	return 0
}

func bindsName(target *Node, name string) bool {
	found := false
	if target == nil {
		return false
	}
	target.Walk(func(m *Node) bool {
		if m.Kind == KIdentifier && m.Is(name) {
			found = true
		}
		return !found
	})
	return found
}

func (s *Scope) guarded(name string, after, pos uint32) bool {
	for _, g := range s.guards {
		// The collection is checked now, once all module bindings are known.
		if g.name == name && g.from >= after && g.from <= pos && pos < g.to && s.File.isConstCollection(g.coll) {
			return true
		}
	}
	return false
}

// requestObject reports which framework's request object n is: "flask"
// for the flask.request global, "fastapi"/"django" for request parameters
// (and, in a rule's query, for parameters a ROUTE HANDLER of the module
// passes one to: interproc.go).
func (f *File) requestObject(n *Node, fl flow) string {
	n = Unparen(n)
	if n == nil || n.Kind != KIdentifier && n.Kind != KAttribute {
		return ""
	}
	switch f.Qualname(n) {
	case "flask.request", "quart.request": // `request` or `flask.request`
		return "flask"
	}
	if n.Kind != KIdentifier {
		return ""
	}
	s := f.ScopeOf(n)
	if s.lookupScope(n.Text()) != s {
		return ""
	}
	d := s.DefAt(n.Text(), n.Start)
	if d == nil || d.Kind != DefParam {
		return ""
	}
	if fn := s.Func(); fn != nil {
		if r := fn.RequestParam(d.Param); r != "" || fl.ctx != ctxFull {
			return r
		}
		return f.inboundRequestObject(fn, d.Param)
	}
	return ""
}

func (f *File) attrTaint(n *Node, fl flow) Label {
	obj, attr := n.Field("object"), n.Field("attribute").Text()
	switch f.requestObject(obj, fl) {
	case "flask":
		return flaskAttrs[attr]
	case "django":
		return djangoAttrs[attr]
	case "fastapi":
		return fastapiAttrs[attr]
	}
	if spec := fl.spec; spec != nil && spec.PathNameSafe && attr == "name" {
		if c, ok := f.AsCall(obj); ok && c.Is("pathlib.Path", "pathlib.PurePath") {
			return 0
		}
	}
	if netAttrs[attr] && netAttrTypes[f.TypeOf(obj)] {
		return Net
	}
	return f.taintIn(obj, fl)
}

func (f *File) callTaint(n *Node, fl flow) Label {
	c, _ := f.AsCall(n)
	q, spec := c.Callee(), fl.spec
	if spec != nil && q != "" && spec.Sanitizers[q] {
		return 0
	}
	if l := f.hubDLTaint(c); l != 0 {
		return l
	}
	if recv := c.Receiver(); recv != nil {
		m := c.Method()
		switch f.requestObject(recv, fl) {
		case "flask":
			return flaskMethods[m]
		case "fastapi":
			return fastapiMethod[m]
		case "django":
			return 0
		}
		if ms := netMethods[f.TypeOf(recv)]; ms[m] {
			return Net
		}
	}
	if q != "" && (propagators[q] || spec != nil && spec.Propagators[q]) {
		return f.taintArgs(c, fl)
	}
	if q != "" && peerPropagators[q] {
		return peerOnly(f.taintArgs(c, fl))
	}
	// A function of this module whose return depends on a parameter passes
	// the taint of that argument (one level: interproc.go).
	local := f.localReturnTaint(c, fl)
	switch c.Method() {
	case "":
		return local
	case "join", "format":
		// "sep".join(parts), "{}".format(x): str building (§3.6 (2)).
		return local | f.taintIn(c.Receiver(), fl) | f.taintArgs(c, fl)
	}
	if q != "" && f.isModuleName(q[:max(0, len(q)-len(c.Method())-1)]) {
		return local // module.function(...) is a call, not a method on data
	}
	// A method call on a tainted receiver (s.strip(), d.get(k), t.values).
	return local | f.taintIn(c.Receiver(), fl)
}

func (f *File) taintArgs(c Call, fl flow) Label {
	var l Label
	if c.Args == nil {
		return 0
	}
	for a := c.Args.FirstChild(); a != nil; a = a.NextSibling() {
		switch {
		case a.Kind == KKeywordArgument:
			l |= f.taintIn(a.Field("value"), fl)
		case a.Named() && a.Kind != KComment:
			l |= f.taintIn(a, fl)
		}
	}
	return l
}

// isAllowListTernary: `t if t in C else <literal>` with C a constant collection.
func (f *File) isAllowListTernary(val, cond, other *Node) bool {
	cond = Unparen(cond)
	if cond == nil || cond.Kind != KComparisonOperator || LiteralValue(other).Kind == NotLiteral {
		return false
	}
	ops := ComparisonOps(cond)
	parts := cond.NamedChildren()
	return len(ops) == 1 && ops[0] == "in" && len(parts) == 2 && SameExpression(parts[0], val) && f.isConstCollection(parts[1])
}

// ComparisonOps lists the operators of a comparison ("in", "not in", "==", …).
func ComparisonOps(n *Node) []string {
	var ops []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if !c.Named() {
			t := c.Text()
			if t == "not" || t == "is" {
				// "not in" and "is not" are two tokens in some grammar versions.
				if nx := c.NextSibling(); nx != nil && !nx.Named() && (nx.Is("in") || nx.Is("not")) {
					ops = append(ops, t+" "+nx.Text())
					c = nx
					continue
				}
			}
			ops = append(ops, t)
		}
	}
	return ops
}

// isConstCollection: a literal collection, or a module-level name assigned
// exactly once from one (possibly through set()/frozenset()/tuple()).
func (f *File) isConstCollection(n *Node) bool {
	n = Unparen(n)
	if n == nil {
		return false
	}
	switch n.Kind {
	case KList, KTuple, KSet, KDict:
		return true
	case KCall:
		c, _ := f.AsCall(n)
		if c.Is("builtins.set", "builtins.frozenset", "builtins.tuple", "builtins.list", "builtins.dict") {
			return f.isConstCollection(c.Pos(0)) || c.Pos(0) == nil
		}
		if c.Method() == "keys" || c.Method() == "values" {
			return f.isConstCollection(c.Receiver())
		}
	case KIdentifier:
		defs := f.Module.defs[n.Text()]
		if len(defs) == 1 && defs[0].Kind == DefAssign && !defs[0].Unpacked {
			s := f.ScopeOf(n)
			if s.lookupScope(n.Text()) == f.Module {
				return f.isConstCollection(defs[0].Value)
			}
		}
	}
	return false
}

// allowGuard records ALLOW-GUARD sanitisation for an if statement:
//
//	if t not in C: <raise | return | abort(...)>   -> t clean after the if
//	if t in C: <body>                             -> t clean inside body
func (f *File) allowGuard(s *Scope, n *Node) {
	cond := Unparen(n.Field("condition"))
	if cond == nil || cond.Kind != KComparisonOperator {
		return
	}
	parts := cond.NamedChildren()
	ops := ComparisonOps(cond)
	if len(parts) != 2 || len(ops) != 1 || Unparen(parts[0]).Kind != KIdentifier {
		return
	}
	name := Unparen(parts[0]).Text()
	cons := n.Field("consequence")
	if cons == nil {
		return
	}
	switch ops[0] {
	case "not in":
		if Exits(cons) {
			end := s.Node.End
			s.guards = append(s.guards, guard{name: name, from: n.End, to: end, coll: parts[1]})
		}
	case "in":
		s.guards = append(s.guards, guard{name: name, from: cons.Start, to: cons.End, coll: parts[1]})
	}
}
