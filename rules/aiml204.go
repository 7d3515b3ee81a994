package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML204 = &Rule{
	ID:         "AIML204",
	Title:      "Communication backend vulnerabilities",
	Section:    "2.2.1",
	Severity:   Critical,
	References: []string{"CWE-306", "CWE-1327", "MITRE ATLAS AML.T0049", "CVE-2023-48022"},
	Fix:        Unsafe,
	Message:    "Ray dashboard/Jobs API bound to all interfaces without auth (CVE-2023-48022); anyone on the network can submit jobs.",
	Doc: "`ray.init(dashboard_host=\"0.0.0.0\")` publishes the Ray dashboard and its unauthenticated Jobs API on every " +
		"interface. Anyone who reaches the port can submit jobs, i.e. run code on the training cluster (\"ShadowRay\", " +
		"CVE-2023-48022). Modules that import Ray Serve are covered by AIML231 instead.",
	FixDoc: "Replace the host literal with `\"127.0.0.1\"` and reach the dashboard through an SSH tunnel or an " +
		"authenticating proxy. Remote dashboard users lose direct access.",
	Example:     `ray.init(num_gpus=8, dashboard_host="0.0.0.0", dashboard_port=8265)`,
	SafeExample: `ray.init(num_gpus=8, dashboard_port=8265)`,
	Kinds:       []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		// With Ray Serve imported the same call is AIML231's (§4 row 8).
		checkRayDashboard(p, n, false, "the dashboard and Jobs API")
	},
}

func init() { register(AIML204) }
