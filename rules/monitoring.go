package rules

import . "github.com/pyguard/pyguard/analyzer"

// Propagation of every rule in section 2.4 (AIML261–AIML280): the shared
// one, except that bool() does not propagate (README §3.6: a bool is a
// bounded value).
var taint24 = &TaintSpec{Sanitizers: Set([]string{"builtins.bool"})}

// web24 is the T-WEB label of n under the 2.4 propagation (0 for nil).
func web24(p *Pass, n *Node) Label {
	if n == nil {
		return 0
	}
	return p.Taint(n, taint24) & WebTaint
}

// remote24 is the T-WEB or T-NET label of n under the 2.4 propagation.
func remote24(p *Pass, n *Node) Label {
	if n == nil {
		return 0
	}
	return p.Taint(n, taint24) & RemoteTaint
}
