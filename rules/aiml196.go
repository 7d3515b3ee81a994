package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML196 = &Rule{
	ID:         "AIML196",
	Title:      "Horovod security gaps",
	Section:    "2.2.1",
	Severity:   Medium,
	References: []string{"CWE-379", "CWE-732", "CWE-502", "MITRE ATLAS AML.T0018"},
	Fix:        Guidance,
	EditFix:    Unsafe,
	EditFixDoc: "When the store path is written in place as a fixed location (a str literal or `file://` URL, or " +
		"`os.path.join`/`pathlib.Path` over literals and `tempfile.gettempdir()`), the edit replaces it with " +
		"`tempfile.mkdtemp(prefix=\"horovod-\")`, a new directory only the job user can use (adding `import tempfile` " +
		"when the module does not import it). Each run then gets its own store: training data and checkpoints of " +
		"earlier runs are no longer found at the old path (resuming from them needs an explicit path), and executors " +
		"running as another OS user cannot write there. Names (shared constants) and f-strings with interpolated " +
		"parts keep the guidance.",
	Message: "Horovod store is in a world-writable dir; other local users can read training data or swap checkpoints the estimator loads.",
	Doc: "A Horovod Spark `Store` (`Store.create`, `LocalStore`, `FilesystemStore`) holds the intermediate Parquet " +
		"training data and the checkpoints the estimator reloads. Under a world-writable local directory (`/tmp`, " +
		"`/var/tmp`, `/dev/shm`, also as a `file://` URL) other local users can read the training data or swap the " +
		"checkpoints.",
	FixDoc: "Point the store at a private per-job directory or an ACL-protected shared FS, e.g. " +
		"`Store.create(\"hdfs:///user/<service>/horovod\")`.",
	Example: `def build_store():
    return Store.create("/tmp/horovod_work")`,
	SafeExample: `def build_store():
    return Store.create("hdfs:///user/ml-train/horovod_work")`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !c.Is(horovodStores196...) {
			return
		}
		path := c.Arg(0, "prefix_path")
		if path != nil && (p.IsWorldWritablePath(path) || p.IsWorldWritableFileURL(path)) {
			p.Report(path, fix196(p, path))
		}
	},
}

func init() { register(AIML196) }
