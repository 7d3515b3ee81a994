package rules

import . "github.com/pyguard/pyguard/analyzer"

// qualify prefixes each name with prefix: qualify("pandas.", "read_csv") -> "pandas.read_csv".
func qualify(prefix string, names ...string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = prefix + n
	}
	return out
}

// setOf builds a lookup set of qualified names.
func setOf(lists ...[]string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lists {
		for _, s := range l {
			m[s] = true
		}
	}
	return m
}

// shadowed reports whether a builtin name is bound in s or a SCOPE
// enclosing it (so a fix cannot use the builtin).
func shadowed(s *Scope, name string) bool {
	for ; s != nil; s = s.Parent {
		if s.Binds(name) {
			return true
		}
	}
	return false
}
