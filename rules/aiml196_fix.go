package rules

import (
	"path"
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// Fixes that move a fixed world-writable directory (AIML196, AIML199) to a
// private one from tempfile.mkdtemp(): mode 0700, a name no other user can
// predict or pre-create.

// Path builders whose arguments fixedPath196 folds.
var (
	pathJoins196 = []string{"os.path.join", "posixpath.join"}
	pathCtors196 = []string{"pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "pathlib.PurePosixPath"}
)

// fixedPath196 evaluates a path expression that names one fixed location,
// written in place: a str literal (a `file://` URL gives its path), or
// os.path.join / pathlib.Path / the Path `/` operator over such literals and
// tempfile.gettempdir(). tempdir is true when the path starts at
// tempfile.gettempdir() (then dir is the part after it). ok is false for
// anything else: names (a constant may be read elsewhere), f-strings with
// interpolations (the author built a per-run or per-rank location), calls.
func fixedPath196(p *Pass, e *Node) (dir string, tempdir, ok bool) {
	e = Unparen(e)
	if e == nil {
		return "", false, false
	}
	switch e.Kind {
	case KString, KConcatenatedString:
		l := LiteralValue(e)
		if l.Kind != LitStr {
			return "", false, false
		}
		s := l.Str
		if rest, found := strings.CutPrefix(s, "file://"); found {
			rest = strings.TrimPrefix(rest, "localhost")
			if !strings.HasPrefix(rest, "/") {
				return "", false, false
			}
			s = rest
		}
		return s, false, true
	case KCall:
		c, _ := p.AsCall(e)
		if c.Is("tempfile.gettempdir") && c.Args != nil && len(c.Args.NamedChildren()) == 0 {
			return "", true, true
		}
		if !c.Is(pathJoins196...) && !c.Is(pathCtors196...) || c.Args == nil {
			return "", false, false
		}
		args := c.Positional()
		if len(args) == 0 || len(args) != len(c.Args.NamedChildren()) {
			return "", false, false
		}
		return joinFixed196(p, args)
	case KBinaryOperator:
		if op := e.Field("operator"); op == nil || !op.Is("/") {
			return "", false, false
		}
		return joinFixed196(p, []*Node{e.Field("left"), e.Field("right")})
	}
	return "", false, false
}

// joinFixed196 joins fixed parts as os.path.join does: an absolute part
// restarts the path.
func joinFixed196(p *Pass, parts []*Node) (dir string, tempdir, ok bool) {
	for _, part := range parts {
		s, td, ok := fixedPath196(p, part)
		if !ok {
			return "", false, false
		}
		switch {
		case td:
			dir, tempdir = "", true
		case strings.HasPrefix(s, "/"):
			dir, tempdir = s, false
		default:
			dir = path.Join(dir, s)
		}
	}
	return dir, tempdir, true
}

// wwBase196 is the world-writable directory (/tmp, /var/tmp, /dev/shm) that
// absolute path s lies in, or "".
func wwBase196(s string) string {
	s = path.Clean(s)
	for _, d := range []string{"/tmp", "/var/tmp", "/dev/shm"} {
		if s == d || strings.HasPrefix(s, d+"/") {
			return d
		}
	}
	return ""
}

// orphansImport196 reports whether replacing expression e would leave an
// import unused: e reads a name bound by an import that nothing outside e
// reads (`Path` in `Path("/tmp") / "hvd"`). tempfile is kept in use by the
// replacement.
func orphansImport196(p *Pass, e *Node) bool {
	orphan := false
	e.Walk(func(m *Node) bool {
		if orphan || m.Kind != KIdentifier || !IsNameRead(m) || m.Is("tempfile") {
			return !orphan
		}
		d := p.ScopeOf(m).DefAt(m.Text(), m.Start)
		if d == nil {
			d = p.Module.DefAt(m.Text(), m.Start)
		}
		if d == nil || d.Kind != DefImport {
			return true
		}
		used := false
		p.Tree.Root().Walk(func(u *Node) bool {
			if !used && u.Kind == KIdentifier && u.Is(m.Text()) && !e.Contains(u) && IsNameRead(u) {
				used = true
			}
			return !used
		})
		orphan = !used
		return !orphan
	})
	return orphan
}

// fix196 replaces the Horovod store's fixed world-writable prefix with
// `tempfile.mkdtemp(prefix="horovod-")`; guidance for other path forms and
// where the replaced expression holds the last use of an import.
func fix196(p *Pass, at *Node) *Fix {
	if _, _, ok := fixedPath196(p, at); !ok || orphansImport196(p, Unparen(at)) {
		return p.Guidance()
	}
	value := Unparen(at)
	b := p.NewFix(Unsafe, "Create the Horovod store in a new private directory from `tempfile.mkdtemp()` instead of `"+
		oneLine193(value.Text())+"`.", value).
		Changing("the store's training data and checkpoints go to a new directory on every run, so nothing left " +
			"under the old fixed path (such as checkpoints to resume from) is found; executors running as another " +
			"OS user cannot write to it.")
	b.Add(ReplaceNode(value, b.Module("tempfile")+`.mkdtemp(prefix="horovod-")`))
	return b.Build(p.Guidance())
}
