package rules

import . "github.com/pyguard/pyguard/analyzer"

// host179 returns the host argument of a Feast server start: FeatureStore
// serve/serve_offline/serve_ui(host, port, ...) or
// feast.feature_server.start_server(store, host, port, ...).
func host179(p *Pass, c Call) *Node {
	switch {
	case feastStoreMethod(p, c, "serve", "serve_offline", "serve_ui"):
		return c.Arg(0, "host")
	case c.Is("feast.feature_server.start_server"):
		return c.Arg(1, "host")
	}
	return nil
}

// allInterfaces179: the rule lists "0.0.0.0", "::", "[::]" and "" — the
// ALL-INTERFACES literals except "*", which uvicorn/gunicorn cannot bind.
func allInterfaces179(host *Node) bool {
	return IsAllInterfacesLiteral(host) && !IsStrLiteral(host, "*")
}

var AIML179 = &Rule{
	ID:         "AIML179",
	Title:      "Feature serving vulnerabilities",
	Section:    "2.1.2",
	Severity:   High,
	References: []string{"CWE-306", "CWE-1327"},
	Fix:        Unsafe,
	Message:    "Feast feature server bound to all interfaces: reads and /push writes are open to the network unless auth is configured.",
	Doc: "A Feast feature server (online, offline or UI) is bound to all interfaces. Feast's feature server " +
		"exposes `/get-online-features`, `/push`, `/write-to-online-store` and `/materialize`, and its auth " +
		"defaults to `no_auth`: every host that can reach the port can read all online features and overwrite " +
		"them, unless auth is configured separately.",
	FixDoc: "Replace the host literal with `\"127.0.0.1\"` and expose the server through an authenticating proxy, " +
		"or configure Feast `auth` (oidc/kubernetes) with permissions. Unsafe: remote clients (other containers, " +
		"hosts) can no longer reach the server directly.",
	Example: `store = FeatureStore(repo_path="feature_repo")
store.serve(host="0.0.0.0", port=6566)`,
	SafeExample: `store = FeatureStore(repo_path="feature_repo")
store.serve(host="127.0.0.1", port=6566)`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		host := host179(p, c)
		if host == nil || !allInterfaces179(host) {
			return
		}
		fix := p.Guidance()
		if e, ok := HostLiteralEdit(host); ok {
			fix = p.Edits(Unsafe, "Bind this `"+codeText(c.Func, 40)+"` to `127.0.0.1` instead of `"+codeText(Unparen(host), 20)+
				"`; expose it through an authenticating proxy or configure Feast `auth`.", e).
				Changing("other containers and hosts can no longer reach this Feast server directly; only local " +
					"clients and a proxy on the same host can.")
		}
		p.Report(host, fix)
	},
}

func init() { register(AIML179) }
