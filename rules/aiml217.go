package rules

import . "github.com/pyguard/pyguard/analyzer"

// cred217: the W&B API key parameters (wandb.login's `key` is also its
// second positional parameter, after `anonymous`).
var cred217 = credentialTracking{
	sinks: []credSinkTracking{
		{qual: "wandb.login", pos: 1, kw: "key"},
		{qual: "wandb.Api", pos: -1, kw: "api_key"},
		{qual: "wandb.apis.public.Api", pos: -1, kw: "api_key"},
	},
	envKey:       "WANDB_API_KEY",
	what:         "W&B API key",
	importBefore: true,
	skip: func(c Call) bool {
		return c.Is("wandb.login") && IsStrLiteral(c.Kwarg("anonymous"), "must")
	},
}

var AIML217 = &Rule{
	ID:         "AIML217",
	Title:      "Weights & Biases credential leakage",
	Section:    "2.2.3",
	Severity:   High,
	References: []string{"CWE-798", "CWE-540", "MITRE ATLAS AML.T0055"},
	Fix:        Unsafe,
	Message:    "Hard-coded W&B API key; anyone with repo access can read or overwrite your W&B projects. Rotate it; load it from env.",
	Doc: "A W&B API key is written in the source: as `key=` of `wandb.login`, `api_key=` of `wandb.Api`, or assigned " +
		"to `WANDB_API_KEY` in `os.environ`. Anyone with read access to the repository (or a leaked wheel or notebook) " +
		"can read, overwrite or delete the team's runs, artifacts and models. Test files are checked too.",
	FixDoc: "For `wandb.login`/`wandb.Api`, replace the literal with `os.environ[\"WANDB_API_KEY\"]` (adding `import os` " +
		"before the statement when the module lacks it); for an `os.environ` assignment, delete the statement and " +
		"provide the key through the runtime's secret store. Either way, rotate the key: it is in the history.",
	Example: `import wandb

wandb.login(key="3f9a1c2be8d7465fa0b1c2d3e4f5a6b7c8d9e0f1")
run = wandb.init(project="vision-pretrain")`,
	SafeExample: `import os
import wandb

wandb.login(key=os.environ["WANDB_API_KEY"])
run = wandb.init(project="vision-pretrain")`,
	InTestFiles: true,
	Kinds:       []Kind{KString},
	Check:       func(p *Pass, n *Node) { cred217.check(p, n) },
}

func init() { register(AIML217) }
