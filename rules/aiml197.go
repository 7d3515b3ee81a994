package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML197 = &Rule{
	ID:         "AIML197",
	Title:      "DeepSpeed vulnerabilities",
	Section:    "2.2.1",
	Severity:   High,
	References: []string{"CWE-502", "CWE-494", "OWASP ML06", "MITRE ATLAS AML.T0010"},
	Fix:        Guidance,
	Message:    "DeepSpeed checkpoint loader unpickles files from a downloaded/request-chosen dir; a malicious checkpoint runs code on load.",
	Doc: "DeepSpeed checkpoint loaders (`engine.load_checkpoint`, the `zero_to_fp32` helpers, " +
		"`deepspeed.init_inference(checkpoint=...)`) unpickle every `*_model_states.pt` / `*_optim_states.pt` file " +
		"(torch.load with `weights_only=False`). Pointing them at a directory pulled from the Hugging Face Hub " +
		"without a pinned commit, or named by a request, runs code from whoever controls it.",
	FixDoc: "Only load ZeRO checkpoints from storage you control; for third-party weights use safetensors " +
		"(`from_pretrained(..., use_safetensors=True)`) and pin `revision=` to a reviewed commit.",
	Example: `def resume(model, ds_config):
    engine, optimizer, _, _ = deepspeed.initialize(model=model, config=ds_config)
    ckpt_dir = snapshot_download(repo_id="someorg/llm-zero3-ckpt")
    engine.load_checkpoint(ckpt_dir, tag="global_step1000")
    return engine`,
	SafeExample: `def resume(model, ds_config, ckpt_dir):
    engine, optimizer, _, _ = deepspeed.initialize(model=model, config=ds_config)
    engine.load_checkpoint(ckpt_dir, tag="global_step1000")
    return engine`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		var dir *Node
		if i, ok := zeroToFP32197[c.Callee()]; ok {
			dir = c.Arg(i, "checkpoint_dir")
		} else if c.Is("deepspeed.init_inference") {
			dir = c.Kwarg("checkpoint")
		} else if c.Method() == "load_checkpoint" && isDeepSpeedEngine197(p, c.Receiver()) {
			dir = c.Arg(0, "load_dir")
		}
		reportCheckpointDir(p, c, dir, func(src string) string {
			return "DeepSpeed checkpoint loader unpickles files from a " + src + " dir; a malicious checkpoint runs code on load."
		})
	},
}

func init() { register(AIML197) }
