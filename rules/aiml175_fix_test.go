package rules

import (
	"strings"
	"testing"
)

func TestAIML175Fix(t *testing.T) {
	header := "import numpy as np\nfrom imblearn.over_sampling import SMOTE\n" +
		"from sklearn.model_selection import train_test_split, cross_val_score\n" +
		"from sklearn.linear_model import LogisticRegression\n\n"
	cases := []leakFixCase{
		{
			name: "spec example",
			src: header + "X_res, y_res = SMOTE(random_state=0).fit_resample(X, y)\n" +
				"X_train, X_test, y_train, y_test = train_test_split(X_res, y_res, stratify=y_res, random_state=0)\n" +
				"model = LogisticRegression().fit(X_train, y_train)\n",
			line: 6,
			want: header + "X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)\n" +
				"X_train, y_train = SMOTE(random_state=0).fit_resample(X_train, y_train)\n" +
				"model = LogisticRegression().fit(X_train, y_train)\n",
		},
		{
			name: "named sampler, same names, comment kept, CRLF",
			src: strings.ReplaceAll(header+"def prep(X, y):\n"+
				"    sm = SMOTE(k_neighbors=3)\n"+
				"    X, y = sm.fit_resample(X, y)  # balance\n"+
				"    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3)\n"+
				"    return X_tr, X_te, y_tr, y_te\n", "\n", "\r\n"),
			line: 8,
			want: strings.ReplaceAll(header+"def prep(X, y):\n"+
				"    sm = SMOTE(k_neighbors=3)\n"+
				"    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3)\n"+
				"    X_tr, y_tr = sm.fit_resample(X_tr, y_tr)  # balance\n"+
				"    return X_tr, X_te, y_tr, y_te\n", "\n", "\r\n"),
		},
		{
			name: "CV: imblearn make_pipeline imported where needed",
			src: header + "def evaluate(X, y):\n" +
				"    X_c, y_c = SMOTE().fit_resample(X, y)\n" +
				"    return cross_val_score(LogisticRegression(), X_c, y_c, cv=5)\n",
			line: 7,
			want: strings.Replace(header, "from sklearn.linear_model import LogisticRegression\n",
				"from sklearn.linear_model import LogisticRegression\nfrom imblearn.pipeline import make_pipeline\n", 1) +
				"def evaluate(X, y):\n" +
				"    return cross_val_score(make_pipeline(SMOTE(), LogisticRegression()), X, y, cv=5)\n",
			wantPR: header + "def evaluate(X, y):\n" +
				"    from imblearn.pipeline import make_pipeline\n" +
				"    return cross_val_score(make_pipeline(SMOTE(), LogisticRegression()), X, y, cv=5)\n",
		},
		{
			name: "CV: make_pipeline is sklearn's (rejects samplers)",
			src: header + "from sklearn.pipeline import make_pipeline\n\n" +
				"X_c, y_c = SMOTE().fit_resample(X, y)\n" +
				"scores = cross_val_score(LogisticRegression(), X_c, y_c)\n",
			line:     8,
			guidance: true,
		},
		{
			name: "CV: a named sampler read elsewhere stays guidance",
			src: header + "sm = SMOTE()\n" +
				"X_c, y_c = sm.fit_resample(X, y)\n" +
				"scores = cross_val_score(LogisticRegression(), X_c, y_c)\n" +
				"print(sm.sample_indices_)\n",
			line:     7,
			guidance: true,
		},
		{
			name: "training split cross-validated afterwards",
			src: header + "X_r, y_r = SMOTE().fit_resample(X, y)\n" +
				"X_tr, X_te, y_tr, y_te = train_test_split(X_r, y_r)\n" +
				"scores = cross_val_score(LogisticRegression(), X_tr, y_tr)\n",
			line:     6,
			guidance: true,
		},
		{
			name: "only the labels reach the split",
			src: header + "X_r, y_r = SMOTE().fit_resample(X, y)\n" +
				"X_tr, X_te, y_tr, y_te = train_test_split(X, y_r)\n",
			line:     6,
			guidance: true,
		},
		{
			name: "labels changed in place between",
			src: header + "X_r, y_r = SMOTE().fit_resample(X, y)\n" +
				"y[y > 1] = 1\n" +
				"X_tr, X_te, y_tr, y_te = train_test_split(X_r, y_r)\n",
			line:     6,
			guidance: true,
		},
		{
			name: "keyword arguments to fit_resample",
			src: header + "X_r, y_r = SMOTE().fit_resample(X=X, y=y)\n" +
				"X_tr, X_te, y_tr, y_te = train_test_split(X_r, y_r)\n",
			line:     6,
			guidance: true,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLeakFix(t, "AIML175", c) })
	}
}
