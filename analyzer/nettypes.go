package analyzer

// Receiver typing for the NET-TAINT sources of §3.5 beyond single-name
// constructor bindings: servers take their peer socket from an unpacking
// assignment (`conn, addr = sock.accept()`), and async clients bind an
// awaited response (`r = await client.get(url)`; TypeOf types `await <call>`
// as what the call resolves to).

// knownUnpackReturns types the targets of a tuple-unpacking assignment from
// "ReceiverType.method" calls, by position.
var knownUnpackReturns = map[string][]string{
	"socket.socket.accept": {"socket.socket"}, // conn, address = sock.accept()
}

// unpackedType is the §3.4 type of an unpacked binding `a, b = recv.m(...)`
// (or `= await recv.m(...)`), or "" when the position is not known.
func (f *File) unpackedType(d *Def) string {
	if d.Kind != DefAssign {
		return ""
	}
	v := Unparen(d.Value)
	if v != nil && v.Kind == KAwait {
		v = Unparen(v.NamedChild(0))
	}
	c, ok := f.AsCall(v)
	if !ok || c.Method() == "" {
		return ""
	}
	types := knownUnpackReturns[c.ReceiverType()+"."+c.Method()]
	if i := UnpackIndex(d); i >= 0 && i < len(types) {
		return types[i]
	}
	return ""
}
