package rules

import (
	"regexp"

	. "github.com/pyguard/pyguard/analyzer"
)

// processorLoaders166 are the transformers Auto* feature-extraction classes
// (top-level names and their defining modules under transformers.models.auto).
var processorLoaders166 = setOf(
	qualify("transformers.", "AutoFeatureExtractor", "AutoImageProcessor", "AutoProcessor", "AutoVideoProcessor"),
	qualify("transformers.models.auto.", "AutoFeatureExtractor", "AutoImageProcessor", "AutoProcessor", "AutoVideoProcessor"),
	[]string{
		"transformers.models.auto.feature_extraction_auto.AutoFeatureExtractor",
		"transformers.models.auto.image_processing_auto.AutoImageProcessor",
		"transformers.models.auto.processing_auto.AutoProcessor",
		"transformers.models.auto.video_processing_auto.AutoVideoProcessor",
	},
)

// commitSHA is a full 40-hex-digit commit id.
var commitSHA = regexp.MustCompile(`^[0-9a-fA-F]{40}$`)

// isCommitSHA reports whether n is a str literal holding a full commit SHA.
func isCommitSHA(n *Node) bool {
	l := LiteralValue(n)
	return l.Kind == LitStr && commitSHA.MatchString(l.Str)
}

var AIML166 = &Rule{
	ID:         "AIML166",
	Title:      "Feature extraction vulnerabilities",
	Section:    "2.1.1",
	Severity:   High,
	References: []string{"CWE-94", "CWE-829", "OWASP ML06", "MITRE ATLAS AML.T0010"},
	Fix:        Unsafe,
	Message:    "trust_remote_code=True runs the Hub repo's Python on load at an unpinned revision. Disable it or pin revision to a commit SHA.",
	Doc: "A feature extractor, image processor, video processor or processor is loaded with `trust_remote_code=True` " +
		"from an unpinned Hub revision. Hugging Face documents that this executes Python from the Hub repository: " +
		"the code that runs is whatever the repo owner (or anyone who compromises the repo) pushed most recently.",
	FixDoc: "Replace `True` with `False`. Repos that need custom code then fail to load; the alternative is to keep " +
		"`True` and add `revision=\"<reviewed commit sha>\"`.",
	Example: `processor = AutoImageProcessor.from_pretrained(
    "acme-labs/retina-prep",
    trust_remote_code=True,
)`,
	SafeExample: `processor = AutoImageProcessor.from_pretrained(
    "acme-labs/retina-prep",
    trust_remote_code=True,
    revision="4f1c2b0e9d8a7c6b5a4f3e2d1c0b9a8f7e6d5c4b",
)`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if c.Method() != "from_pretrained" || !processorLoaders166[p.Qualname(c.Receiver())] {
			return
		}
		kw := c.Keyword("trust_remote_code")
		if kw == nil || !IsTrue(kw.Field("value")) || isCommitSHA(c.Kwarg("revision")) {
			return
		}
		p.Report(kw, fix166(p, c, kw))
	},
}

// fix166 turns trust_remote_code off on this loader call.
func fix166(p *Pass, c Call, kw *Node) *Fix {
	repo := "the Hub repo"
	if l := LiteralValue(c.Arg(0, "pretrained_model_name_or_path")); l.Kind == LitStr && l.Str != "" && len(l.Str) <= 60 {
		repo = "`" + l.Str + "`"
	}
	return p.Edits(Unsafe, "Set `trust_remote_code=False` on this `"+codeText(c.Func, 60)+"` call, so loading never runs "+
		"Python code from "+repo+".", ReplaceNode(Unparen(kw.Field("value")), "False")).
		Changing("a processor that needs custom code from " + repo + " stops loading; to keep it, leave `True` and pin " +
			"`revision=` to a reviewed commit SHA.")
}

func init() { register(AIML166) }
