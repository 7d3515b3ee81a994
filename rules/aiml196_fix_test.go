package rules

import (
	"strings"
	"testing"

	"github.com/pyguard/pyguard/analyzer"
)

func TestAIML196Fix(t *testing.T) {
	src := `from pathlib import Path

from horovod.spark.common.store import LocalStore, Store


def build_store():
    return Store.create("/tmp/horovod_work")


def path_store():
    return LocalStore(Path("/tmp") / "hvd")


def run_store(run_id):
    return Store.create(f"/tmp/hvd/{run_id}")
`
	fixed, suggested := editRoundTrip(t, src, AIML196, 7)
	if !strings.Contains(fixed, "from horovod.spark.common.store import LocalStore, Store\nimport tempfile\n") ||
		!strings.Contains(fixed, `    return Store.create(tempfile.mkdtemp(prefix="horovod-"))`) {
		t.Errorf("--fix result:\n%s", fixed)
	}
	if !strings.Contains(suggested, "def build_store():\n    import tempfile\n    return Store.create(tempfile.mkdtemp(prefix=\"horovod-\"))\n") {
		t.Errorf("suggestion result:\n%s", suggested)
	}
	// Guidance: the last use of Path, and a per-run f-string.
	for _, line := range []int{11, 15} {
		if fx := fixOn(t, src, AIML196, line); fx.Applicability != analyzer.Guidance {
			t.Errorf("line %d: want guidance, got %+v", line, fx)
		}
	}
	// A module that already imports tempfile under another name uses it.
	aliased := "import tempfile as tf\nfrom horovod.spark.common.store import Store\n\nSTORE = Store.create(\"file:///var/tmp/hvd\")\n"
	fixed, _ = editRoundTrip(t, aliased, AIML196, 4)
	if !strings.Contains(fixed, `STORE = Store.create(tf.mkdtemp(prefix="horovod-"))`) || strings.Count(fixed, "import tempfile") != 1 {
		t.Errorf("aliased: %s", fixed)
	}
}
