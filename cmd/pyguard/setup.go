package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"gopkg.in/yaml.v3"

	repo "github.com/pyguard/pyguard"
)

// `pyguard setup` registers the GitHub App through GitHub's manifest flow:
// https://docs.github.com/apps/sharing-github-apps/registering-a-github-app-from-a-manifest
//
//  1. A local page posts the manifest (app.yml with the URLs filled in) to
//     GitHub's "new App" page with a random state.
//  2. The user confirms on GitHub, which redirects to the local callback with
//     a one-time code and the state.
//  3. The callback checks the state, exchanges the code
//     (POST /app-manifests/{code}/conversions) for the App's id, key and
//     secrets, and writes them to an env file only the user can read.

const (
	defaultSetupAddr = "127.0.0.1:3000"
	defaultSetupOut  = "pyguard-app.env"
	defaultWebURL    = "https://github.com"
)

type setupOptions struct {
	webhookURL string // where GitHub will deliver webhooks (…/webhook)
	appURL     string // the App's homepage; app.yml's when empty
	name       string // the App's name; app.yml's when empty
	org        string // create the App in this organisation
	webURL     string // https://github.com or https://GHES-HOST
	apiURL     string // REST base, ending in "/"
	out        string
	force      bool
}

func runSetup(std stdio, args []string) int {
	fs := newFlagSet("setup", "pyguard setup --webhook-url URL [flags]", std)
	var o setupOptions
	addr := fs.String("addr", defaultSetupAddr, "local address of the setup page and its callback")
	fs.StringVar(&o.webhookURL, "webhook-url", "", "public URL GitHub will send webhooks to, e.g. https://pyguard.example.com/webhook (required)")
	fs.StringVar(&o.appURL, "app-url", "", "the App's homepage URL (default: app.yml's)")
	fs.StringVar(&o.name, "name", "", "the App's name; must be unique on the GitHub instance (default: app.yml's, PyGuard)")
	fs.StringVar(&o.org, "org", "", "create the App in this organisation instead of your user account")
	fs.StringVar(&o.webURL, "github-url", defaultWebURL, "GitHub web URL; GitHub Enterprise Server: https://HOST")
	apiURL := fs.String("api-url", "", "REST API base URL (default: "+envGitHubURL+", else derived from --github-url: https://api.github.com/ or https://HOST/api/v3/)")
	fs.StringVar(&o.out, "out", defaultSetupOut, "file to write the App's credentials to, as env lines for pyguard serve (mode 0600)")
	fs.BoolVar(&o.force, "force", false, "overwrite --out if it exists")
	operands, exit, ok := parseFlags(fs, args)
	if !ok {
		return exit
	}
	if len(operands) > 0 {
		fmt.Fprintf(std.errout, "pyguard setup: unexpected argument %q\n", operands[0])
		return exitError
	}
	if *apiURL == "" {
		*apiURL = os.Getenv(envGitHubURL)
	}
	if err := o.validate(*apiURL); err != nil {
		fmt.Fprintf(std.errout, "pyguard setup: %v\n", err)
		return exitError
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(std.errout, "pyguard setup: %v\n", err)
		return exitError
	}
	// GitHub sends the browser back here; an unspecified host (":3000")
	// is reached on the loopback interface.
	base, _ := healthzURL(ln.Addr().String())
	s, err := newSetupServer(o, strings.TrimSuffix(base, "/healthz"))
	if err != nil {
		ln.Close()
		fmt.Fprintf(std.errout, "pyguard setup: %v\n", err)
		return exitError
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()

	fmt.Fprintf(std.out, "Open %s/ in your browser to create the GitHub App on %s.\nWaiting for GitHub to send you back (Ctrl-C to stop)...\n", s.base, s.newAppURL())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	select {
	case <-ctx.Done():
		fmt.Fprintln(std.errout, "pyguard setup: interrupted; no App credentials were written")
		return exitError
	case res := <-s.done:
		// Let the browser receive the final page.
		shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutCtx)
		printNextSteps(std.out, res, o)
		return exitOK
	}
}

func (o *setupOptions) validate(apiURL string) error {
	if o.webhookURL == "" {
		return errors.New("--webhook-url is required: the public https URL GitHub will send webhooks to (the /webhook endpoint of pyguard serve)")
	}
	u, err := url.Parse(o.webhookURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("--webhook-url must be an http(s) URL, got %q", o.webhookURL)
	}
	if u.Path == "" || u.Path == "/" {
		u.Path = "/webhook"
		o.webhookURL = u.String()
	}
	if o.appURL != "" {
		if u, err := url.Parse(o.appURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return fmt.Errorf("--app-url must be an http(s) URL, got %q", o.appURL)
		}
	}
	w, err := url.Parse(strings.TrimRight(o.webURL, "/"))
	if err != nil || (w.Scheme != "https" && w.Scheme != "http") || w.Host == "" {
		return fmt.Errorf("--github-url must be GitHub's web URL such as https://github.com or https://GHES-HOST, got %q", o.webURL)
	}
	o.webURL = w.String()
	if apiURL == "" {
		if w.Host == "github.com" || w.Host == "www.github.com" {
			apiURL = defaultGitHubURL
		} else {
			apiURL = o.webURL + "/api/v3/"
		}
	}
	if o.apiURL, err = normalizeAPIURL(apiURL); err != nil {
		return fmt.Errorf("--api-url: %v", err)
	}
	if o.org != "" && strings.ContainsAny(o.org, "/?#% ") {
		return fmt.Errorf("--org must be an organisation login, got %q", o.org)
	}
	if !o.force {
		if _, err := os.Lstat(o.out); err == nil {
			return fmt.Errorf("%s exists; choose another --out or pass --force to overwrite it", o.out)
		}
	}
	return nil
}

// appCredentials is GitHub's answer to the manifest conversion
// (https://docs.github.com/rest/apps/apps#create-a-github-app-from-a-manifest).
type appCredentials struct {
	ID            int64  `json:"id"`
	Slug          string `json:"slug"`
	Name          string `json:"name"`
	HTMLURL       string `json:"html_url"`
	ClientID      string `json:"client_id"`
	ClientSecret  string `json:"client_secret"`
	WebhookSecret string `json:"webhook_secret"`
	PEM           string `json:"pem"`
	Owner         struct {
		Login string `json:"login"`
	} `json:"owner"`
}

// setupResult is what the callback produced.
type setupResult struct {
	app  appCredentials
	path string
}

// setupServer serves the page and the callback.
type setupServer struct {
	opt      setupOptions
	base     string // http://127.0.0.1:PORT
	state    string
	manifest []byte // JSON
	client   *http.Client

	mu   sync.Mutex
	used bool // the callback succeeded once; later calls are refused
	done chan setupResult
}

func newSetupServer(o setupOptions, base string) (*setupServer, error) {
	var b [24]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, err
	}
	s := &setupServer{
		opt:    o,
		base:   strings.TrimRight(base, "/"),
		state:  hex.EncodeToString(b[:]),
		client: &http.Client{Timeout: 30 * time.Second},
		done:   make(chan setupResult, 1),
	}
	var err error
	if s.manifest, err = buildManifest(repo.AppManifest, o, s.base+"/callback"); err != nil {
		return nil, err
	}
	return s, nil
}

// buildManifest turns app.yml into the manifest JSON with the URLs filled in.
func buildManifest(appYML []byte, o setupOptions, redirectURL string) ([]byte, error) {
	var m map[string]any
	if err := yaml.Unmarshal(appYML, &m); err != nil {
		return nil, fmt.Errorf("app.yml: %v", err)
	}
	if o.name != "" {
		m["name"] = o.name
	}
	if o.appURL != "" {
		m["url"] = o.appURL
	}
	hook, _ := m["hook_attributes"].(map[string]any)
	if hook == nil {
		hook = map[string]any{"active": true}
	}
	hook["url"] = o.webhookURL
	m["hook_attributes"] = hook
	m["redirect_url"] = redirectURL
	return json.Marshal(m)
}

// newAppURL is GitHub's "new App" page for the user, the organisation, on
// github.com or a GHES host.
func (s *setupServer) newAppURL() string {
	if s.opt.org != "" {
		return s.opt.webURL + "/organizations/" + url.PathEscape(s.opt.org) + "/settings/apps/new"
	}
	return s.opt.webURL + "/settings/apps/new"
}

var setupPage = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>PyGuard setup</title>
<style>body{font-family:system-ui,sans-serif;max-width:40em;margin:3em auto;line-height:1.5}
button{font-size:1.1em;padding:.5em 1em}code,pre{background:#f3f3f3}pre{padding:.5em;overflow:auto}</style></head>
<body>
{{if .Error}}<h1>Something went wrong</h1><p>{{.Error}}</p>
{{else if .App}}<h1>PyGuard App created</h1>
<p>GitHub App <b>{{.App.Name}}</b> (id {{.App.ID}}) was created. Its credentials are in <code>{{.Path}}</code>.</p>
<p>Next: <a href="{{.InstallURL}}">install it on your repositories</a>, then start <code>pyguard serve</code> with that file (the terminal shows how). You can close this page.</p>
{{else}}<h1>Create the PyGuard GitHub App</h1>
<p>This sends the App manifest to <code>{{.Target}}</code>. GitHub will ask you to confirm and then send you back here.</p>
<ul><li>Webhook URL: <code>{{.WebhookURL}}</code></li>
<li>Permissions: checks write, pull requests write, contents read, metadata read</li>
<li>Events: pull_request, check_suite, check_run</li></ul>
<form action="{{.Action}}" method="post">
<input type="hidden" name="manifest" value="{{.Manifest}}">
<button type="submit">Create the GitHub App on GitHub</button>
</form>
<details><summary>Manifest</summary><pre>{{.Manifest}}</pre></details>
{{end}}
</body></html>
`))

type setupPageData struct {
	Target, Action, WebhookURL, Manifest string
	App                                  *appCredentials
	Path, InstallURL, Error              string
}

func (s *setupServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Frame-Options", "DENY")
	w.Header().Set("Referrer-Policy", "no-referrer")
	switch r.URL.Path {
	case "/":
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		action := s.newAppURL() + "?state=" + url.QueryEscape(s.state)
		_ = setupPage.Execute(w, setupPageData{Target: s.newAppURL(), Action: action, WebhookURL: s.opt.webhookURL, Manifest: string(s.manifest)})
	case "/callback":
		s.callback(w, r)
	default:
		http.NotFound(w, r)
	}
}

func (s *setupServer) fail(w http.ResponseWriter, code int, msg string) {
	w.WriteHeader(code)
	_ = setupPage.Execute(w, setupPageData{Error: msg})
}

func (s *setupServer) callback(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	q := r.URL.Query()
	state, code := q.Get("state"), q.Get("code")
	if subtle.ConstantTimeCompare([]byte(state), []byte(s.state)) != 1 {
		s.fail(w, http.StatusBadRequest, "The state parameter does not match this setup session. Start again from the setup page.")
		return
	}
	if code == "" || len(code) > 256 || strings.ContainsAny(code, "/?#%") {
		s.fail(w, http.StatusBadRequest, "GitHub did not send a valid code.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.used {
		s.fail(w, http.StatusConflict, "The App was already created in this session.")
		return
	}
	app, err := s.exchange(r.Context(), code)
	if err != nil {
		s.fail(w, http.StatusBadGateway, err.Error())
		return
	}
	path, err := writeAppEnv(s.opt.out, s.opt.force, s.opt.apiURL, app)
	if err != nil {
		// The code is spent; show the user how to recover.
		s.fail(w, http.StatusInternalServerError, fmt.Sprintf("The App %q (id %d) was created but its credentials could not be written: %v. Generate a private key on its settings page (%s) and configure pyguard serve by hand.", app.Slug, app.ID, err, app.HTMLURL))
		return
	}
	s.used = true
	_ = setupPage.Execute(w, setupPageData{App: &app, Path: path, InstallURL: installURL(app)})
	select {
	case s.done <- setupResult{app: app, path: path}:
	default:
	}
}

// exchange trades the one-time code for the App's credentials.
func (s *setupServer) exchange(ctx context.Context, code string) (appCredentials, error) {
	var app appCredentials
	u := s.opt.apiURL + "app-manifests/" + url.PathEscape(code) + "/conversions"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	if err != nil {
		return app, err
	}
	req.Header.Set("Accept", "application/vnd.github+json")
	req.Header.Set("X-GitHub-Api-Version", "2022-11-28")
	req.Header.Set("User-Agent", "pyguard/"+version())
	resp, err := s.client.Do(req)
	if err != nil {
		return app, fmt.Errorf("could not reach GitHub at %s: %v", s.opt.apiURL, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return app, fmt.Errorf("reading GitHub's answer: %v", err)
	}
	if resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusOK {
		var e struct {
			Message string `json:"message"`
		}
		_ = json.Unmarshal(body, &e)
		if e.Message == "" {
			e.Message = http.StatusText(resp.StatusCode)
		}
		return app, fmt.Errorf("GitHub refused the manifest code (%d %s); codes are single-use and expire after an hour: start again", resp.StatusCode, e.Message)
	}
	if err := json.Unmarshal(body, &app); err != nil {
		return app, fmt.Errorf("GitHub's answer is not the expected JSON: %v", err)
	}
	switch {
	case app.ID <= 0:
		return app, errors.New("GitHub's answer has no App id")
	case app.PEM == "":
		return app, errors.New("GitHub's answer has no private key")
	case app.WebhookSecret == "":
		return app, errors.New("GitHub's answer has no webhook secret")
	}
	if _, err := decodePrivateKey(app.PEM); err != nil {
		return app, fmt.Errorf("GitHub's private key: %v", err)
	}
	return app, nil
}

func installURL(app appCredentials) string {
	if app.HTMLURL != "" {
		return strings.TrimRight(app.HTMLURL, "/") + "/installations/new"
	}
	return ""
}

// writeAppEnv writes the credentials as env lines for `pyguard serve`,
// readable only by the user. Every value is free of spaces and quotes, so
// the file works unchanged with `docker run --env-file`, systemd's
// EnvironmentFile, Compose's env_file and `set -a; . ./file`: the PEM key is
// therefore base64-encoded (serve accepts PEM, or base64 of it).
func writeAppEnv(path string, force bool, apiURL string, app appCredentials) (string, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# GitHub App %q (id %d), created %s by `pyguard setup`.\n", app.Slug, app.ID, time.Now().UTC().Format(time.RFC3339))
	b.WriteString("# Keep this file secret: it holds the App's private key and webhook secret.\n")
	b.WriteString("# Use: docker run --env-file " + filepath.Base(path) + " -p 8080:8080 IMAGE\n")
	b.WriteString("#  or: set -a; . ./" + filepath.Base(path) + "; set +a; pyguard serve\n")
	b.WriteString("# PYGUARD_PRIVATE_KEY is the PEM key, base64-encoded to fit on one line.\n")
	lines := [][2]string{
		{envAppID, strconv.FormatInt(app.ID, 10)},
		{"PYGUARD_APP_SLUG", app.Slug},
		{envGitHubURL, apiURL},
		{envWebhookSecret, app.WebhookSecret},
		{envPrivateKey, base64.StdEncoding.EncodeToString([]byte(strings.TrimSpace(app.PEM) + "\n"))},
		{"PYGUARD_CLIENT_ID", app.ClientID},
		{"PYGUARD_CLIENT_SECRET", app.ClientSecret},
	}
	for _, l := range lines {
		if l[1] == "" {
			continue
		}
		if !envSafe(l[1]) {
			return "", fmt.Errorf("GitHub returned a %s with characters an env file cannot hold unquoted", l[0])
		}
		fmt.Fprintf(&b, "%s=%s\n", l[0], l[1])
	}

	if !force {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return "", err
		}
		if _, err := f.Write(b.Bytes()); err != nil {
			f.Close()
			os.Remove(path)
			return "", err
		}
		if err := f.Close(); err != nil {
			os.Remove(path)
			return "", err
		}
		return path, os.Chmod(path, 0o600)
	}
	// --force: replace atomically; CreateTemp makes the file 0600.
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return "", err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return "", err
	}
	if _, err := f.Write(b.Bytes()); err != nil {
		f.Close()
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	return path, os.Rename(tmp, path)
}

// envSafe: printable ASCII without spaces, quotes, backslashes, $ or `.
func envSafe(s string) bool {
	for _, c := range s {
		if c <= ' ' || c > '~' || strings.ContainsRune("\"'\\$`#", c) {
			return false
		}
	}
	return true
}

func printNextSteps(w io.Writer, res setupResult, o setupOptions) {
	app := res.app
	fmt.Fprintf(w, "\nCreated GitHub App %q (id %d, slug %s).\n", app.Name, app.ID, app.Slug)
	fmt.Fprintf(w, "Wrote %s (mode 0600): the App id, private key and webhook secret for pyguard serve. Keep it secret.\n\n", res.path)
	fmt.Fprintln(w, "Next steps:")
	if u := installURL(app); u != "" {
		fmt.Fprintf(w, "  1. Install the App on the repositories to review:\n       %s\n", u)
	} else {
		fmt.Fprintln(w, "  1. Install the App on the repositories to review (the App's settings page, \"Install App\").")
	}
	fmt.Fprintf(w, "  2. Start the server where GitHub can reach %s:\n", o.webhookURL)
	fmt.Fprintf(w, "       docker run --env-file %s -p 8080:8080 pyguard\n", res.path)
	fmt.Fprintf(w, "     or\n       set -a; . ./%s; set +a; pyguard serve\n", filepath.Base(res.path))
	fmt.Fprintln(w, "  3. Open a pull request that changes a Python file: PyGuard reviews it and reports a \"PyGuard\" check run.")
	fmt.Fprintln(w, "See docs/installing.md for reverse proxies and GitHub Enterprise Server.")
}
