package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// No docker engine runs in CI, so the Dockerfile is checked here: its
// build command is run as written (same flags, cgo, module read-only), the
// binary it makes answers `version` and `healthcheck -h`, and the runtime
// stage has the entrypoint, user, port, health check and data directory
// the docs promise.
func TestDockerfile(t *testing.T) {
	b, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	df := string(b)
	for _, want := range []string{
		"FROM golang:${GO_VERSION}-bookworm AS build",
		"ENV CGO_ENABLED=1",
		"FROM gcr.io/distroless/base-debian12:nonroot",
		"COPY --from=build /out/pyguard /usr/local/bin/pyguard",
		"USER 65532:65532",
		// The SQLite default (sqlite://pyguard.db) is relative to the
		// working directory, which the runtime user must be able to write.
		"RUN mkdir -m 0700 /out/data",
		"COPY --from=build --chown=65532:65532 /out/data /var/lib/pyguard",
		"WORKDIR /var/lib/pyguard",
		`VOLUME ["/var/lib/pyguard"]`,
		"EXPOSE 8080",
		`CMD ["/usr/local/bin/pyguard", "healthcheck"]`,
		`ENTRYPOINT ["/usr/local/bin/pyguard", "serve"]`,
	} {
		if !strings.Contains(df, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	// The data directory belongs to the runtime stage, owned by its user.
	if i := strings.Index(df, "FROM gcr.io/distroless/"); i >= 0 {
		runtime := df[i:]
		for _, want := range []string{"--chown=65532:65532 /out/data /var/lib/pyguard", "WORKDIR /var/lib/pyguard", "VOLUME"} {
			if !strings.Contains(runtime, want) {
				t.Errorf("the runtime stage lacks %q", want)
			}
		}
	}
	m := regexp.MustCompile(`(?m)^RUN (go build [^\n]*?) -o /out/pyguard (\./cmd/pyguard)`).FindStringSubmatch(df)
	if m == nil {
		t.Fatal("no `RUN go build ... -o /out/pyguard ./cmd/pyguard` line")
	}
	if !strings.Contains(m[1], "-trimpath") || !strings.Contains(m[1], `-ldflags "-s -w`) {
		t.Errorf("build flags %q", m[1])
	}
	if testing.Short() {
		t.Skip("-short: not building")
	}
	out := filepath.Join(t.TempDir(), "pyguard")
	build := exec.Command("sh", "-c", m[1]+" -o "+out+" "+m[2])
	build.Dir = "../.."
	build.Env = append(os.Environ(), "CGO_ENABLED=1", "GOFLAGS=-mod=readonly", "VERSION=9.9.9")
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", m[1], err, b)
	}
	if b, err := exec.Command(out, "version").Output(); err != nil || strings.TrimSpace(string(b)) != "pyguard 9.9.9" {
		t.Errorf("version: %q %v", b, err)
	}
	if err := exec.Command(out, "healthcheck", "-h").Run(); err != nil {
		t.Errorf("healthcheck -h: %v", err)
	}

	ign, err := os.ReadFile("../../.dockerignore")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Fields(string(ign))
	has := func(p string) bool {
		for _, l := range lines {
			if l == p {
				return true
			}
		}
		return false
	}
	for _, p := range []string{"*.env", "*.pem", ".git"} {
		if !has(p) {
			t.Errorf(".dockerignore must exclude %s (credentials from pyguard setup must not reach an image)", p)
		}
	}
	for _, p := range []string{"app.yml", "go.mod", "go.sum", "cmd", "*.go"} {
		if has(p) {
			t.Errorf(".dockerignore excludes %s, which the build needs", p)
		}
	}
}
