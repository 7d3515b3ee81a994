package rules

import . "github.com/pyguard/pyguard/analyzer"

// cred218: the Comet API key parameters. Experiment, ExistingExperiment and
// API take `api_key` first; the others take it by keyword.
var cred218 = credentialTracking{
	sinks: []credSinkTracking{
		{qual: "comet_ml.Experiment", pos: 0, kw: "api_key"},
		{qual: "comet_ml.ExistingExperiment", pos: 0, kw: "api_key"},
		{qual: "comet_ml.API", pos: 0, kw: "api_key"},
		{qual: "comet_ml.api.API", pos: 0, kw: "api_key"},
		{qual: "comet_ml.APIExperiment", pos: -1, kw: "api_key"},
		{qual: "comet_ml.api.APIExperiment", pos: -1, kw: "api_key"},
		{qual: "comet_ml.login", pos: -1, kw: "api_key"},
		{qual: "comet_ml.init", pos: -1, kw: "api_key"},
		{qual: "comet_ml.start", pos: -1, kw: "api_key"},
	},
	envKey: "COMET_API_KEY",
	what:   "Comet API key",
}

var AIML218 = &Rule{
	ID:         "AIML218",
	Title:      "Comet.ml experiment tampering",
	Section:    "2.2.3",
	Severity:   High,
	References: []string{"CWE-798", "CWE-540", "MITRE ATLAS AML.T0055"},
	Fix:        Unsafe,
	Message:    "Hard-coded Comet API key; anyone with repo access can alter or delete experiments in your workspace. Rotate; use env.",
	Doc: "A Comet API key is written in the source: as `api_key=` (or the first argument) of `comet_ml.Experiment`, " +
		"`ExistingExperiment` or `API`, as `api_key=` of `APIExperiment`, `comet_ml.login`, `comet_ml.init` or " +
		"`comet_ml.start`, or assigned to `COMET_API_KEY` in `os.environ`. Whoever reads the source can log into the " +
		"workspace and alter or delete experiments, metrics and registered models. Test files are checked too.",
	FixDoc: "Replace the literal with `os.environ[\"COMET_API_KEY\"]` (adding `import os` when the module lacks it); " +
		"for an `os.environ` assignment, delete the statement and inject the key through the secret store. Rotate " +
		"the key: it is in the history.",
	Example: `from comet_ml import Experiment

experiment = Experiment(
    api_key="Zk3nP0qLr7TtWv9XyA1bC2dE4",
    project_name="ranking",
    workspace="search-team",
)`,
	SafeExample: `experiment = Experiment(project_name="ranking", workspace="search-team")`,
	InTestFiles: true,
	Kinds:       []Kind{KString},
	Check:       func(p *Pass, n *Node) { cred218.check(p, n) },
}

func init() { register(AIML218) }
