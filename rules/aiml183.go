package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

const feastActions = "feast.permissions.action"

var (
	// feastWriteActionSets are the action-list constants that include write,
	// update or delete actions.
	feastWriteActionSets = setOf(qualify(feastActions+".", "ALL_ACTIONS", "WRITE", "CRUD"))
	// feastReadActions are the AuthzedAction members an anonymous read may hold.
	feastReadActions = setOf(qualify(feastActions+".AuthzedAction.", "DESCRIBE", "READ_ONLINE", "READ_OFFLINE"))
)

// grantsWrite183 reports whether the `actions` value of a Permission grants
// a write, update or delete action: absent (ALL_ACTIONS), ALL_ACTIONS/WRITE/
// CRUD, or a list literal (or a single member, which Permission also
// accepts) holding an AuthzedAction other than DESCRIBE/READ_ONLINE/
// READ_OFFLINE. Other expressions are unknown and do not count.
func grantsWrite183(p *Pass, actions *Node) bool {
	actions = Unparen(actions)
	if actions == nil {
		return true
	}
	switch actions.Kind {
	case KList, KTuple:
		for _, e := range actions.NamedChildren() {
			if e.Kind == KListSplat {
				e = e.NamedChild(0)
			}
			if e != nil && e.Kind != KComment && grantsWrite183(p, e) {
				return true
			}
		}
		return false
	}
	q := p.Qualname(actions)
	if feastWriteActionSets[q] {
		return true
	}
	return strings.HasPrefix(q, feastActions+".AuthzedAction.") && !feastReadActions[q]
}

// allowAll183 reports whether a Permission policy is AllowAll (or a fresh
// AllowAllPolicy()).
func allowAll183(p *Pass, policy *Node) bool {
	if p.Qualname(policy) == "feast.permissions.policy.AllowAll" {
		return true
	}
	c, ok := p.AsCall(policy)
	return ok && c.Is("feast.permissions.policy.AllowAllPolicy")
}

var AIML183 = &Rule{
	ID:         "AIML183",
	Title:      "Access control gaps",
	Section:    "2.1.2",
	Severity:   High,
	References: []string{"CWE-284", "CWE-1188"},
	Fix:        Unsafe,
	Message:    "Feast Permission grants write/delete to everyone (policy missing or AllowAll). Restrict actions to READ or use RoleBasedPolicy.",
	Doc: "A Feast permission grants write, update or delete actions to every user, either by omitting `policy` " +
		"(the default is `AllowAll`) or by naming `AllowAll` explicitly; `actions` defaults to `ALL_ACTIONS`. " +
		"Feast's permission enforcement then authorises anyone to modify or destroy the secured resources.",
	FixDoc: "Set `actions=READ` (adding `from feast.permissions.action import READ` if it is missing), so everyone " +
		"keeps read access only. Grant writes in a separate Permission with `policy=RoleBasedPolicy(roles=[...])`.",
	Example: `from feast.feast_object import ALL_RESOURCE_TYPES
from feast.permissions.permission import Permission

everyone = Permission(name="everyone", types=ALL_RESOURCE_TYPES)`,
	SafeExample: `from feast.permissions.action import READ
everyone = Permission(name="everyone-read", types=ALL_RESOURCE_TYPES, actions=READ)`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !c.Is("feast.permissions.permission.Permission") {
			return
		}
		// Permission(name, types, name_patterns, actions, policy, ...).
		policy, known := c.LookupArg(4, "policy")
		if !known || policy != nil && !allowAll183(p, policy) {
			return
		}
		actions, known := c.LookupArg(3, "actions")
		if !known || !grantsWrite183(p, actions) {
			return
		}
		p.ReportCall(c, fix183(p, c, actions))
	},
}

// fix183 sets actions=READ (replacing a positional actions argument in
// place) and imports READ when it is not bound; guidance when READ names
// something else in the module.
func fix183(p *Pass, c Call, actions *Node) *Fix {
	this := "this `Permission`"
	if l := LiteralValue(c.Arg(0, "name")); l.Kind == LitStr && l.Str != "" && len(l.Str) <= 40 {
		this = "Permission `" + l.Str + "`"
	}
	desc := "Set `actions=READ` on " + this + ", so everyone it covers gets read access only."
	if actions != nil {
		desc = "Replace the actions `" + codeText(actions, 40) + "` of " + this + " with `READ`, so everyone it covers " +
			"gets read access only."
	}
	b := p.NewFix(Unsafe, desc, c.Node).
		Changing("users it covers can no longer create, update or delete the resources it secures; grant writes in a " +
			"separate Permission with `RoleBasedPolicy`.")
	read := b.Name(feastActions, "READ")
	if actions != nil {
		b.Add(ReplaceNode(actions, read))
	} else if set, ok := SetKeyword(c, "actions", read); ok {
		b.Add(set)
	}
	return b.Build(p.Guidance())
}

func init() { register(AIML183) }
