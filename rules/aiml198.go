package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML198 = &Rule{
	ID:         "AIML198",
	Title:      "FSDP (Fully Sharded Data Parallel) risks",
	Section:    "2.2.1",
	Severity:   High,
	References: []string{"CWE-502", "CWE-494", "OWASP ML06", "MITRE ATLAS AML.T0010"},
	Fix:        Guidance,
	Message:    "FSDP/DCP checkpoint from a downloaded or request-chosen dir: its .metadata is unpickled on load, so its author runs code.",
	Doc: "`torch.distributed.checkpoint` (the sharded-checkpoint format used with FSDP) unpickles the `.metadata` " +
		"file of a checkpoint directory on load (`dcp.load(..., checkpoint_id=...)`, `FileSystemReader(path)`, " +
		"`format_utils.dcp_to_torch_save`). Loading a directory pulled from the Hugging Face Hub without a pinned " +
		"commit, or named by a request, gives its author code execution on every rank.",
	FixDoc: "Load DCP checkpoints only from storage you control; exchange third-party weights as safetensors and convert locally.",
	Example: `def load_sharded(model):
    path = snapshot_download("someorg/fsdp-sharded-7b")
    state = {"model": model.state_dict()}
    dcp.load(state, checkpoint_id=path)
    model.load_state_dict(state["model"])`,
	SafeExample: `def load_sharded(model, ckpt_dir):
    state = {"model": model.state_dict()}
    dcp.load(state, checkpoint_id=ckpt_dir)
    model.load_state_dict(state["model"])`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		var dir *Node
		switch {
		case c.Is(dcpLoad198...):
			dir = c.Kwarg("checkpoint_id")
		case c.Is(dcpReaders198...):
			dir = c.Arg(0, "path")
		case c.Is(dcpToTorch198...):
			dir = c.Arg(0, "dcp_checkpoint_dir")
		}
		reportCheckpointDir(p, c, dir, func(src string) string {
			return "FSDP/DCP checkpoint from a " + src + " dir: its .metadata is unpickled on load, so its author runs code."
		})
	},
}

func init() { register(AIML198) }
