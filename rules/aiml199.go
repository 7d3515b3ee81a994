package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML199 = &Rule{
	ID:         "AIML199",
	Title:      "ZeRO optimizer state attacks",
	Section:    "2.2.1",
	Severity:   Medium,
	References: []string{"CWE-379", "CWE-732", "OWASP ML05", "MITRE ATLAS AML.T0031"},
	Fix:        Guidance,
	Message:    "ZeRO NVMe offload path is world-writable; other local users can read or tamper with swapped optimizer/parameter state.",
	Doc: "ZeRO-Infinity swaps optimizer state and parameters to `nvme_path`. When that path is in a world-writable " +
		"directory (`/tmp`, `/var/tmp`, `/dev/shm`), other local users can read the swapped state (model theft) or " +
		"pre-create the directory and tamper with it between swap-out and swap-in.",
	FixDoc: "Use a dedicated NVMe mount owned by the training user (mode 0700) for `nvme_path`.",
	Example: `ds_config = {
    "train_batch_size": 64,
    "zero_optimization": {
        "stage": 3,
        "offload_optimizer": {"device": "nvme", "nvme_path": "/tmp/zero_swap"},
    },
}`,
	SafeExample: `ds_config = {
    "train_batch_size": 64,
    "zero_optimization": {
        "stage": 3,
        "offload_optimizer": {"device": "nvme", "nvme_path": "/local_nvme"},
    },
}`,
	Kinds: []Kind{KPair, KCall},
	Check: func(p *Pass, n *Node) {
		if n.Kind == KPair {
			// (a) {"nvme_path": WW} inside an offload_optimizer/offload_param section.
			v := n.Field("value")
			if IsStrLiteral(n.Field("key"), "nvme_path") && inZeroOffloadSection199(p, n.Parent()) && p.IsWorldWritablePath(v) {
				p.Report(v, p.Guidance())
			}
			return
		}
		// (b) accelerate's DeepSpeedPlugin(offload_*_nvme_path=WW).
		c, _ := p.AsCall(n)
		if !c.Is(deepSpeedPlugins199...) {
			return
		}
		for _, name := range nvmePathKeywords199 {
			if kw := c.Keyword(name); kw != nil && p.IsWorldWritablePath(kw.Field("value")) {
				p.Report(kw, p.Guidance())
			}
		}
	},
}

// inZeroOffloadSection199 reports whether dict literal d is the value of key
// "offload_optimizer"/"offload_param" of an enclosing dict literal, or of
// keyword offload_optimizer=/offload_param= of an enclosing dict(...) call.
func inZeroOffloadSection199(p *Pass, d *Node) bool {
	if d == nil || d.Kind != KDict {
		return false
	}
	at := d
	for at.Parent() != nil && at.Parent().Kind == KParenthesized {
		at = at.Parent()
	}
	par := at.Parent()
	if par == nil {
		return false
	}
	switch par.Kind {
	case KPair:
		key := LiteralValue(par.Field("key"))
		return par.Field("value") == at && key.Kind == LitStr && zeroOffloadKeys199[key.Str] && par.Parent() != nil && par.Parent().Kind == KDict
	case KKeywordArgument:
		name := par.Field("name")
		if name == nil || !zeroOffloadKeys199[name.Text()] || par.Parent() == nil {
			return false
		}
		call := par.Parent().Parent()
		if c, ok := p.AsCall(call); ok && call.Field("arguments") == par.Parent() {
			return c.Is("builtins.dict")
		}
	}
	return false
}

func init() { register(AIML199) }
