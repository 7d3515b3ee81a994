package rules

import . "github.com/pyguard/pyguard/analyzer"

const mkdtemp200 = `.mkdtemp(prefix="offload-")` // after the spelling of tempfile

var AIML200 = &Rule{
	ID:         "AIML200",
	Title:      "Model parallel partition poisoning",
	Section:    "2.2.1",
	Severity:   Medium,
	References: []string{"CWE-379", "CWE-732", "OWASP ML10", "MITRE ATLAS AML.T0018"},
	Fix:        Unsafe,
	Message:    "Offloaded model partitions go to a world-writable dir; another local user can swap shards and poison the weights.",
	Doc: "Big-model dispatch (`from_pretrained(offload_folder=...)`, accelerate `load_checkpoint_and_dispatch`, " +
		"`disk_offload`, `dispatch_model`) writes offloaded layer partitions (`.dat` memmaps and an index) to the " +
		"offload folder and reads them back during inference. In a world-writable directory (`/tmp`, `/var/tmp`, " +
		"`/dev/shm`) another local user can replace shards (weight poisoning) or copy them (model theft).",
	FixDoc: "Replace the folder with `tempfile.mkdtemp(prefix=\"offload-\")`, a private directory created per process " +
		"(and insert `import tempfile` before the statement when the module does not import it). Offloaded shards are " +
		"then no longer found at the old fixed path.",
	Example: `model = AutoModelForCausalLM.from_pretrained(
    "meta-llama/Llama-2-13b-hf",
    device_map="auto",
    offload_folder="/tmp/offload",
)`,
	SafeExample: `model = AutoModelForCausalLM.from_pretrained(
    "meta-llama/Llama-2-13b-hf",
    device_map="auto",
    offload_folder=tempfile.mkdtemp(prefix="offload-"),
)`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		var at, value *Node // the reported keyword (or positional argument) and its value
		switch {
		case c.Method() == "from_pretrained" || c.Is(loadAndDispatch200...):
			at = c.Keyword("offload_folder")
		case c.Is(diskOffload200...):
			if at = c.Keyword("offload_dir"); at == nil {
				at, value = c.Pos(1), c.Pos(1)
			}
		case c.Is(dispatchModel200...):
			at = c.Keyword("offload_dir")
		}
		if at == nil {
			return
		}
		if value == nil {
			value = at.Field("value")
		}
		if !p.IsWorldWritablePath(value) {
			return
		}
		p.Report(at, fix200(p, value))
	},
}

// fix200 replaces the folder with a private mkdtemp() directory, importing
// tempfile before the statement when needed; guidance when the import line
// cannot be placed.
func fix200(p *Pass, value *Node) *Fix {
	old := codeText(Unparen(value), 40)
	b := p.NewFix(Unsafe, "Offload to a private `tempfile.mkdtemp()` directory instead of `"+old+"`, so other local "+
		"users cannot swap the shards.", value).
		Changing("each run offloads to a new directory that is not deleted afterwards; nothing uses `" + old + "` any more.").
		ImportsBeforeStatement()
	b.Add(ReplaceNode(Unparen(value), b.Module("tempfile")+mkdtemp200))
	return b.Build(p.Guidance())
}

func init() { register(AIML200) }
