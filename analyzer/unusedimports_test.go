package analyzer

import "testing"

func TestUnusedImportEdits(t *testing.T) {
	cases := []struct{ name, before, after, want string }{
		{"the fix removed the last read",
			"import pickle\nimport os\nx = pickle.load(f)\ny = os.sep\n",
			"import pickle\nimport os\nx = joblib.load(f)\ny = os.sep\n",
			"import os\nx = joblib.load(f)\ny = os.sep\n"},
		{"one name of several goes",
			"from m import a, b, c\nx = b(a, c)\n",
			"from m import a, b, c\nx = a(c)\n",
			"from m import a, c\nx = a(c)\n"},
		{"the first name goes",
			"from m import a as z, b\nx = z(b)\n",
			"from m import a as z, b\nx = b\n",
			"from m import b\nx = b\n"},
		{"still read elsewhere: kept",
			"import pickle\nx = pickle.load(f)\ny = pickle.dumps(x)\n",
			"import pickle\nx = joblib.load(f)\ny = pickle.dumps(x)\n",
			"import pickle\nx = joblib.load(f)\ny = pickle.dumps(x)\n"},
		{"unused before too (a side-effect import): kept",
			"import plugins\nimport pickle\nx = pickle.load(f)\n",
			"import plugins\nimport pickle\nx = joblib.load(f)\n",
			"import plugins\nx = joblib.load(f)\n"},
		{"a function's only statement is not deleted",
			"def f():\n    import pickle\nx = pickle\n",
			"def f():\n    import pickle\nx = 1\n",
			"def f():\n    import pickle\nx = 1\n"},
		{"a local import with a trailing comment goes with its line",
			"def f(b):\n    import pickle  # fast\n    return pickle.loads(b)\n",
			"def f(b):\n    import pickle  # fast\n    return safe(b)\n",
			"def f(b):\n    return safe(b)\n"},
		{"a statement sharing its line is kept",
			"import pickle; y = 1\nx = pickle.load(f)\n",
			"import pickle; y = 1\nx = joblib.load(f)\n",
			"import pickle; y = 1\nx = joblib.load(f)\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, a := parseFile(t, c.before), parseFile(t, c.after)
			out, err := ApplyEdits(a.Tree.Src, UnusedImportEdits(b, a))
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != c.want {
				t.Errorf("got  %q\nwant %q", out, c.want)
			}
		})
	}
}
