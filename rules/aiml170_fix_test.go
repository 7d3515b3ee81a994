package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/pyguard/pyguard/analyzer"
)

// leakFixCase is one snippet for the AIML170/AIML175 edits: the finding on
// line is fixed (want, the --fix result, and wantPR, the pull-request
// variant with a local import; "" = same as want), or stays guidance when
// want is "".
type leakFixCase struct {
	name, src  string
	line       int
	want       string
	wantPR     string
	guidance   bool
	ruleFilter string
}

// findingOn returns rule id's finding on line.
func findingOn(t *testing.T, src, id string, line int) (*analyzer.Finding, []*analyzer.Finding) {
	t.Helper()
	f, err := analyzer.NewFile(context.Background(), "train.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if f.Tree.HasSyntaxErrors() {
		t.Fatalf("snippet has syntax errors:\n%s", src)
	}
	fds, errs := analyzer.NewEngine(All()).Run(f)
	for _, e := range errs {
		t.Error(e)
	}
	var hit *analyzer.Finding
	for _, fd := range fds {
		if fd.Rule.ID == id && fd.Line == line {
			hit = fd
		}
	}
	return hit, fds
}

// countByRule counts findings per rule id.
func countByRule(fds []*analyzer.Finding) map[string]int {
	out := map[string]int{}
	for _, fd := range fds {
		out[fd.Rule.ID]++
	}
	return out
}

// checkLeakFix applies the fix of id's finding on c.line with each edit
// variant, re-parses, re-runs every rule and checks that exactly that
// finding is gone and no other appeared.
func checkLeakFix(t *testing.T, id string, c leakFixCase) {
	t.Helper()
	fd, before := findingOn(t, c.src, id, c.line)
	if fd == nil {
		t.Fatalf("no %s finding on line %d", id, c.line)
	}
	if c.guidance {
		if fd.Fix == nil || fd.Fix.Applicability != analyzer.Guidance || len(fd.Fix.Edits) != 0 {
			t.Fatalf("want guidance, got %+v", fd.Fix)
		}
		return
	}
	if fd.Fix == nil || fd.Fix.Applicability != analyzer.Unsafe || len(fd.Fix.Edits) == 0 {
		t.Fatalf("want an unsafe edit, got %+v", fd.Fix)
	}
	if strings.TrimSpace(fd.Fix.Behavior) == "" || strings.TrimSpace(fd.Fix.Description) == "" {
		t.Errorf("fix without description or behaviour: %+v", fd.Fix)
	}
	variants := []struct {
		label string
		edits []analyzer.Edit
		want  string
	}{{"--fix", fd.Fix.Edits, c.want}, {"pull request", fd.Fix.PullRequestEdits(), c.wantPR}}
	if variants[1].want == "" {
		variants[1].want = c.want
	}
	for _, v := range variants {
		out, err := analyzer.ApplyEdits([]byte(c.src), v.edits)
		if err != nil {
			t.Fatalf("%s: %v", v.label, err)
		}
		if string(out) != v.want {
			t.Errorf("%s: fixed source\n%s\nwant\n%s", v.label, out, v.want)
		}
		f, err := analyzer.NewFile(context.Background(), "train.py", out)
		if err != nil {
			t.Fatal(err)
		}
		if f.Tree.HasSyntaxErrors() {
			t.Fatalf("%s: fixed source has syntax errors:\n%s", v.label, out)
		}
		after, errs := analyzer.NewEngine(All()).Run(f)
		for _, e := range errs {
			t.Error(e)
		}
		b, a := countByRule(before), countByRule(after)
		b[id]--
		for rid, n := range a {
			if n > b[rid] {
				t.Errorf("%s: %s findings went from %d to %d:\n%s", v.label, rid, b[rid], n, out)
			}
		}
		if a[id] != b[id] {
			t.Errorf("%s: %s findings: %d, want %d (the fixed one gone)", v.label, id, a[id], b[id])
		}
	}
}

func TestAIML170Fix(t *testing.T) {
	header := "import numpy as np\nfrom sklearn.preprocessing import StandardScaler\n" +
		"from sklearn.model_selection import train_test_split, cross_val_score\n" +
		"from sklearn.linear_model import LogisticRegression\n\n"
	cases := []leakFixCase{
		{
			name: "spec example",
			src: header + "X_scaled = StandardScaler().fit_transform(X)\n" +
				"X_train, X_test, y_train, y_test = train_test_split(X_scaled, y, test_size=0.2, random_state=7)\n" +
				"model = LogisticRegression().fit(X_train, y_train)\n",
			line: 6,
			want: header + "X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=7)\n" +
				"scaler = StandardScaler()\n" +
				"X_train = scaler.fit_transform(X_train)\n" +
				"X_test = scaler.transform(X_test)\n" +
				"model = LogisticRegression().fit(X_train, y_train)\n",
		},
		{
			name: "name scaler taken, comment kept, tabs and CRLF",
			src: strings.ReplaceAll(header+"scaler = None\n\n\ndef prep(X, y):\n"+
				"\tX_s = StandardScaler(with_mean=False).fit_transform(X)  # scale\n"+
				"\tX_tr, X_te, y_tr, y_te = train_test_split(X_s, y)  # split\n"+
				"\treturn X_tr, X_te\n", "\n", "\r\n"),
			line: 10,
			want: strings.ReplaceAll(header+"scaler = None\n\n\ndef prep(X, y):\n"+
				"\tX_tr, X_te, y_tr, y_te = train_test_split(X, y)  # split\n"+
				"\ttrain_scaler = StandardScaler(with_mean=False)\n"+
				"\tX_tr = train_scaler.fit_transform(X_tr)  # scale\n"+
				"\tX_te = train_scaler.transform(X_te)\n"+
				"\treturn X_tr, X_te\n", "\n", "\r\n"),
		},
		{
			name: "CV: make_pipeline imported where needed",
			src: header + "\ndef evaluate(X, y):\n" +
				"    X_s = StandardScaler().fit_transform(X)\n" +
				"    return cross_val_score(LogisticRegression(), X_s, y, cv=5)\n",
			line: 8,
			want: strings.Replace(header, "from sklearn.linear_model import LogisticRegression\n",
				"from sklearn.linear_model import LogisticRegression\nfrom sklearn.pipeline import make_pipeline\n", 1) +
				"\ndef evaluate(X, y):\n" +
				"    return cross_val_score(make_pipeline(StandardScaler(), LogisticRegression()), X, y, cv=5)\n",
			wantPR: header + "\ndef evaluate(X, y):\n" +
				"    from sklearn.pipeline import make_pipeline\n" +
				"    return cross_val_score(make_pipeline(StandardScaler(), LogisticRegression()), X, y, cv=5)\n",
		},
		{
			name: "CV: make_pipeline spelled as the module binds it",
			src: header + "from sklearn import pipeline as skp\n\n" +
				"X_s = StandardScaler().fit_transform(X)\n" +
				"scores = cross_val_score(LogisticRegression(), X=X_s, y=y)\n",
			line: 8,
			want: header + "from sklearn import pipeline as skp\n\n" +
				"scores = cross_val_score(skp.make_pipeline(StandardScaler(), LogisticRegression()), X=X, y=y)\n",
		},
		{
			name: "CV: make_pipeline bound to another package",
			src: header + "from imblearn.pipeline import make_pipeline\n\n" +
				"X_s = StandardScaler().fit_transform(X)\n" +
				"scores = cross_val_score(LogisticRegression(), X_s, y)\n",
			line:     8,
			guidance: true,
		},
		{
			name: "V read in another function",
			src: header + "X_s = StandardScaler().fit_transform(X)\n" +
				"X_tr, X_te, y_tr, y_te = train_test_split(X_s, y)\n\n\ndef later():\n    return X_s\n",
			line:     6,
			guidance: true,
		},
		{
			name: "V read again in a loop",
			src: header + "for X in batches:\n" +
				"    X_s = StandardScaler().fit_transform(X)\n" +
				"    X_tr, X_te, y_tr, y_te = train_test_split(X_s, y)\n",
			line: 7,
			want: header + "for X in batches:\n" +
				"    X_tr, X_te, y_tr, y_te = train_test_split(X, y)\n" +
				"    scaler = StandardScaler()\n" +
				"    X_tr = scaler.fit_transform(X_tr)\n" +
				"    X_te = scaler.transform(X_te)\n",
		},
		{
			name: "loop-carried read",
			src: header + "X_s = None\nfor X in batches:\n" +
				"    print(X_s)\n" +
				"    X_s = StandardScaler().fit_transform(X)\n" +
				"    X_tr, X_te, y_tr, y_te = train_test_split(X_s, y)\n",
			line:     9,
			guidance: true,
		},
		{
			name: "split in another block",
			src: header + "X_s = StandardScaler().fit_transform(X)\n" +
				"if holdout:\n    X_tr, X_te, y_tr, y_te = train_test_split(X_s, y)\n",
			line:     6,
			guidance: true,
		},
		{
			name: "constructor argument rebound by the split",
			src: header + "X_s = StandardScaler(with_std=X_te).fit_transform(X)\n" +
				"X_tr, X_te, y_tr, y_te = train_test_split(X_s, y)\n",
			line:     6,
			guidance: true,
		},
		{
			name: "documents from a generator are consumed by the fit",
			src: header + "from sklearn.feature_extraction.text import TfidfVectorizer\n" +
				"docs = (line.strip() for line in corpus)\n" +
				"X_t = TfidfVectorizer().fit_transform(docs)\n" +
				"X_tr, X_te, y_tr, y_te = train_test_split(X_t, y)\n",
			line:     8,
			guidance: true,
		},
		{
			name: "documents in a list",
			src: header + "from sklearn.feature_extraction.text import TfidfVectorizer\n" +
				"docs = [line.strip() for line in corpus]\n" +
				"X_t = TfidfVectorizer().fit_transform(docs)\n" +
				"X_tr, X_te, y_tr, y_te = train_test_split(X_t, y)\n",
			line: 8,
			want: header + "from sklearn.feature_extraction.text import TfidfVectorizer\n" +
				"docs = [line.strip() for line in corpus]\n" +
				"X_tr, X_te, y_tr, y_te = train_test_split(docs, y)\n" +
				"vectorizer = TfidfVectorizer()\n" +
				"X_tr = vectorizer.fit_transform(X_tr)\n" +
				"X_te = vectorizer.transform(X_te)\n",
		},
		{
			name: "column store, then the frame split: guidance",
			src: header + "df = load()\n" +
				"df[\"x\"] = StandardScaler().fit_transform(df[[\"x\"]])\n" +
				"train_df, test_df = train_test_split(df, test_size=0.2)\n",
			line:     7,
			guidance: true,
		},
		{
			name: "column store, a selection of the frame cross-validated: guidance",
			src: header + "def cv(df):\n" +
				"    df.loc[:, COLS] = StandardScaler().fit_transform(df[COLS])\n" +
				"    return cross_val_score(LogisticRegression(), df[COLS], df[\"y\"])\n",
			line:     7,
			guidance: true,
		},
		{
			name: "manual holdout of the fitted name: guidance",
			src: header + "X_s = StandardScaler().fit_transform(X)\n" +
				"n = int(0.8 * len(X_s))\n" +
				"X_tr, X_te = X_s[:n], X_s[n:]\n",
			line:     6,
			guidance: true,
		},
		{
			name: "manual holdout with one read that is also a split: guidance",
			src: header + "X_s = StandardScaler().fit_transform(X)\n" +
				"X_tr = X_s[:100]\n" +
				"X_te = X_s[100:]\n" +
				"parts = train_test_split(X_s, y)\n",
			line:     6,
			guidance: true,
		},
		{
			name: "training part held out again by slices: guidance",
			src: header + "X_s = StandardScaler().fit_transform(X)\n" +
				"X_tr, X_te, y_tr, y_te = train_test_split(X_s, y)\n" +
				"X_fit, X_val = X_tr[:800], X_tr[800:]\n",
			line:     6,
			guidance: true,
		},
		{
			name: "two statements on one line",
			src: header + "X_s = StandardScaler().fit_transform(X); n = 1\n" +
				"X_tr, X_te, y_tr, y_te = train_test_split(X_s, y)\n",
			line:     6,
			guidance: true,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLeakFix(t, "AIML170", c) })
	}
}
