package analyzer

import "testing"

func TestHostLiterals(t *testing.T) {
	cases := []struct {
		src           string
		all, loopback bool
	}{
		{`sink("0.0.0.0")`, true, false},
		{`sink('0.0.0.0')`, true, false},
		{`sink("::")`, true, false},
		{`sink("[::]")`, true, false},
		{`sink("")`, true, false},
		{`sink('')`, true, false},
		{`sink("*")`, true, false},
		{`sink(("0.0.0.0"))`, true, false},
		{`sink("0.0." "0.0")`, true, false},
		{`sink(r"0.0.0.0")`, true, false},
		{`sink("127.0.0.1")`, false, true},
		{`sink("localhost")`, false, true},
		{`sink("::1")`, false, true},
		{`sink("[::1]")`, false, true},
		{`sink("10.0.0.5")`, false, false},
		{`sink("0.0.0.0:8265")`, false, false},
		{`sink(" 0.0.0.0")`, false, false},
		{`sink("LOCALHOST")`, false, false},
		{`sink("127.0.0.2")`, false, false},
		{`sink(b"0.0.0.0")`, false, false},
		{`sink(b"")`, false, false},
		{`sink(f"0.0.0.0")`, true, false},
		{`sink(f"{host}")`, false, false},
		{`sink(host)`, false, false},
		{"HOST = '0.0.0.0'\nsink(HOST)", false, false},
		{`sink(None)`, false, false},
		{`sink(0)`, false, false},
		{`sink(("0.0.0.0", 80))`, false, false},
	}
	for _, tc := range cases {
		_, arg := sinkArg(t, tc.src+"\n")
		if got := IsAllInterfacesLiteral(arg); got != tc.all {
			t.Errorf("IsAllInterfacesLiteral(%s) = %v, want %v", tc.src, got, tc.all)
		}
		if got := IsLoopbackLiteral(arg); got != tc.loopback {
			t.Errorf("IsLoopbackLiteral(%s) = %v, want %v", tc.src, got, tc.loopback)
		}
	}
}

func TestHostStrings(t *testing.T) {
	for _, s := range AllInterfacesHosts {
		if !IsAllInterfacesHost(s) || IsLoopbackHost(s) {
			t.Errorf("%q misclassified", s)
		}
	}
	for _, s := range LoopbackHosts {
		if !IsLoopbackHost(s) || IsAllInterfacesHost(s) {
			t.Errorf("%q misclassified", s)
		}
	}
	if IsAllInterfacesHost("0.0.0.1") || IsLoopbackHost("127.0.0.1 ") {
		t.Error("near misses classified")
	}
}

func TestHostLiteralEdit(t *testing.T) {
	cases := []struct{ src, want string }{
		{`sink("0.0.0.0")`, `sink("127.0.0.1")`},
		{`sink('::')`, `sink('127.0.0.1')`},
		{`sink("")`, `sink("127.0.0.1")`},
		{`sink(r'*')`, `sink(r'127.0.0.1')`},
		{`sink(("[::]"))`, `sink(("127.0.0.1"))`},
	}
	for _, tc := range cases {
		f, arg := sinkArg(t, tc.src+"\n")
		e, ok := HostLiteralEdit(arg)
		if !ok {
			t.Errorf("HostLiteralEdit(%s): not ok", tc.src)
			continue
		}
		out, err := ApplyEdits(f.Tree.Src, []Edit{e})
		if err != nil || string(out) != tc.want+"\n" {
			t.Errorf("HostLiteralEdit(%s) = %q, %v; want %q", tc.src, out, err, tc.want)
		}
	}
	for _, src := range []string{`sink("0.0." "0.0")`, `sink(host)`, `sink(f"{h}")`, `sink(b"")`} {
		_, arg := sinkArg(t, src+"\n")
		if _, ok := HostLiteralEdit(arg); ok {
			t.Errorf("HostLiteralEdit(%s): ok, want not ok", src)
		}
	}
}
