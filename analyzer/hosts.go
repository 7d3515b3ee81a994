package analyzer

// ALL-INTERFACES and loopback host literals, the shared predicates of §3.8.
//
// These are literal predicates: a host is classified only when it is written
// as a plain str literal (concatenations of plain literals count, f-strings
// and bytes do not). Names, parameters and other expressions are never
// all-interfaces or loopback here; rules that follow a binding do so
// themselves before calling the predicate.

// AllInterfacesHosts are the host strings that bind every interface (§3.8).
var AllInterfacesHosts = []string{"0.0.0.0", "::", "[::]", "", "*"}

// LoopbackHosts are the loopback host strings (§3.8).
var LoopbackHosts = []string{"127.0.0.1", "localhost", "::1", "[::1]"}

// LoopbackHost is the loopback literal a rebinding fix writes (§2: always an
// unsafe fix).
const LoopbackHost = "127.0.0.1"

// IsAllInterfacesHost reports whether s is one of AllInterfacesHosts.
func IsAllInterfacesHost(s string) bool { return hostIn(s, AllInterfacesHosts) }

// IsLoopbackHost reports whether s is one of LoopbackHosts.
func IsLoopbackHost(s string) bool { return hostIn(s, LoopbackHosts) }

// IsAllInterfacesLiteral reports whether n is a plain str literal equal to
// "0.0.0.0", "::", "[::]", "" or "*" (parentheses are ignored).
func IsAllInterfacesLiteral(n *Node) bool {
	l := LiteralValue(n)
	return l.Kind == LitStr && IsAllInterfacesHost(l.Str)
}

// IsLoopbackLiteral reports whether n is a plain str literal equal to
// "127.0.0.1", "localhost", "::1" or "[::1]" (parentheses are ignored).
func IsLoopbackLiteral(n *Node) bool {
	l := LiteralValue(n)
	return l.Kind == LitStr && IsLoopbackHost(l.Str)
}

// HostLiteralEdit returns the edit that rewrites the host literal n to the
// loopback host, keeping its prefix and quotes ("0.0.0.0" -> "127.0.0.1"),
// or ok=false when n is not a single plain str literal (a concatenation has
// no one content to replace).
func HostLiteralEdit(n *Node) (Edit, bool) {
	n = Unparen(n)
	if n == nil || n.Kind != KString || LiteralValue(n).Kind != LitStr {
		return Edit{}, false
	}
	return ReplaceStringContent(n, LoopbackHost), true
}

func hostIn(s string, set []string) bool {
	for _, x := range set {
		if s == x {
			return true
		}
	}
	return false
}
