package rules

import (
	"testing"

	. "github.com/pyguard/pyguard/analyzer"
)

// TestAIML178DiscardedOwnedBy268: §4 row 21 — a bare `.predict(R)`
// statement on a detector built from R is AIML268's; AIML178 fires only
// when the result is used. Checked with AIML178 alone.
func TestAIML178DiscardedOwnedBy268(t *testing.T) {
	src := `from alibi_detect.cd import KSDrift


def bare(batch):
    cd = KSDrift(batch)
    cd.predict(batch)


async def awaited(batch):
    cd = KSDrift(batch)
    await cd.predict(batch)


def used(batch):
    cd = KSDrift(batch)
    return cd.predict(batch)
`
	got := runOnly(t, src, AIML178)
	if len(got) != 1 || !got["16:AIML178"] {
		t.Errorf("findings = %v, want only 16:AIML178", got)
	}
}

// TestAIML181DeletingApplyOwnedBy184: apply with objects_to_delete (keyword
// or positional 1) or partial=False (keyword or positional 2) deletes and
// is AIML184's; AIML181 reports only the plain apply.
func TestAIML181DeletingApplyOwnedBy184(t *testing.T) {
	src := `from fastapi import FastAPI
from feast import FeatureStore

app = FastAPI()


@app.post("/sync")
def sync(spec: dict):
    store = FeatureStore(repo_path=".")
    store.apply([view(spec)], objects_to_delete=[old(spec)])
    store.apply([view(spec)], partial=False)
    store.apply([view(spec)], [old(spec)])
    store.apply([view(spec)], None, False)
    store.apply([view(spec)], partial=True)
    return {}
`
	got := runOnly(t, src, AIML181)
	if len(got) != 1 || !got["14:AIML181"] {
		t.Errorf("findings = %v, want only 14:AIML181", got)
	}
}

// TestFeastStoreCall: the FEAST STORE call predicate (2.1 File-specific
// terms): typed receivers for every name, untyped ones only for the
// distinctive names in a module importing feast, and never an instance of
// a class defined in the module.
func TestFeastStoreCall(t *testing.T) {
	src := `import feast
from feast.feature_store import FeatureStore


class Local:
    def get_historical_features(self, *a):
        pass


def f(untyped, typed: FeatureStore):
    untyped.get_historical_features("a")   # 1 distinctive, untyped: yes
    untyped.apply([])                      # 2 generic, untyped: no
    typed.apply([])                        # 3 generic, annotated: yes
    feast.FeatureStore(".").serve("h", 1)  # 4 chained: yes
    loc = Local()
    loc.get_historical_features("a")       # 5 local class: no
    with FeatureStore(".") as s:
        s.teardown()                       # 6 with-bound: yes
`
	probe := &Rule{ID: "AIML999", Message: "probe", Kinds: []Kind{KCall}, Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if feastStoreCall(p, c) {
			p.ReportCall(c, nil)
		}
	}}
	got := runOnly(t, src, probe)
	want := map[string]bool{"11:AIML999": true, "13:AIML999": true, "14:AIML999": true, "18:AIML999": true}
	if len(got) != len(want) {
		t.Errorf("findings = %v, want %v", got, want)
	}
	for k := range want {
		if !got[k] {
			t.Errorf("missing %s (got %v)", k, got)
		}
	}
	// Without an import of feast, the distinctive names need a typed receiver too.
	got = runOnly(t, "def f(s):\n    s.get_historical_features('a')\n", probe)
	if len(got) != 0 {
		t.Errorf("no feast import: findings = %v, want none", got)
	}
}
