package analyzer

import "testing"

func TestHubDLTaint(t *testing.T) {
	src := `import os, pathlib
from pathlib import Path
import huggingface_hub
from huggingface_hub import snapshot_download as sd, hf_hub_download, HfApi

def load():
    d = sd(repo_id="org/ckpt")
    sink(d)                                         # H1
    sink(os.path.join(d, "global_step1"))           # H2
    sink(Path(d) / "latest")                        # H3
    sink(str(pathlib.Path(d).joinpath("x")))        # H4
    sink(f"{d}/zero")                               # H5
    f = hf_hub_download("org/ckpt", "model.pt")
    sink(f)                                         # H6
    p = huggingface_hub.snapshot_download("org/x", revision="0123456789abcdef0123456789abcdef01234567")
    sink(p)                                         # H7 pinned commit
    q = sd("org/x", revision="main")
    sink(q)                                         # H8 a branch is not a pin
    r = sd("org/x", revision="0123456")
    sink(r)                                         # H9 a short sha is not a pin
    sink(HfApi().snapshot_download("org/x"))        # H10
    api = HfApi()
    sink(api.hf_hub_download("org/x", "f.bin"))     # H11
    sink(os.path.basename(d))                       # H12 other calls stop it
    sink(len(d))                                    # H13
    local = "/data/ckpt"
    sink(local)                                     # H14

MODULE_DIR = sd("org/x")

def elsewhere():
    sink(MODULE_DIR)                                # H15 other SCOPE
    sink(MODULE_DIR + "/x")                         # H16
`
	f := parseFile(t, src)
	want := map[string]Label{
		"# H1": HubDL, "# H2": HubDL, "# H3": HubDL, "# H4": HubDL, "# H5": HubDL, "# H6": HubDL,
		"# H7": 0, "# H8": HubDL, "# H9": HubDL, "# H10": HubDL, "# H11": HubDL, "# H12": 0, "# H13": 0,
		"# H14": 0, "# H15": 0, "# H16": 0,
	}
	for m, w := range want {
		if got := taintOf(t, f, m, nil); got != w {
			t.Errorf("%s: taint = %b, want %b", m, got, w)
		}
	}
	// HUB-DL is not REMOTE-TAINT.
	if HubDL&RemoteTaint != 0 {
		t.Error("HubDL overlaps RemoteTaint")
	}
}

func TestIsPinnedRevision(t *testing.T) {
	for src, want := range map[string]bool{
		`sd("r", revision="0123456789abcdef0123456789abcdef01234567")`: true,
		`sd("r", revision="0123456789ABCDEF0123456789ABCDEF01234567")`: true,
		`sd("r", revision="0123456789abcdef0123456789abcdef0123456")`:  false,
		`sd("r", revision="0123456789abcdef0123456789abcdef0123456g")`: false,
		`sd("r", revision=f"{sha}")`:                                   false,
		`sd("r", revision=SHA)`:                                        false,
		`sd("r")`:                                                      false,
	} {
		f := parseFile(t, src+"\n")
		c, _ := f.AsCall(f.Tree.Root().NamedChild(0).NamedChild(0))
		if got := IsPinnedRevision(c); got != want {
			t.Errorf("IsPinnedRevision(%s) = %v, want %v", src, got, want)
		}
	}
}
