// Package rules is the PyGuard rule catalog: one file per rule
// (aiml161.go …), each a declarative analyzer.Rule registered at init.
package rules

import (
	"sort"
	"strings"

	"github.com/pyguard/pyguard/analyzer"
)

var registry = map[string]*analyzer.Rule{}

func register(r *analyzer.Rule) {
	if _, dup := registry[r.ID]; dup {
		panic("rules: duplicate rule " + r.ID)
	}
	registry[r.ID] = r
}

// All returns every registered rule, sorted by ID.
func All() []*analyzer.Rule {
	out := make([]*analyzer.Rule, 0, len(registry))
	for _, r := range registry {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Get returns the rule with id, or nil.
func Get(id string) *analyzer.Rule { return registry[strings.ToUpper(id)] }

// Select filters rules by ID prefixes: a rule is kept when it matches a
// select prefix (all rules when selects is empty) and no ignore prefix.
// "AIML2" matches AIML200–AIML299.
func Select(all []*analyzer.Rule, selects, ignores []string) []*analyzer.Rule {
	var out []*analyzer.Rule
	for _, r := range all {
		if (len(selects) == 0 || matchAny(r.ID, selects)) && !matchAny(r.ID, ignores) {
			out = append(out, r)
		}
	}
	return out
}

func matchAny(id string, prefixes []string) bool {
	for _, p := range prefixes {
		p = strings.ToUpper(strings.TrimSpace(p))
		if p != "" && strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}
