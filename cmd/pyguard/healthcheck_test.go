package main

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

func TestHealthzURL(t *testing.T) {
	for addr, want := range map[string]string{
		":8080":          "http://127.0.0.1:8080/healthz",
		"0.0.0.0:9000":   "http://127.0.0.1:9000/healthz",
		"[::]:8080":      "http://127.0.0.1:8080/healthz",
		"10.1.2.3:8080":  "http://10.1.2.3:8080/healthz",
		"localhost:8081": "http://localhost:8081/healthz",
		"[::1]:8080":     "http://[::1]:8080/healthz",
	} {
		if got, err := healthzURL(addr); err != nil || got != want {
			t.Errorf("%q → %q %v, want %q", addr, got, err, want)
		}
	}
	if _, err := healthzURL("8080"); err == nil {
		t.Error("8080 without a colon accepted")
	}
}

func TestHealthcheckBinary(t *testing.T) {
	var status atomic.Int32
	status.Store(http.StatusOK)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			http.NotFound(w, r)
			return
		}
		w.WriteHeader(int(status.Load()))
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	dir := t.TempDir()

	// From PYGUARD_ADDR, as in the container.
	r := pyguardEnv(t, dir, []string{"PYGUARD_ADDR=:" + port}, "healthcheck")
	if r.code != 0 || strings.TrimSpace(r.stdout) != "ok" {
		t.Errorf("healthy: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	if r := pyguardEnv(t, dir, nil, "healthcheck", "--url", srv.URL+"/healthz"); r.code != 0 {
		t.Errorf("--url: exit %d %s", r.code, r.stderr)
	}
	status.Store(http.StatusServiceUnavailable)
	if r := pyguardEnv(t, dir, nil, "healthcheck", "--addr", "127.0.0.1:"+port); r.code != 1 || !strings.Contains(r.stderr, "503") {
		t.Errorf("unhealthy: exit %d %s", r.code, r.stderr)
	}
	srv.Close()
	if r := pyguardEnv(t, dir, nil, "healthcheck", "--addr", "127.0.0.1:"+port, "--timeout", "2s"); r.code != 1 || !strings.Contains(r.stderr, "unhealthy") {
		t.Errorf("down: exit %d %s", r.code, r.stderr)
	}
}
