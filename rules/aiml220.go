package rules

import . "github.com/pyguard/pyguard/analyzer"

// cred220: the Neptune API token parameters (keyword-only in the neptune
// client; the legacy `neptune.init` and `neptune.new` spellings included).
var cred220 = credentialTracking{
	sinks: []credSinkTracking{
		{qual: "neptune.init_run", pos: -1, kw: "api_token"},
		{qual: "neptune.init_model", pos: -1, kw: "api_token"},
		{qual: "neptune.init_model_version", pos: -1, kw: "api_token"},
		{qual: "neptune.init_project", pos: -1, kw: "api_token"},
		{qual: "neptune.init", pos: -1, kw: "api_token"},
		{qual: "neptune.new.init_run", pos: -1, kw: "api_token"},
		{qual: "neptune.new.init_model", pos: -1, kw: "api_token"},
		{qual: "neptune.new.init_model_version", pos: -1, kw: "api_token"},
		{qual: "neptune.new.init_project", pos: -1, kw: "api_token"},
		{qual: "neptune.new.init", pos: -1, kw: "api_token"},
		{qual: "neptune_scale.Run", pos: -1, kw: "api_token"},
	},
	envKey: "NEPTUNE_API_TOKEN",
	what:   "Neptune API token",
}

var AIML220 = &Rule{
	ID:         "AIML220",
	Title:      "Neptune.ai model manipulation",
	Section:    "2.2.3",
	Severity:   High,
	References: []string{"CWE-798", "CWE-540", "MITRE ATLAS AML.T0055", "MITRE ATLAS AML.T0018"},
	Fix:        Unsafe,
	Message:    "Hard-coded Neptune API token; anyone with repo access can overwrite runs and model versions in your registry. Rotate it.",
	Doc: "A Neptune API token is written in the source: as `api_token=` of `neptune.init_run`, `init_model`, " +
		"`init_model_version`, `init_project`, the legacy `neptune.init` or `neptune_scale.Run`, or assigned to " +
		"`NEPTUNE_API_TOKEN` in `os.environ`. Whoever reads the source can write to the project, including " +
		"overwriting model versions and their stage in the model registry that deployment pulls from. Test files " +
		"are checked too.",
	FixDoc: "Replace the literal with `os.environ[\"NEPTUNE_API_TOKEN\"]` (adding `import os` when the module lacks " +
		"it); for an `os.environ` assignment, delete the statement and inject the token through the secret store. " +
		"Rotate the token: it is in the history.",
	Example: `import neptune

model_version = neptune.init_model_version(
    model="FRAUD-CLF",
    project="risk/fraud",
    api_token="eyJhcGlfYWRkcmVzcyI6Imh0dHBzOi8vYXBwLm5lcHR1bmUuYWkiLCJhcGlfa2V5IjoiYWJjIn0=",
)`,
	SafeExample: `model_version = neptune.init_model_version(model="FRAUD-CLF", project="risk/fraud")`,
	InTestFiles: true,
	Kinds:       []Kind{KString},
	Check:       func(p *Pass, n *Node) { cred220.check(p, n) },
}

func init() { register(AIML220) }
