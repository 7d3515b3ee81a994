package rules

import . "github.com/pyguard/pyguard/analyzer"

// taint267 is the 2.4 propagation plus, for this rule, json.loads and
// yaml.safe_load of a tainted value (io.StringIO already propagates).
var taint267 = &TaintSpec{
	Sanitizers:  map[string]bool{"builtins.bool": true},
	Propagators: map[string]bool{"json.loads": true, "yaml.safe_load": true},
}

// configParsers267 are the configparser classes fileConfig accepts.
var configParsers267 = setOf(qualify("configparser.", "ConfigParser", "RawConfigParser", "SafeConfigParser"))

// configTaint267 is the REMOTE-TAINT of a logging config argument: the
// taint of the value, or, for a ConfigParser bound in the SCOPE, of what a
// `.read_string(...)` on it read before the call.
func configTaint267(p *Pass, c Call, v *Node) Label {
	l := p.Taint(v, taint267) & RemoteTaint
	v = Unparen(v)
	if l != 0 || v == nil || v.Kind != KIdentifier || !configParsers267[p.TypeOf(v)] {
		return l
	}
	s := p.ScopeOf(v)
	d := s.DefAt(v.Text(), v.Start)
	for _, k := range scopeCallsDrift(p, c.Node) {
		if k.Node.Start >= c.Node.Start || k.Method() != "read_string" {
			continue
		}
		r := Unparen(k.Receiver())
		if r == nil || r.Kind != KIdentifier || !r.Is(v.Text()) || s.DefAt(r.Text(), r.Start) != d {
			continue
		}
		l |= p.Taint(k.Arg(0, "string"), taint267) & RemoteTaint
	}
	return l
}

var AIML267 = &Rule{
	ID:         "AIML267",
	Title:      "Logging framework vulnerabilities",
	Section:    "2.4.1",
	Severity:   High,
	References: []string{"CWE-94", "CWE-95", "bpo-15445", "Bandit B612"},
	Fix:        Guidance,
	Message:    "Logging config from a socket without verify= or from untrusted input is executed (eval/arbitrary classes): code execution.",
	Doc: "Python's logging configuration machinery executes configuration: `logging.config.listen()` accepts " +
		"configs over a socket, `fileConfig` passes parts through `eval()`, and `dictConfig` instantiates " +
		"arbitrary callables through `\"()\"` keys. A listener without `verify`, or a config taken from a request " +
		"or a remote response, lets an attacker run code in the serving or monitoring process (and silently " +
		"redirect or drop monitoring logs).",
	FixDoc: "Pass `verify=` a function that checks an HMAC signature of the received bytes (returning `None` " +
		"rejects), or drop the listener. Never configure logging from request or remote data; load a local, " +
		"reviewed config.",
	Example: `def start_log_control():
    t = logging.config.listen(9030)
    t.daemon = True
    t.start()
    return t`,
	SafeExample: `def start_log_control():
    t = logging.config.listen(9030, verify=verify_signed_config)
    t.daemon = True
    t.start()
    return t`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		switch {
		case c.Is("logging.config.listen"):
			v, known := c.LookupArg(1, "verify")
			if !known || v != nil && LiteralValue(v).Kind != LitNone {
				return
			}
			fd := p.ReportCall(c, GuidanceFix("Pass `verify=` a function that checks an HMAC signature of the "+
				"received bytes (returning `None` rejects the config), or drop the listener."))
			fd.Message = "logging.config.listen() without verify= runs any config sent to its port (eval, arbitrary classes): code execution."
		case c.Is("logging.config.fileConfig", "logging.config.dictConfig"):
			l := configTaint267(p, c, c.Arg(0, "fname", "config"))
			if l == 0 {
				return
			}
			fd := p.ReportCall(c, GuidanceFix("Never configure logging from request or remote data; load a local, "+
				"reviewed config file instead."))
			fd.Message = "Logging config built from " + SourceName(l) + " is executed (eval, arbitrary classes): code execution."
		}
	},
}

func init() { register(AIML267) }
