package rules

import (
	"strings"
	"testing"

	"github.com/pyguard/pyguard/analyzer"
)

func TestAIML199Fix(t *testing.T) {
	src := `ds_config = {
    "zero_optimization": {
        "offload_optimizer": {"device": "nvme", "nvme_path": "/var/tmp/zero_swap"},
    },
}
SWAP = "/tmp/swap"
cfg = {"offload_param": {"device": "nvme", "nvme_path": SWAP}}
`
	fixed, suggested := editRoundTrip(t, src, AIML199, 3)
	want := `"nvme_path": tempfile.mkdtemp(prefix="zero-swap-", dir="/var/tmp")`
	if !strings.HasPrefix(fixed, "import tempfile\nds_config = {") || !strings.Contains(fixed, want) {
		t.Errorf("--fix result:\n%s", fixed)
	}
	if !strings.HasPrefix(suggested, "import tempfile\nds_config = {") || !strings.Contains(suggested, want) {
		t.Errorf("suggestion result:\n%s", suggested)
	}
	if fx := fixOn(t, src, AIML199, 7); fx.Applicability != analyzer.Guidance {
		t.Errorf("constant: want guidance, got %+v", fx)
	}

	plugin := `import tempfile

from accelerate.utils import DeepSpeedPlugin


def make_plugin():
    return DeepSpeedPlugin(
        zero_stage=3,
        offload_optimizer_nvme_path=tempfile.gettempdir(),
    )
`
	fixed, _ = editRoundTrip(t, plugin, AIML199, 9)
	if !strings.Contains(fixed, "        offload_optimizer_nvme_path=tempfile.mkdtemp(prefix=\"zero-swap-\"),\n") ||
		strings.Count(fixed, "import tempfile") != 1 {
		t.Errorf("plugin: %s", fixed)
	}
}
