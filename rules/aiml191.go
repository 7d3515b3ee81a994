package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML191 = &Rule{
	ID:         "AIML191",
	Title:      "Parameter server vulnerabilities",
	Section:    "2.2.1",
	Severity:   Critical,
	References: []string{"CWE-502", "CWE-798", "CWE-1327", "OWASP ML06", "MITRE ATLAS AML.T0049"},
	Fix:        Unsafe,
	Message:    "Parameter-server socket listens on all interfaces with a hard-coded/absent authkey; any peer can send pickles (RCE).",
	Doc: "A `multiprocessing` manager or `multiprocessing.connection.Listener` used as a parameter server listens " +
		"on every interface (`\"\"`, `\"0.0.0.0\"`, `\"::\"`) with an authkey that is written in the source (or, for a " +
		"Listener, no authkey at all). Managers and listeners unpickle what peers send, so whoever can reach the " +
		"port and knows the key — anyone who can read the code — gets remote code execution on the server.",
	FixDoc: "Read the authkey from the environment: replace the literal with `os.environ[\"PS_AUTHKEY\"].encode()` " +
		"(for a Listener without authkey, add `authkey=os.environ[\"PS_AUTHKEY\"].encode()`) and insert `import os` " +
		"before the statement when the module does not import it. Servers then refuse peers without the " +
		"deployment's secret.",
	Example: `class ParamServer(BaseManager):
    pass

mgr = ParamServer(address=("", 50000), authkey=b"ps-secret")
mgr.get_server().serve_forever()`,
	SafeExample: `mgr = ParamServer(address=("10.0.0.5", 50000), authkey=os.environ["PS_AUTHKEY"].encode())
mgr.get_server().serve_forever()`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		var key *Node
		switch {
		case isManagerCall191(p, c):
			key = c.Arg(1, "authkey")
			if !isKeyLiteral191(key) {
				return // no authkey: the random per-process key
			}
		case c.Is(listeners191...):
			var known bool
			key, known = c.LookupArg(3, "authkey")
			if !known || key != nil && !isKeyLiteral191(key) && LiteralValue(key).Kind != LitNone {
				return
			}
		default:
			return
		}
		if !isAnyHostTuple191(c.Arg(0, "address")) {
			return
		}
		p.ReportCall(c, fix191(p, c, key))
	},
}

// fix191 replaces the authkey literal (or adds the keyword) and makes `os`
// importable before the statement; guidance when that cannot be done.
func fix191(p *Pass, c Call, key *Node) *Fix {
	desc := "Read the authkey of this `" + codeText(c.Func, 40) + "` from the `PS_AUTHKEY` environment variable " +
		"instead of the literal in the source."
	behavior := "the server and every peer must now be started with the same `PS_AUTHKEY`; where it is unset this " +
		"line raises KeyError."
	if !isKeyLiteral191(key) {
		desc = "Require an authkey from the `PS_AUTHKEY` environment variable on this `" + codeText(c.Func, 40) +
			"`, so peers without the deployment's secret are refused."
		behavior = "clients must now connect with the same key (`Client(..., authkey=...)`); where `PS_AUTHKEY` is " +
			"unset this line raises KeyError."
	}
	b := p.NewFix(Unsafe, desc, c.Node).Changing(behavior).ImportsBeforeStatement()
	authkey := b.Module("os") + envAuthkey191
	if key != nil {
		b.Add(ReplaceNode(Unparen(key), authkey))
	} else if edit, ok := SetKeyword(c, "authkey", authkey); ok {
		b.Add(edit)
	}
	return b.Build(p.Guidance())
}

func init() { register(AIML191) }
