package rules

import (
	"context"
	"slices"
	"testing"

	"github.com/pyguard/pyguard/analyzer"
)

// §4 row 23 with the real AIML269: a fitting call on the test split that
// is an argument of a two-sample test AIML269 reports, directly or through
// the one name it is assigned to, is AIML269's; AIML171 keeps the fits of
// tests AIML269 does not report (only one side standardized) and fits that
// feed no test. The source is the one of TestAIML171OwnedByAIML269.
func TestAIML269OwnsAIML171(t *testing.T) {
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
	fds, errs := analyzer.NewEngine([]*analyzer.Rule{AIML171, AIML269}).Run(f)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	lines := map[string][]int{}
	for _, fd := range fds {
		lines[fd.Rule.ID] = append(lines[fd.Rule.ID], fd.Line)
	}
	if got, want := lines["AIML269"], []int{8, 10, 22}; !slices.Equal(got, want) {
		t.Errorf("AIML269 lines %v, want %v", got, want)
	}
	// Line 16 compares a raw sample with a standardized one: not AIML269's,
	// so the fit on x_val stays AIML171's; line 11 feeds no test.
	if got, want := lines["AIML171"], []int{11, 16}; !slices.Equal(got, want) {
		t.Errorf("AIML171 lines %v, want %v", got, want)
	}
}
