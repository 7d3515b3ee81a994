package main

import (
	"bufio"
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	jwtlib "github.com/golang-jwt/jwt/v4"

	"github.com/pyguard/pyguard/internal/fakegithub"
)

// The App's private key, its installation tokens and the webhook secret
// never appear in what PyGuard writes (logs at trace level, error
// messages, command output) nor in what it sends to GitHub for people to
// read (check runs, comments, reviews, URLs), however the calls fail.

// secrets are the credentials to look for.
type secrets struct {
	// chunks are 20-character pieces of the key's base64 body (and of the
	// base64 of its PEM, the form `pyguard setup` writes), one starting
	// at every multiple of 20: any 40-character slice of either holds
	// one whole.
	chunks []string
	// exact are found as they are: the webhook secret and tokens.
	exact []string
}

func keySecrets(pems ...[]byte) secrets {
	var s secrets
	for _, p := range pems {
		var body strings.Builder
		for _, l := range strings.Split(string(p), "\n") {
			if l != "" && !strings.HasPrefix(l, "-----") {
				body.WriteString(strings.TrimSpace(l))
			}
		}
		for _, b64 := range []string{body.String(), base64.StdEncoding.EncodeToString(p)} {
			for i := 0; i+20 <= len(b64); i += 20 {
				s.chunks = append(s.chunks, b64[i:i+20])
			}
			s.chunks = append(s.chunks, b64[len(b64)-20:])
		}
	}
	return s
}

// jwtRE matches a JWT (an app token signed with the key).
var jwtRE = regexp.MustCompile(`eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{20,}`)

// flatten drops line breaks, raw or JSON-escaped, and blanks, so a key
// split over lines is found whole.
var flatten = strings.NewReplacer(`\n`, "", `\r`, "", "\n", "", "\r", "", " ", "", "\t", "").Replace

// check fails the test for each kind of secret found in text, which is
// what where names.
func (s secrets) check(t *testing.T, where, text string) {
	t.Helper()
	for _, f := range s.find(text) {
		t.Errorf("%s: %s", where, f)
	}
}

// find describes the secrets text holds: pieces of the key (also split
// over lines), the exact secrets, app JWTs.
func (s secrets) find(text string) []string {
	var out []string
	flat := flatten(text)
	for _, c := range s.chunks {
		if i := strings.Index(flat, c); i >= 0 {
			out = append(out, fmt.Sprintf("a piece of the private key near %q", clipAround(flat, i)))
			break
		}
	}
	for _, e := range s.exact {
		if i := strings.Index(text, e); i >= 0 {
			out = append(out, fmt.Sprintf("a secret (%q…) near %q", e[:min(len(e), 8)], clipAround(text, i)))
		}
	}
	if m := jwtRE.FindStringIndex(text); m != nil {
		out = append(out, fmt.Sprintf("an app JWT near %q", clipAround(text, m[0])))
	}
	return out
}

func clipAround(s string, i int) string {
	return s[max(0, i-80):min(len(s), i+40)]
}

// randomSecret is a webhook secret no other text can hold by chance.
func randomSecret(t *testing.T) string {
	var b [24]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	return "whsec-" + hex.EncodeToString(b[:])
}

// startServeAll is startServe with stdout and stderr both recorded and
// the environment given in full (the webhook secret included).
func startServeAll(t *testing.T, env ...string) *e2eServer {
	t.Helper()
	cmd := exec.Command(pyguardBin, "serve")
	cmd.Env = cleanEnv(env...)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = w, w
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	s := &e2eServer{t: t, cmd: cmd, exited: make(chan struct{})}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 1<<20), 4<<20)
		for sc.Scan() {
			line := sc.Text()
			s.mu.Lock()
			s.log.WriteString(line + "\n")
			s.mu.Unlock()
			var l struct{ Message, Addr string }
			if json.Unmarshal([]byte(line), &l) == nil && l.Message == "pyguard serve listening" {
				addr <- l.Addr
			}
		}
		s.waitErr = cmd.Wait()
		r.Close()
		close(s.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-s.exited:
		default:
			cmd.Process.Kill()
			<-s.exited
		}
		if t.Failed() {
			t.Logf("pyguard serve output:\n%s", s.logs())
		}
	})
	select {
	case a := <-addr:
		s.url = "http://" + a
	case <-s.exited:
		t.Fatalf("pyguard serve exited at startup: %v\n%s", s.waitErr, s.logs())
	case <-time.After(e2eTimeout):
		t.Fatalf("pyguard serve did not start\n%s", s.logs())
	}
	return s
}

// sendRaw posts body as event, signed with secret.
func (s *e2eServer) sendRaw(event string, body []byte, secret string) int {
	s.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, s.url+"/webhook", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-GitHub-Event", event)
	req.Header.Set("X-GitHub-Delivery", newDelivery())
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	req.Header.Set("X-Hub-Signature-256", "sha256="+hex.EncodeToString(mac.Sum(nil)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatalf("POST /webhook: %v", err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// stop ends the server with SIGTERM and waits for it.
func (s *e2eServer) stop() {
	s.t.Helper()
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(e2eTimeout):
		s.t.Fatal("pyguard serve did not exit after SIGTERM")
	}
}

// gitHubText is everything PyGuard sent GitHub that people read, and
// every URL it called.
func gitHubText(fake *fakegithub.Server, owner, repo string, prs int) string {
	var b strings.Builder
	for _, r := range fake.CheckRuns(owner, repo, "") {
		fmt.Fprintln(&b, r.Title, r.Summary, r.Text, r.ExternalID, r.DetailsURL)
		for _, s := range r.SummaryHistory {
			fmt.Fprintln(&b, s)
		}
		for _, a := range r.Annotations {
			fmt.Fprintln(&b, a.Title, a.Message, a.RawDetails)
		}
	}
	for n := 1; n <= prs; n++ {
		for _, c := range fake.Comments(owner, repo, n) {
			fmt.Fprintln(&b, c.Body)
		}
		for _, r := range fake.Reviews(owner, repo, n) {
			fmt.Fprintln(&b, r.Body)
		}
	}
	for _, c := range fake.Calls() {
		fmt.Fprintln(&b, c.Path+"?"+c.Query)
	}
	return b.String()
}

// A server reviews pull requests through every kind of failure: tokens
// revoked mid-job (401, then a fresh token), a 502 outage, the token
// endpoint refusing (403, and 401 to the app JWT), a forged signature,
// unsigned and malformed deliveries. Nothing it logs at trace level, nor
// anything GitHub received from it, holds the key, a token or the secret.
func TestSecretsNeverInLogs(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	const prs = 6
	fake := fakegithub.New(t, fakegithub.Options{AppID: e2eAppID})
	ml, base, heads := durableRepo(fake, prs)
	secret := randomSecret(t)
	srv := startServeAll(t,
		"PYGUARD_APP_ID="+fmt.Sprint(e2eAppID),
		"PYGUARD_PRIVATE_KEY="+string(fake.PrivateKeyPEM()),
		"PYGUARD_WEBHOOK_SECRET="+secret,
		"PYGUARD_GITHUB_URL="+fake.URL(),
		"PYGUARD_ADDR=127.0.0.1:0",
		"PYGUARD_LOG_LEVEL=trace",
		"PYGUARD_DATABASE_URL=sqlite://"+filepath.Join(t.TempDir(), "queue.db"),
		"PYGUARD_METRICS_ADDR=127.0.0.1:0",
	)
	review := func(n int) {
		t.Helper()
		if code, body := srv.send("pull_request", newDelivery(), prPayload("opened", ml, 101, n, heads[n], base), secret); code != http.StatusAccepted {
			t.Fatalf("PR %d: %d %s", n, code, body)
		}
		waitFor(t, fmt.Sprintf("PR %d's check run", n), func() bool { return len(completedRuns(fake, "acme", "ml", heads[n])) == 1 })
	}

	// Refused deliveries.
	p := prPayload("opened", ml, 101, 1, heads[1], base)
	if code, _ := srv.send("pull_request", newDelivery(), p, secret+"x"); code != http.StatusUnauthorized {
		t.Errorf("forged signature: %d, want 401", code)
	}
	if code, _ := srv.send("pull_request", newDelivery(), p, ""); code != http.StatusUnauthorized {
		t.Errorf("unsigned: %d, want 401", code)
	}
	if code := srv.sendRaw("pull_request", []byte(`{"action": "opened", "pull_request": `), secret); code != http.StatusBadRequest {
		t.Errorf("truncated JSON: %d, want 400", code)
	}
	// A receiver that quoted what it could not decode would log the secret.
	if code := srv.sendRaw("pull_request", []byte(`{"action": "opened", "pull_request": "`+secret+`"}`), secret); code != http.StatusBadRequest {
		t.Errorf("wrong shape: %d, want 400", code)
	}

	// A review as usual, then one whose token GitHub revoked: 401, a new
	// token, and the review goes on.
	review(1)
	fake.ExpireTokens()
	review(2)
	if n := fake.TokensIssued(); n < 2 {
		t.Errorf("%d tokens issued, want a fresh one after the 401", n)
	}
	// A 502 outage of every route for a second: retried.
	fake.Outage(fakegithub.AnyRoute, time.Second, http.StatusBadGateway)
	review(3)
	// The token endpoint refuses: 403, then 401 to the app JWT. The
	// reviews fail with the reason on their check runs.
	fake.ExpireTokens()
	fake.Fail(fakegithub.RouteAccessToken, 1, http.StatusForbidden)
	review(4)
	fake.ExpireTokens()
	fake.Fail(fakegithub.RouteAccessToken, 1, http.StatusUnauthorized)
	review(5)
	review(6)
	metrics := scrapeMetrics(t, srv)
	srv.stop()

	for n, want := range map[int]string{1: "success", 2: "success", 3: "success", 4: "failure", 5: "failure", 6: "success"} {
		r := completedRuns(fake, "acme", "ml", heads[n])[0]
		if r.Conclusion != want {
			t.Errorf("PR %d: %s %q, want %s\n%s", n, r.Conclusion, r.Title, want, r.Summary)
		}
		if want == "failure" && !strings.Contains(r.Summary, "token") {
			t.Errorf("PR %d: the summary does not say the token was refused:\n%s", n, r.Summary)
		}
	}
	logs := srv.logs()
	for _, want := range []string{"signature check failed", "malformed payload", "GitHub answered 401; refreshing the installation token",
		`\"403 Forbidden\" when fetching`, `\"401 Unauthorized\" when fetching`, "server error 502",
		`"github_request"`, `"webhook received"`} { // debug lines: the log is verbose
		if !strings.Contains(logs, want) {
			t.Errorf("the log lacks %q: the faults did not happen, or the log is not verbose", want)
		}
	}
	s := keySecrets(fake.PrivateKeyPEM())
	s.exact = append([]string{secret}, fake.IssuedTokens()...)
	if len(s.exact) < 4 {
		t.Errorf("only %d tokens issued", len(s.exact)-1)
	}
	s.check(t, "serve's output", logs)
	s.check(t, "what GitHub received", gitHubText(fake, "acme", "ml", prs))
	s.check(t, "GET /metrics", metrics)
}

// scrapeMetrics reads GET /metrics at the address serve logged.
func scrapeMetrics(t *testing.T, srv *e2eServer) string {
	t.Helper()
	var addr string
	for _, l := range strings.Split(srv.logs(), "\n") {
		var m struct {
			Message     string
			MetricsAddr string `json:"metrics_addr"`
		}
		if json.Unmarshal([]byte(l), &m) == nil && m.Message == "pyguard serve listening" {
			addr = m.MetricsAddr
		}
	}
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatalf("GET /metrics: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(b), "pyguard_") {
		t.Errorf("GET /metrics: %d, no PyGuard metrics", resp.StatusCode)
	}
	return string(b)
}

// The checker finds what it looks for, in the shapes a leak takes.
func TestSecretsCheckerFindsLeaks(t *testing.T) {
	_, pem := fakegithub.GenerateKey(t)
	s := keySecrets(pem)
	s.exact = []string{"whsec-0123456789", "ghs_0123456789abcdef"}
	body := strings.Join(strings.Split(string(pem), "\n")[1:4], "\n")
	jsonPEM, _ := json.Marshal(map[string]string{"error": "bad key " + string(pem)})
	jwt, err := fakegithub.AppJWT(mustKey(t, pem), 1, time.Now(), time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"PEM":                    "key: " + string(pem),
		"JSON-escaped PEM":       string(jsonPEM),
		"40 chars over a break":  body[50:90],
		"40 chars of one line":   body[3:43],
		"base64 of the PEM":      "x " + base64.StdEncoding.EncodeToString(pem)[300:340] + " y",
		"webhook secret":         "secret=whsec-0123456789",
		"installation token":     "Authorization: token ghs_0123456789abcdef",
		"app JWT":                "Bearer " + jwt,
		"PEM in a check summary": "The review failed: " + strings.ReplaceAll(string(pem), "\n", " "),
	} {
		if len(s.find(text)) == 0 {
			t.Errorf("%s: not found in %q", name, text[:min(len(text), 80)])
		}
	}
	if f := s.find("an ordinary log line: GET /repos/acme/ml/pulls/1 200 " + body[3:30]); len(f) != 0 {
		t.Errorf("false positive: %v", f)
	}
}

func mustKey(t *testing.T, pem []byte) *rsa.PrivateKey {
	t.Helper()
	k, err := jwtlib.ParseRSAPrivateKeyFromPEM(pem)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// Startup configuration errors name the variable at fault and never echo
// the key, the secret, or credentials in a URL.
func TestSecretsNotInConfigErrors(t *testing.T) {
	fake := fakegithub.New(t, fakegithub.Options{AppID: e2eAppID})
	pem := fake.PrivateKeyPEM()
	secret := randomSecret(t)
	const (
		urlToken   = "ghs_ThisIsAnInstallationTokenInAURL0123"
		dbPassword = "db-password-3f9a7c1e"
	)
	lines := strings.Split(strings.TrimSpace(string(pem)), "\n")
	corrupt := append([]string(nil), lines...)
	mid := corrupt[len(corrupt)/2]
	corrupt[len(corrupt)/2] = mid[:10] + "!!!!" + mid[14:] // not base64 any more
	truncated := strings.Join(lines[:len(lines)/2], "\n") + "\n" + lines[len(lines)-1]
	keyFile := filepath.Join(t.TempDir(), "key.pem")
	if err := os.WriteFile(keyFile, []byte(truncated), 0o600); err != nil {
		t.Fatal(err)
	}
	good := map[string]string{
		envAppID: fmt.Sprint(e2eAppID), envPrivateKey: string(pem), envWebhookSecret: secret,
		envGitHubURL: fake.URL(), envAddr: "127.0.0.1:0", "PYGUARD_DATABASE_URL": "sqlite://" + filepath.Join(t.TempDir(), "q.db"),
	}
	cases := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"corrupt key", map[string]string{envPrivateKey: strings.Join(corrupt, "\n")}, envPrivateKey + ": not a valid RSA private key"},
		{"truncated key", map[string]string{envPrivateKey: truncated}, envPrivateKey + ": not a valid RSA private key"},
		{"corrupt base64 key", map[string]string{envPrivateKey: base64.StdEncoding.EncodeToString(pem)[:901]}, envPrivateKey + ": not a PEM private key"},
		{"key with literal \\n", map[string]string{envPrivateKey: strings.ReplaceAll(strings.Join(corrupt, "\n"), "\n", `\n`)}, envPrivateKey + ": not a valid RSA private key"},
		{"bad key file", map[string]string{envPrivateKey: "", envPrivateKeyPath: keyFile}, envPrivateKeyPath + ": not a valid RSA private key"},
		{"key twice", map[string]string{envPrivateKeyPath: keyFile}, "set only one of " + envPrivateKey},
		{"no secret", map[string]string{envWebhookSecret: ""}, envWebhookSecret + " is required"},
		{"bad app id", map[string]string{envAppID: "x42"}, envAppID + " must be a positive number"},
		{"token in an ftp URL", map[string]string{envGitHubURL: "ftp://x-access-token:" + urlToken + "@github.example/"}, envGitHubURL},
		{"token in a URL", map[string]string{envGitHubURL: "https://x-access-token:" + urlToken + "@github.example/api/v3/"}, "must not contain credentials"},
		{"database down", map[string]string{"PYGUARD_DATABASE_URL": "postgres://pyguard:" + dbPassword + "@127.0.0.1:1/pyguard?connect_timeout=5"}, "job queue"},
	}
	s := keySecrets(pem)
	s.exact = []string{secret, urlToken, dbPassword}
	for _, tc := range cases {
		env := []string{}
		for k, v := range good {
			if w, ok := tc.env[k]; ok {
				v = w
			}
			env = append(env, k+"="+v)
		}
		for k, v := range tc.env {
			if _, ok := good[k]; !ok {
				env = append(env, k+"="+v)
			}
		}
		r := pyguardEnv(t, "", env, "serve")
		if r.code != exitError || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%s: exit %d, want 2 with %q\n%s%s", tc.name, r.code, tc.want, r.stdout, r.stderr)
		}
		s.check(t, tc.name, r.stdout+r.stderr)
	}
	if n := fake.CallCount(""); n != 0 {
		t.Errorf("%d GitHub calls despite the configuration errors", n)
	}
}

// A key GitHub does not know (revoked, or another App's): every token
// request is refused with 401; the reviews fail and say so, and neither
// key shows.
func TestSecretsNotLoggedWithAnUnknownKey(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	fake := fakegithub.New(t, fakegithub.Options{AppID: e2eAppID})
	ml, base, heads := durableRepo(fake, 1)
	_, other := fakegithub.GenerateKey(t)
	secret := randomSecret(t)
	srv := startServeAll(t,
		"PYGUARD_APP_ID="+fmt.Sprint(e2eAppID),
		"PYGUARD_PRIVATE_KEY="+base64.StdEncoding.EncodeToString(other), // as `pyguard setup` writes it
		"PYGUARD_WEBHOOK_SECRET="+secret,
		"PYGUARD_GITHUB_URL="+fake.URL(),
		"PYGUARD_ADDR=127.0.0.1:0",
		"PYGUARD_LOG_LEVEL=trace",
		"PYGUARD_DATABASE_URL=sqlite://"+filepath.Join(t.TempDir(), "queue.db"),
	)
	if code, body := srv.send("pull_request", newDelivery(), prPayload("opened", ml, 101, 1, heads[1], base), secret); code != http.StatusAccepted {
		t.Fatalf("%d %s", code, body)
	}
	waitFor(t, "the refused token requests", func() bool {
		return strings.Contains(srv.logs(), `"review job done"`) && fake.CallCount(fakegithub.RouteAccessToken) >= 2
	})
	srv.stop()
	if !strings.Contains(srv.logs(), "401 Unauthorized") {
		t.Errorf("the log does not say GitHub refused the token requests")
	}
	s := keySecrets(other, fake.PrivateKeyPEM())
	s.exact = append([]string{secret}, fake.IssuedTokens()...)
	s.check(t, "serve's output", srv.logs())
	s.check(t, "what GitHub received", gitHubText(fake, "acme", "ml", 1))
}

// pyguard redeliver with a key that is not a key, a key GitHub refuses,
// and credentials in the API URL: it fails, says why, and shows none of
// them.
func TestSecretsNotInRedeliverOutput(t *testing.T) {
	fake := newDeliveriesFake(t)
	fake.AddDelivery(fakegithub.Delivery{DeliveredAt: time.Now().Add(-time.Hour), StatusCode: 502, Event: "pull_request"})
	_, other := fakegithub.GenerateKey(t)
	const urlToken = "ghs_ThisIsAnInstallationTokenInAURL0123"
	lines := strings.Split(strings.TrimSpace(string(fake.PrivateKeyPEM())), "\n")
	bad := strings.Join(append(append([]string(nil), lines[:5]...), lines[len(lines)-1]), "\n")
	s := keySecrets(fake.PrivateKeyPEM(), other)
	s.exact = []string{urlToken}
	for name, tc := range map[string]struct {
		env  []string
		want string
	}{
		"bad key":       {[]string{envPrivateKey + "=" + bad}, "not a valid RSA private key"},
		"unknown key":   {[]string{envPrivateKey + "=" + string(other)}, "GitHub refused the App's credentials (401"},
		"token in URL":  {[]string{envPrivateKey + "=" + string(fake.PrivateKeyPEM()), envGitHubURL + "=https://x:" + urlToken + "@h.example/"}, "must not contain credentials"},
		"token in URL2": {[]string{envPrivateKey + "=" + string(fake.PrivateKeyPEM()), envGitHubURL + "=ftp://x:" + urlToken + "@h.example/"}, envGitHubURL},
	} {
		env := append([]string{envAppID + "=42", envGitHubURL + "=" + fake.URL()}, tc.env...)
		r := pyguardEnv(t, "", env, "redeliver")
		if r.code != exitError || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%s: exit %d, want 2 with %q\n%s%s", name, r.code, tc.want, r.stdout, r.stderr)
		}
		s.check(t, name, r.stdout+r.stderr)
	}
	if n := fake.CallCount(fakegithub.RouteRedeliverHook); n != 0 {
		t.Errorf("%d redeliveries with bad credentials", n)
	}
}
