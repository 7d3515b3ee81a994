package rules

import (
	"regexp"

	. "github.com/pyguard/pyguard/analyzer"
)

var AIML245 = &Rule{
	ID:         "AIML245",
	Title:      "Model cache poisoning",
	Section:    "2.3.2",
	Severity:   High,
	References: []string{"CWE-377", "CWE-379", "CWE-494", "OWASP ML06"},
	Fix:        Unsafe,
	Message:    "Model cache in a world-writable temp dir; other local users can plant a poisoned model that gets loaded.",
	Doc: "Model and hub caches (`cache_dir=` of `from_pretrained`/`hf_hub_download`/`snapshot_download`/`get_file`, " +
		"`cache_folder=` of `SentenceTransformer`, `model_dir=` of `torch.hub.load_state_dict_from_url`, " +
		"`torch.hub.set_dir`, and `HF_HOME`, `HF_HUB_CACHE`, `TRANSFORMERS_CACHE`, `TORCH_HOME`, `KERAS_HOME`, " +
		"`XDG_CACHE_HOME`, ... set in the environment) placed in `/tmp`, `/var/tmp` or `/dev/shm` can be pre-created " +
		"by any local user, who then plants a poisoned model (often pickle-based) that the service loads from cache " +
		"as if it came from the hub.",
	FixDoc: "Replace the directory with `os.path.expanduser(\"~/.cache/<last path component>\")` (adding `import os`), " +
		"a cache owned by the service user, or a private `tempfile.mkdtemp()` directory.",
	Example: `from transformers import AutoModel

model = AutoModel.from_pretrained("bert-base-uncased", cache_dir="/tmp/hf-cache")`,
	SafeExample: `model = AutoModel.from_pretrained("bert-base-uncased", cache_dir=os.path.expanduser("~/.cache/hf-cache"))`,
	Kinds:       EnvSetKinds(),
	Check: func(p *Pass, n *Node) {
		if n.Kind == KAssignment || n.Kind == KCall {
			for _, e := range p.EnvSets(n) {
				if def, ok := cacheEnvKeys245[e.Key]; ok {
					check245(p, e.Value, def)
				}
			}
		}
		if n.Kind != KCall {
			return
		}
		c, _ := p.AsCall(n)
		value, def := cacheArg245(c)
		if value != nil {
			check245(p, value, def)
		}
	},
}

// cacheEnvKeys245 are the cache environment variables, with the default
// directory (under ~/.cache) the fix uses when the literal names only the
// temp root itself.
var cacheEnvKeys245 = map[string]string{
	"HF_HOME": "huggingface", "HF_HUB_CACHE": "huggingface/hub", "HUGGINGFACE_HUB_CACHE": "huggingface/hub",
	"TRANSFORMERS_CACHE": "huggingface/hub", "TORCH_HOME": "torch", "SENTENCE_TRANSFORMERS_HOME": "sentence_transformers",
	"KERAS_HOME": "keras", "XDG_CACHE_HOME": "",
}

var hubCacheCalls245 = setOf([]string{"huggingface_hub.hf_hub_download", "huggingface_hub.snapshot_download",
	"huggingface_hub.file_download.hf_hub_download", "huggingface_hub._snapshot_download.snapshot_download"})

var getFileCalls245 = setOf([]string{"tensorflow.keras.utils.get_file", "keras.utils.get_file", "tf_keras.utils.get_file",
	"keras.src.utils.file_utils.get_file"})

// cacheArg245 returns the cache-directory argument of c and the default
// directory name for the fix, or nil.
func cacheArg245(c Call) (*Node, string) {
	switch {
	case c.Method() == "from_pretrained":
		return c.Kwarg("cache_dir"), "huggingface/hub"
	case hubCacheCalls245[c.Callee()]:
		return c.Kwarg("cache_dir"), "huggingface/hub"
	case getFileCalls245[c.Callee()]:
		return c.Kwarg("cache_dir"), "keras"
	case c.Is("sentence_transformers.SentenceTransformer", "sentence_transformers.SentenceTransformer.SentenceTransformer"):
		return c.Kwarg("cache_folder"), "sentence_transformers"
	case c.Is("torch.hub.load_state_dict_from_url", "torch.utils.model_zoo.load_url"):
		return c.Kwarg("model_dir"), "torch/hub/checkpoints"
	case c.Is("torch.hub.set_dir"):
		return c.Arg(0, "d"), "torch/hub"
	}
	return nil, ""
}

// check245 reports a WW-PATH cache directory: at the literal when it is
// written in the argument itself (with the fix), else at the argument (a
// name bound to the literal elsewhere: guidance there).
func check245(p *Pass, value *Node, def string) {
	root := p.WorldWritableRoot(value)
	if root == nil {
		return
	}
	if !Unparen(value).Contains(root) {
		p.Report(Unparen(value), p.Guidance())
		return
	}
	p.Report(root, fix245(p, value, def))
}

var safeComponent245 = regexp.MustCompile(`^[A-Za-z0-9._-]+$`)

// fix245 replaces a plain literal (or an os.path.join onto
// tempfile.gettempdir() with literal components) by
// os.path.expanduser("~/.cache/<last component>").
func fix245(p *Pass, value *Node, def string) *Fix {
	v := Unparen(value)
	var dir string
	switch lit := LiteralValue(v); {
	case lit.Kind == LitStr:
		dir = lastComponentEndpoint(lit.Str)
	case v.Kind == KCall:
		c, _ := p.AsCall(v)
		pos := c.Positional()
		if !c.Is("os.path.join", "posixpath.join") || len(pos) < 2 || len(c.Positional()) != len(c.Args.NamedChildren()) {
			return p.Guidance()
		}
		g, ok := p.AsCall(pos[0])
		if !ok || !g.Is("tempfile.gettempdir") {
			return p.Guidance()
		}
		last := LiteralValue(pos[len(pos)-1])
		if last.Kind != LitStr {
			return p.Guidance()
		}
		for _, a := range pos[1:] {
			if LiteralValue(a).Kind != LitStr {
				return p.Guidance()
			}
		}
		dir = lastComponentEndpoint("/tmp/" + last.Str)
	default:
		return p.Guidance()
	}
	if dir == "" {
		dir = def
	} else if !safeComponent245.MatchString(dir) || dir == "." || dir == ".." {
		return p.Guidance()
	}
	home := "~/.cache"
	if dir != "" {
		home += "/" + dir
	}
	b := p.NewFix(Unsafe, "Keep this cache in `"+home+"` (owned by the service user) instead of `"+codeText(v, 40)+
		"`, where other local users can plant models.", v)
	b.Add(ReplaceNode(v, b.Module("os")+`.path.expanduser("`+home+`")`))
	b.Changing("models are cached under the service user's home and downloaded again on first use; a read-only or " +
		"missing home directory (some containers) makes the download fail.")
	return b.Build(p.Guidance())
}

func init() { register(AIML245) }
