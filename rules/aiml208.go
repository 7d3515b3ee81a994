package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML208 = &Rule{
	ID:         "AIML208",
	Title:      "ROCm vulnerabilities",
	Section:    "2.2.2",
	Severity:   Medium,
	References: []string{"CWE-379", "CWE-427", "CWE-494"},
	Fix:        Unsafe,
	Message:    "MIOpen kernel cache/db is in a world-writable dir; a local user can plant GPU code objects that this job loads.",
	Doc: "MIOpen (the ROCm deep-learning kernel library) persists compiled kernel binaries and tuning databases and " +
		"loads them on later runs. Setting `MIOPEN_USER_DB_PATH` or `MIOPEN_CUSTOM_CACHE_DIR` to a world-writable " +
		"directory (`/tmp`, `/var/tmp`, `/dev/shm`) lets another local user plant code objects that this job then " +
		"executes on the GPU.",
	FixDoc: "Point the variable at a per-user directory: replace the value with `os.path.expanduser(\"~/.cache/miopen\")` " +
		"(adding `import os` when the module does not import it). Kernels already cached under the old path are " +
		"compiled again once.",
	Example: `import os

os.environ["MIOPEN_USER_DB_PATH"] = "/tmp/miopen-db"
import torch`,
	SafeExample: `os.environ["MIOPEN_USER_DB_PATH"] = os.path.expanduser("~/.cache/miopen")`,
	Kinds:       EnvSetKinds(),
	Check: func(p *Pass, n *Node) {
		var hits []EnvSet
		for _, e := range p.EnvSets(n) {
			if miopenVars208[e.Key] && p.IsWorldWritablePath(e.Value) {
				hits = append(hits, e)
			}
		}
		if len(hits) > 0 {
			p.ReportEnvSet(hits[0], fix208(p, hits)) // one finding per statement or call
		}
	},
}

var miopenVars208 = map[string]bool{"MIOPEN_USER_DB_PATH": true, "MIOPEN_CUSTOM_CACHE_DIR": true}

// fix208 points each variable at ~/.cache/miopen.
func fix208(p *Pass, hits []EnvSet) *Fix {
	first := Unparen(hits[0].Value)
	old := codeText(first, 40)
	desc := "Set `" + hits[0].Key + "` to `~/.cache/miopen` (a per-user directory) instead of `" + old + "`."
	if len(hits) > 1 {
		desc = "Point the MIOpen cache and database variables at `~/.cache/miopen` (a per-user directory) instead of `/tmp`-style paths."
	}
	where := "`" + old + "`"
	if len(hits) > 1 {
		where = "the old paths"
	}
	b := p.NewFix(Unsafe, desc, first).
		Changing("MIOpen no longer finds kernels and tuning results cached under " + where + "; it compiles and tunes " +
			"them again once, in the user's home directory.")
	osName := b.Module("os")
	for _, e := range hits {
		b.Add(ReplaceNode(Unparen(e.Value), osName+`.path.expanduser("~/.cache/miopen")`))
	}
	return b.Build(p.Guidance())
}

func init() { register(AIML208) }
