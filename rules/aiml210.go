package rules

import (
	"path"
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

var AIML210 = &Rule{
	ID:         "AIML210",
	Title:      "NPU/IPU risks",
	Section:    "2.2.2",
	Severity:   Medium,
	References: []string{"CWE-379", "CWE-494"},
	Fix:        Guidance,
	EditFix:    Unsafe,
	EditFixDoc: "For `enableExecutableCaching(...)`, `POPTORCH_CACHE_DIR` and OpenVINO's `CACHE_DIR`, the edit replaces " +
		"the world-writable path with a per-user directory, `os.path.expanduser(\"~/.cache/poptorch\")` or " +
		"`os.path.expanduser(\"~/.cache/openvino\")` (adding `import os` when the module does not bind it). " +
		"Executables cached under the old path are compiled again once; in a container whose home directory is not " +
		"writable the cache cannot be created there. `PT_HPU_RECIPE_CACHE_CONFIG` keeps the guidance.",
	Message: "Accelerator executable cache is in a world-writable dir; a local user can plant a compiled executable this job will run.",
	Doc: "Compiled-executable caches for IPUs (PopTorch `Options.enableExecutableCaching`, `POPTORCH_CACHE_DIR`), " +
		"NPUs (OpenVINO `CACHE_DIR`) and HPUs (Habana `PT_HPU_RECIPE_CACHE_CONFIG`) are reloaded without integrity " +
		"checks. A cache in a world-writable directory (`/tmp`, `/var/tmp`, `/dev/shm`) lets another local user plant " +
		"an executable that this job loads and runs on the accelerator.",
	FixDoc: "Keep executable caches in a per-user directory (e.g. `~/.cache/<tool>`, created with mode 0700) or in a " +
		"root-owned, read-only cache baked into the image.",
	Example: `import poptorch

opts = poptorch.Options()
opts.deviceIterations(4)
opts.enableExecutableCaching("/tmp/ipu_exe_cache")
model = poptorch.trainingModel(net, options=opts)`,
	SafeExample: `opts = poptorch.Options()
opts.enableExecutableCaching("./exe_cache")`,
	Kinds: EnvSetKinds(), // assignments and calls
	Check: func(p *Pass, n *Node) {
		for _, e := range p.EnvSets(n) {
			switch e.Key {
			case "POPTORCH_CACHE_DIR":
				if p.IsWorldWritablePath(e.Value) {
					p.ReportEnvSet(e, fix210(p, e.Value, "poptorch"))
					return
				}
			case "PT_HPU_RECIPE_CACHE_CONFIG":
				if hpuRecipeWW210(p, e.Value) {
					p.ReportEnvSet(e, p.Guidance())
					return
				}
			}
		}
		if n.Kind != KCall {
			return
		}
		c, _ := p.AsCall(n)
		switch {
		case c.Method() == "enableExecutableCaching" && isPoptorchOptions210(p, c.Receiver(), 0):
			if v := c.Arg(0, "path"); v != nil && p.IsWorldWritablePath(v) {
				p.Report(v, fix210(p, v, "poptorch"))
			}
		case c.Method() == "set_property" && isOpenVINOCore210(p, c.Receiver()):
			for _, a := range c.Positional() {
				if v := cacheDirValue210(p, a); v != nil {
					p.Report(v, fix210(p, v, "openvino"))
				}
			}
		case c.Method() == "compile_model" && isOpenVINOCore210(p, c.Receiver()),
			c.Is("openvino.compile_model", "openvino.runtime.compile_model"):
			if v := cacheDirValue210(p, c.Arg(2, "config")); v != nil {
				p.Report(v, fix210(p, v, "openvino"))
			}
		}
	},
}

// fix210 moves the cache to ~/.cache/<tool>.
func fix210(p *Pass, v *Node, tool string) *Fix {
	v = Unparen(v)
	old := codeText(v, 40)
	b := p.NewFix(Unsafe, "Keep the "+tool+" executable cache in `~/.cache/"+tool+"` (per user) instead of `"+old+"`.", v).
		Changing("executables cached under `" + old + "` are not found and are compiled again once; the cache is " +
			"created in the home directory, which must be writable.")
	b.Add(ReplaceNode(v, b.Module("os")+`.path.expanduser("~/.cache/`+tool+`")`))
	return b.Build(p.Guidance())
}

// isPoptorchOptions210: recv is typed poptorch.Options, also through the
// builder methods of Options, which return the Options object itself
// (`poptorch.Options().deviceIterations(4)`).
func isPoptorchOptions210(p *Pass, recv *Node, depth int) bool {
	recv = Unparen(recv)
	if recv == nil || depth > 8 {
		return false
	}
	if t := p.TypeOf(recv); t == "poptorch.Options" || t == "poptorch.options.Options" {
		return true
	}
	switch recv.Kind {
	case KCall:
		c, _ := p.AsCall(recv)
		return c.Method() != "" && c.Callee() == "" && isPoptorchOptions210(p, c.Receiver(), depth+1)
	case KIdentifier:
		if d := p.ScopeOf(recv).DefAt(recv.Text(), recv.Start); d != nil && d.Kind == DefAssign && !d.Unpacked {
			if v := Unparen(d.Value); v != nil && v.Kind == KCall {
				return isPoptorchOptions210(p, v, depth+1)
			}
		}
	}
	return false
}

// isOpenVINOCore210: recv is typed openvino.Core (also openvino.runtime.Core).
func isOpenVINOCore210(p *Pass, recv *Node) bool {
	switch p.TypeOf(recv) {
	case "openvino.Core", "openvino.runtime.Core", "openvino._pyopenvino.Core":
		return true
	}
	return false
}

// cacheDirValue210 returns the WW-PATH value of a "CACHE_DIR" key in dict
// literal d (the key written as the literal or `openvino.properties.cache_dir()`).
func cacheDirValue210(p *Pass, d *Node) *Node {
	d = Unparen(d)
	if d == nil || d.Kind != KDict {
		return nil
	}
	for _, pair := range d.NamedChildren() {
		if pair.Kind != KPair {
			continue
		}
		k := pair.Field("key")
		isKey := IsStrLiteral(k, "CACHE_DIR")
		if kc, ok := p.AsCall(k); ok && kc.Is("openvino.properties.cache_dir", "openvino.runtime.properties.cache_dir") {
			isKey = true
		}
		if isKey && p.IsWorldWritablePath(pair.Field("value")) {
			return pair.Field("value")
		}
	}
	return nil
}

// hpuRecipeWW210: the first comma-separated field of a
// PT_HPU_RECIPE_CACHE_CONFIG value ("<path>,<delete>,<size MB>") is a
// world-writable path.
func hpuRecipeWW210(p *Pass, v *Node) bool {
	v = Unparen(v)
	if v != nil && v.Kind == KIdentifier {
		if d := p.ScopeOf(v).DefAt(v.Text(), v.Start); d != nil && d.Kind == DefAssign && !d.Unpacked {
			v = Unparen(d.Value)
		} else if defs := p.Module.Defs(v.Text()); len(defs) == 1 && defs[0].Kind == DefAssign && !defs[0].Unpacked {
			v = Unparen(defs[0].Value)
		}
	}
	lead, ok := LiteralPrefix(v)
	if !ok {
		return p.IsWorldWritablePath(v)
	}
	whole := LiteralValue(v).Kind == LitStr
	if i := strings.IndexByte(lead, ','); i >= 0 {
		lead, whole = lead[:i], true
	}
	return wwLead210(lead, whole)
}

// wwLead210 mirrors WW-PATH's test of a leading literal: absolute, and
// normalising to /tmp, /var/tmp or /dev/shm or below (a partial last
// component before an interpolation does not count).
func wwLead210(lead string, whole bool) bool {
	if !strings.HasPrefix(lead, "/") {
		return false
	}
	q := lead
	if !whole && !strings.HasSuffix(q, "/") {
		q = path.Dir(q)
	}
	q = path.Clean(q)
	for _, d := range []string{"/tmp", "/var/tmp", "/dev/shm"} {
		if q == d || strings.HasPrefix(q, d+"/") {
			return true
		}
	}
	return false
}

func init() { register(AIML210) }
