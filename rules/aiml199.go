package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML199 = &Rule{
	ID:         "AIML199",
	Title:      "ZeRO optimizer state attacks",
	Section:    "2.2.1",
	Severity:   Medium,
	References: []string{"CWE-379", "CWE-732", "OWASP ML05", "MITRE ATLAS AML.T0031"},
	Fix:        Guidance,
	EditFix:    Unsafe,
	EditFixDoc: "When the swap path is written in place as a fixed location (a str literal, or `os.path.join`/" +
		"`pathlib.Path` over literals and `tempfile.gettempdir()`), the edit replaces it with " +
		"`tempfile.mkdtemp(prefix=\"zero-swap-\", dir=\"/tmp\")`: a new directory only the training user can use, " +
		"created in the same world-writable directory the path was under (`/tmp`, `/var/tmp` or `/dev/shm`; no " +
		"`dir=` for `tempfile.gettempdir()`), so swapping stays on the same device. `import tempfile` is added when " +
		"the module does not import it. Each start then swaps to a new directory: swap files of earlier runs are " +
		"no longer overwritten at the fixed path and stay there until removed. Names (shared constants) and " +
		"f-strings with interpolated parts keep the guidance.",
	Message: "ZeRO NVMe offload path is world-writable; other local users can read or tamper with swapped optimizer/parameter state.",
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
				p.Report(v, fix199(p, v))
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
				p.Report(kw, fix199(p, kw.Field("value")))
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

// fix199 replaces a fixed world-writable swap path with a private
// mkdtemp() directory in the same parent; guidance for other forms and
// where the replaced expression holds the last use of an import.
func fix199(p *Pass, value *Node) *Fix {
	dir, tempdir, ok := fixedPath196(p, value)
	value = Unparen(value)
	if !ok || orphansImport196(p, value) {
		return p.Guidance()
	}
	args, where := `prefix="zero-swap-"`, "the temp directory"
	if !tempdir {
		base := wwBase196(dir)
		if base == "" {
			return p.Guidance()
		}
		args, where = args+`, dir="`+base+`"`, base
	}
	b := p.NewFix(Unsafe, "Swap ZeRO state to a new private directory from `tempfile.mkdtemp()` in "+where+
		" instead of `"+oneLine193(value.Text())+"`.", value).
		Changing("every start swaps to a new directory in " + where + ": swap files of earlier runs are no longer " +
			"overwritten at the fixed path and stay there until removed.")
	b.Add(ReplaceNode(value, b.Module("tempfile")+".mkdtemp("+args+")"))
	return b.Build(p.Guidance())
}

func init() { register(AIML199) }
