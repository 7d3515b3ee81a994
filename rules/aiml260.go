package rules

import . "github.com/pyguard/pyguard/analyzer"

// Flower's legacy gRPC entry points (flwr.server.start_server,
// flwr.client.start_client / start_numpy_client) take keyword-only
// arguments. The server is secure only with certificates=(ca, cert, key);
// the client is insecure when insecure=True, or when insecure is None (the
// default) and root_certificates is None ("insecure = root_certificates is
// None" in flwr/compat/client/app.py).

var AIML260 = &Rule{
	ID:         "AIML260",
	Title:      "Federated learning gaps",
	Section:    "2.3.3",
	Severity:   High,
	References: []string{"CWE-319", "CWE-295", "OWASP ML02", "MITRE ATLAS AML.T0020"},
	Fix:        Unsafe,
	Message:    "Flower federated traffic without TLS; model updates can be sniffed or tampered in transit.",
	Doc: "A Flower federated-learning server or client talks plaintext gRPC: `flwr.server.start_server` without " +
		"`certificates=` on a non-loopback address (the default is `[::]:8080`, every interface), or " +
		"`flwr.client.start_client`/`start_numpy_client` with `insecure=True` or without `root_certificates=` to a " +
		"remote server. Anyone on the path can read the global model and the clients' updates or alter them " +
		"(poisoning, model theft).",
	FixDoc: "For a client, replace `insecure=True` with `insecure=False` (TLS verified against the system CAs). For a " +
		"server, pass `certificates=(ca_cert, server_cert, server_key)` as bytes (e.g. `Path(...).read_bytes()`).",
	Example: `import flwr as fl

fl.server.start_server(server_address="0.0.0.0:8080", config=fl.server.ServerConfig(num_rounds=5))`,
	SafeExample: `fl.server.start_server(
    server_address="0.0.0.0:8080",
    config=fl.server.ServerConfig(num_rounds=5),
    certificates=(ca_pem, server_pem, key_pem),
)`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		switch {
		case c.Is(flowerServersEdge...):
			check260Server(p, c)
		case c.Is(flowerClientsEdge...):
			check260Client(p, c)
		}
	},
}

// remoteAddress260: the server_address argument is absent (when absent
// means dflt), or not a loopback literal.
func remoteAddress260(p *Pass, c Call, absentIsRemote bool) bool {
	addr, known := c.LookupArg(-1, "server_address")
	if !known {
		return false
	}
	if addr == nil {
		return absentIsRemote
	}
	if h, ok := addressHostOfEdge(p, addr); ok {
		return !isLoopbackHostEdge(h)
	}
	return true
}

// absentOrNone260: the keyword is not passed (certainly), or is None.
func absentOrNone260(c Call, kw string) (absent, known bool) {
	v, known := c.LookupArg(-1, kw)
	if !known {
		return false, false
	}
	return v == nil || LiteralValue(v).Kind == LitNone, true
}

func check260Server(p *Pass, c Call) {
	noCerts, known := absentOrNone260(c, "certificates")
	if !known || !noCerts || !remoteAddress260(p, c, true) {
		return
	}
	p.ReportCall(c, GuidanceFix("Start the server with TLS: pass `certificates=(ca_cert, server_cert, server_key)` "+
		"as bytes to `"+codeText(c.Func, 30)+"` (for example `Path(\"certs/ca.crt\").read_bytes()`), and connect "+
		"clients with `root_certificates=`."))
}

func check260Client(p *Pass, c Call) {
	insecure, known := c.LookupArg(-1, "insecure")
	if !known {
		return
	}
	if insecure != nil && IsTrue(insecure) {
		p.ReportCall(c, p.Edits(Unsafe, "Pass `insecure=False` to this `"+codeText(c.Func, 30)+"`, so it connects "+
			"over TLS verified against the system certificate authorities.", ReplaceNode(Unparen(insecure), "False")).
			Changing("the client now needs the server to present a certificate trusted by the system CAs; a plaintext "+
				"or self-signed Flower server rejects it (pass `root_certificates=` for a private CA)."))
		return
	}
	if insecure != nil && LiteralValue(insecure).Kind != LitNone {
		return // False, or a value that cannot be known
	}
	noRoots, known := absentOrNone260(c, "root_certificates")
	if !known || !noRoots || !remoteAddress260(p, c, false) {
		return
	}
	p.ReportCall(c, GuidanceFix("Connect over TLS: pass `root_certificates=` with the PEM of the CA that signed the "+
		"server certificate (or `insecure=False` to use the system CAs) to `"+codeText(c.Func, 30)+"`."))
}

func init() { register(AIML260) }
