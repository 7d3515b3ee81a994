package rules

import (
	"context"
	"testing"

	"github.com/pyguard/pyguard/analyzer"
)

// §4 row 23: a fitting call on the test split that is an argument of a
// two-sample drift test, directly or through the one name it is assigned
// to, is owned by AIML269. AIML269 is not implemented yet, so a stand-in
// reports every scipy.stats.ks_2samp call.
func TestAIML171OwnedByAIML269(t *testing.T) {
	fake269 := &analyzer.Rule{
		ID: "AIML269", Title: "stand-in", Severity: analyzer.Medium, Fix: analyzer.Guidance, Message: "drift test",
		Kinds: []analyzer.Kind{analyzer.KCall},
		Check: func(p *analyzer.Pass, n *analyzer.Node) {
			if c, _ := p.AsCall(n); c.Is("scipy.stats.ks_2samp") {
				p.ReportCall(c, p.Guidance())
			}
		},
	}
	src := `from scipy.stats import ks_2samp
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split

X_train, X_test = train_test_split(X)
scaler = StandardScaler()
ref = scaler.fit_transform(X_train)
ks_2samp(ref, scaler.fit_transform(X_test))
cur = scaler.fit_transform(X_test)
ks_2samp(ref, cur)
other = scaler.fit_transform(X_test)
print(other)


def drift(x_val, ref):
    return ks_2samp(ref, StandardScaler().fit_transform(x_val))


def holdout_drift(X, n):
    head, tail = X[:n], X[n:]
    cur = StandardScaler().fit_transform(tail)
    return ks_2samp(StandardScaler().fit_transform(head), cur)
`
	f, err := analyzer.NewFile(context.Background(), "drift.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	run := func(rules ...*analyzer.Rule) (lines []int) {
		fds, errs := analyzer.NewEngine(rules).Run(f)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		for _, fd := range fds {
			if fd.Rule.ID == "AIML171" {
				lines = append(lines, fd.Line)
			}
		}
		return lines
	}
	if got := run(AIML171); len(got) != 5 {
		t.Fatalf("without AIML269: AIML171 lines %v, want 8, 9, 11, 16, 21", got)
	}
	if got := run(AIML171, fake269); len(got) != 1 || got[0] != 11 {
		t.Fatalf("with AIML269: AIML171 lines %v, want only 11", got)
	}
}
