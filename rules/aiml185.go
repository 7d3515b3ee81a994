package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

var (
	// dvcReaders185 take (path, repo=None, rev=None, ...).
	dvcReaders185 = qualify("dvc.api.", "open", "read", "get_url")
	// dvcFileSystems185 take (url=None, rev=None, ...); current DVC also
	// accepts the repository URL as repo=. dvc.api re-exports the class.
	dvcFileSystems185 = []string{"dvc.api.DVCFileSystem", "dvc.fs.DVCFileSystem", "dvc.fs.dvc.DVCFileSystem"}
	// remoteRepoPrefixes185 mark a remote Git repository URL.
	remoteRepoPrefixes185 = []string{"https://", "http://", "ssh://", "git@"}
	// floatingRevs185 are branch names that move with every push.
	floatingRevs185 = []string{"main", "master", "HEAD", "develop", "dev"}
)

// remoteRepo185 reports whether repo is a str literal naming a remote repository.
func remoteRepo185(repo *Node) bool {
	l := LiteralValue(repo)
	if l.Kind != LitStr {
		return false
	}
	for _, pre := range remoteRepoPrefixes185 {
		if strings.HasPrefix(l.Str, pre) {
			return true
		}
	}
	return false
}

// unpinnedRev185 reports whether rev is absent, None or a floating branch literal.
func unpinnedRev185(rev *Node) bool {
	if rev == nil {
		return true
	}
	l := LiteralValue(rev)
	return l.Kind == LitNone || IsStrLiteral(rev, floatingRevs185...)
}

var AIML185 = &Rule{
	ID:         "AIML185",
	Title:      "Version control weaknesses",
	Section:    "2.1.2",
	Severity:   Medium,
	References: []string{"CWE-494", "CWE-829", "OWASP ML06"},
	Fix:        Guidance,
	Message:    "Remote DVC data read without a pinned rev: whatever the branch head holds at run time is loaded. Pin rev to a tag or commit.",
	Doc: "Feature or training data is pulled from a remote DVC/Git repository without pinning a revision (`rev` " +
		"absent, `None` or a branch name such as `main`); DVC then uses the remote repository's default branch. What " +
		"gets loaded is whatever the branch head points to at run time, so anyone who can push to that repository " +
		"changes the data, and runs are not reproducible.",
	FixDoc: "Pass `rev=\"<commit sha or release tag>\"` and record it with the model run.",
	Example: `import dvc.api

raw = dvc.api.read("data/features.csv", repo="https://github.com/acme/feature-data")`,
	SafeExample: `raw = dvc.api.read("data/features.csv", repo="https://github.com/acme/feature-data", rev="v2.3.0")`,
	Kinds:       []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		var repo, rev *Node
		var known bool
		switch {
		case c.Is(dvcReaders185...):
			repo = c.Arg(1, "repo")
			rev, known = c.LookupArg(2, "rev")
		case c.Is(dvcFileSystems185...):
			repo = c.Arg(0, "url", "repo")
			rev, known = c.LookupArg(1, "rev")
		default:
			return
		}
		if !known || !remoteRepo185(repo) || !unpinnedRev185(rev) {
			return
		}
		p.ReportCall(c, p.Guidance())
	},
}

func init() { register(AIML185) }
