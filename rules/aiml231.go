package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML231 = &Rule{
	ID:         "AIML231",
	Title:      "Ray Serve vulnerabilities",
	Section:    "2.3.1",
	Severity:   Critical,
	References: []string{"CWE-306", "CWE-668", "CVE-2023-48022"},
	Fix:        Unsafe,
	Message:    "Ray dashboard bound to all interfaces exposes the unauthenticated Jobs API (ShadowRay, CVE-2023-48022).",
	Doc: "A Ray Serve application that calls `ray.init(dashboard_host=\"0.0.0.0\")` (or `\"::\"`, `\"[::]\"`, `\"\"`, " +
		"`\"*\"`) publishes the Ray dashboard on every interface. The dashboard hosts the unauthenticated Jobs and Serve " +
		"REST APIs, so anyone who reaches the port can submit jobs and run code on the cluster (\"ShadowRay\", " +
		"CVE-2023-48022). Modules that do not import Ray Serve are covered by AIML204.",
	FixDoc: "Replace the host literal with `\"127.0.0.1\"` (Ray's default) and reach the dashboard through an SSH tunnel " +
		"or an authenticating proxy. Remote dashboard users lose direct access.",
	Example: `import ray
from ray import serve

ray.init(dashboard_host="0.0.0.0", num_gpus=1)
serve.start(detached=True)`,
	SafeExample: `import ray
from ray import serve

ray.init(dashboard_host="127.0.0.1", num_gpus=1)
serve.start(detached=True)`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		// Without Ray Serve the same call is AIML204's (§4 row 8).
		checkRayDashboard(p, n, true, "the dashboard, Jobs API and Serve REST API")
	},
}

func init() { register(AIML231) }
