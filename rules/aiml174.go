package rules

import . "github.com/pyguard/pyguard/analyzer"

// Pickle-family functions that take an open file object (AIML174).
var (
	pickleLoads174 = []string{"pickle.load", "cloudpickle.load", "dill.load"}
	pickleDumps174 = []string{"pickle.dump", "cloudpickle.dump", "dill.dump"}
)

// path174 returns the PATH argument of a preprocessing-state loader or
// writer call, and whether the call is a writer (writers: case (b) only).
// pickle/cloudpickle/dill need their file argument to be `open(PATH, ...)`,
// inline or bound by `with open(PATH, ...) as f` in the same SCOPE.
func path174(p *Pass, c Call) (path *Node, writer bool) {
	switch {
	case c.Is("joblib.load", "pandas.read_pickle"):
		return c.Arg(0, "filename", "filepath_or_buffer"), false
	case c.Is("joblib.dump"):
		return c.Arg(1, "filename"), true
	case c.Is(pickleLoads174...):
		return openedPath(p, c.Arg(0, "file")), false
	case c.Is(pickleDumps174...):
		return openedPath(p, c.Arg(1, "file")), true
	case c.Is("pandas.DataFrame.to_pickle"): // unbound: DataFrame.to_pickle(df, path)
		return c.Arg(1, "path"), true
	case c.Method() == "to_pickle" && c.ReceiverType() == "pandas.DataFrame":
		return c.Arg(0, "path"), true
	}
	return nil, false
}

// openedPath is PATH when file is `open(PATH, ...)` or a name bound in the
// same SCOPE by `with open(PATH, ...) as name`; nil otherwise (uploads,
// buffers and other file objects are not a PATH).
func openedPath(p *Pass, file *Node) *Node {
	file = Unparen(file)
	if file == nil {
		return nil
	}
	if file.Kind == KIdentifier {
		d := p.ScopeOf(file).DefAt(file.Text(), file.Start)
		if d == nil || d.Kind != DefWith || d.Unpacked {
			return nil
		}
		file = Unparen(d.Value)
	}
	c, ok := p.AsCall(file)
	if !ok || !c.Is("builtins.open") {
		return nil
	}
	return c.Arg(0, "file")
}

var AIML174 = &Rule{
	ID:         "AIML174",
	Title:      "Preprocessing state tampering",
	Section:    "2.1.1",
	Severity:   High,
	References: []string{"CWE-502", "CWE-377", "CWE-379", "OWASP ML06", "MITRE ATLAS AML.T0010"},
	Fix:        Guidance,
	Message:    "Preprocessing pickle loaded from/saved to an attacker-controllable path: replacing the file means code execution on load.",
	Doc: "Fitted preprocessing state (scalers, encoders, pipelines) is pickled to or unpickled from a place an " +
		"attacker can control: (a) a client-chosen path, or (b) a fixed name in a world-writable directory " +
		"(`/tmp`, `/var/tmp`, `/dev/shm`) that any local user can pre-create or replace. Anyone who can write " +
		"that file gets code execution on load, or silently altered preprocessing.",
	FixDoc: "Keep artifacts in an application-owned directory (or `tempfile.mkdtemp()`), map client input to an " +
		"allow-list, and verify a pinned SHA-256 before loading (or use `skops.io` with trusted types).",
	Example: `def load_preprocessor():
    return joblib.load("/tmp/feature_scaler.joblib")`,
	SafeExample: `def load_preprocessor():
    return joblib.load("artifacts/feature_scaler.joblib")`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		path, writer := path174(p, c)
		if path == nil {
			return
		}
		// (b) a fixed name in a world-writable directory.
		ww := p.IsWorldWritablePath(path)
		// (a) a client-chosen path string; inside BentoML APIs AIML230 owns it.
		client := false
		if !writer && !ww {
			fn := p.FuncOf(n)
			client = (fn == nil || fn.Route != RouteBento) && p.Taint(path, nil)&WebField != 0
		}
		if ww || client {
			p.ReportCall(c, p.Guidance())
		}
	},
}

func init() { register(AIML174) }
