package analyzer

import (
	"context"
	"testing"
)

// sinkArg parses src and returns the File and the first argument of the last
// call to sink(...).
func sinkArg(t *testing.T, src string) (*File, *Node) {
	t.Helper()
	f, err := NewFile(context.Background(), "m.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var arg *Node
	f.Tree.Root().Walk(func(n *Node) bool {
		if n.Kind == KCall {
			if c, _ := f.AsCall(n); c.Func.Is("sink") {
				arg = c.Pos(0)
			}
		}
		return true
	})
	if arg == nil {
		t.Fatalf("no sink(...) call in:\n%s", src)
	}
	return f, arg
}

func TestIsWorldWritablePath(t *testing.T) {
	const imports = "import os\nimport os.path\nimport tempfile\nimport pathlib\nfrom pathlib import Path\nfrom os.path import join as pjoin\n"
	cases := []struct {
		src  string
		want bool
	}{
		// Literals.
		{`sink("/tmp/scaler.joblib")`, true},
		{`sink("/tmp")`, true},
		{`sink('/var/tmp/x/y.pkl')`, true},
		{`sink("/dev/shm/cache")`, true},
		{`sink("//tmp//a/./b")`, true},
		{`sink("/tmp/../etc/passwd")`, false},
		{`sink("/tmpfoo/x")`, false},
		{`sink("/var/tmpx")`, false},
		{`sink("/opt/app/scaler.pkl")`, false},
		{`sink("artifacts/scaler.joblib")`, false},
		{`sink("tmp/scaler.joblib")`, false},
		{`sink("~/tmp/x")`, false},
		{`sink("file:///tmp/x")`, false},
		{`sink(b"/tmp/x")`, false},
		{`sink("/tm" "p/x")`, true},
		// f-strings: only the leading literal component counts.
		{`sink(f"/tmp/{name}.pkl")`, true},
		{`sink(f"/tmp/model_{v}.pkl")`, true},
		{`sink(f"/var/tmp/{a}/{b}")`, true},
		{`sink(f"/tmp{x}")`, false},
		{`sink(f"{base}/tmp/x")`, false},
		{`sink(f"/srv/{x}/tmp")`, false},
		// os.path.join and pathlib.
		{`sink(os.path.join("/tmp", "x.pkl"))`, true},
		{`sink(os.path.join("/tmp/cache", name))`, true},
		{`sink(pjoin("/dev/shm", "x"))`, true},
		{`sink(os.path.join(tempfile.gettempdir(), "scaler.pkl"))`, true},
		{`sink(os.path.join("/tmp", "/etc/x"))`, false},
		{`sink(os.path.join("/opt", "/tmp/x"))`, true},
		{`sink(os.path.join(base, "tmp"))`, false},
		{`sink(os.path.join("data", "/tmp"))`, true},
		{`sink(os.path.join(*parts))`, false},
		{`sink(Path("/tmp/x.pkl"))`, true},
		{`sink(pathlib.Path("/tmp") / "x.pkl")`, true},
		{`sink(Path(tempfile.gettempdir()) / "x" / name)`, true},
		{`sink(Path("/srv") / "tmp")`, false},
		{`sink(Path("/tmp") / "/etc/x")`, false},
		{`sink(Path("data") / "x")`, false},
		{`sink(tempfile.gettempdir())`, true},
		// Private temp locations are never WW-PATH.
		{`sink(tempfile.mkdtemp())`, false},
		{`sink(os.path.join(tempfile.mkdtemp(), "x.pkl"))`, false},
		{"fd, p = tempfile.mkstemp()\nsink(p)", false},
		{`sink(tempfile.NamedTemporaryFile().name)`, false},
		{"with tempfile.TemporaryDirectory() as d:\n    sink(os.path.join(d, 'x.pkl'))", false},
		{"with tempfile.TemporaryDirectory() as d:\n    sink(Path(d) / 'x.pkl')", false},
		// Names: the visible plain assignment, or a module constant.
		{"p = '/tmp/x.pkl'\nsink(p)", true},
		{"base = Path('/tmp')\nsink(base / 'x')", true},
		{"p = '/tmp/x.pkl'\np = 'artifacts/x.pkl'\nsink(p)", false},
		{"CACHE = '/tmp/cache'\ndef f():\n    sink(os.path.join(CACHE, 'x'))", true},
		{"CACHE = '/tmp/cache'\nCACHE = '/srv/cache'\ndef f():\n    sink(CACHE)", false},
		{"CACHE = '/tmp/cache'\ndef f(CACHE):\n    sink(CACHE)", false},
		{"def f(p='/tmp/x'):\n    sink(p)", false},
		{"p = os.environ['P']\nsink(p)", false},
		{"a, b = '/tmp/x', 'y'\nsink(a)", true},
		{"a, b = pair()\nsink(a)", false},
	}
	for _, tc := range cases {
		f, arg := sinkArg(t, imports+tc.src+"\n")
		if got := f.IsWorldWritablePath(arg); got != tc.want {
			t.Errorf("IsWorldWritablePath(%s) = %v, want %v", tc.src, got, tc.want)
		}
	}
}

func TestIsWorldWritableFileURL(t *testing.T) {
	cases := []struct {
		src  string
		want bool
	}{
		{`sink("file:///tmp/ddp_rendezvous")`, true},
		{`sink(f"file:///dev/shm/{job}/init")`, true},
		{`sink("file://localhost/var/tmp/x")`, true},
		{`sink(f"file://{shared_dir}/rendezvous")`, false},
		{`sink("file:///mnt/shared/rdzv")`, false},
		{`sink("/tmp/x")`, false},
		{`sink("env://")`, false},
		{`sink("file://host/tmp/x")`, false},
		{"URL = 'file:///tmp/x'\nsink(URL)", true},
	}
	for _, tc := range cases {
		f, arg := sinkArg(t, tc.src+"\n")
		if got := f.IsWorldWritableFileURL(arg); got != tc.want {
			t.Errorf("IsWorldWritableFileURL(%s) = %v, want %v", tc.src, got, tc.want)
		}
	}
}

func TestWorldWritableRoot(t *testing.T) {
	f, arg := sinkArg(t, "import os\nCACHE = '/tmp/hf'\nsink(os.path.join(CACHE, 'x'))\n")
	root := f.WorldWritableRoot(arg)
	if root == nil || root.Text() != "'/tmp/hf'" {
		t.Fatalf("root = %v", root)
	}
}
