package fakegithub

import (
	"context"
	"crypto/rsa"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// Options configure a fake.
type Options struct {
	// AppID is the GitHub App's id; app JWTs must carry it as iss.
	// Default 1.
	AppID int64
	// AppSlug names the app; its comments are authored by "<slug>[bot]".
	// Default "pyguard".
	AppSlug string
	// PrivateKeyPEM is the app's RSA private key (PKCS#1 or PKCS#8 PEM). The
	// fake verifies JWTs with its public half. Empty: a key is generated;
	// PrivateKeyPEM returns it.
	PrivateKeyPEM []byte
	// PathPrefix is where the API lives, e.g. "/api/v3" as on GitHub
	// Enterprise Server. Default: the root.
	PathPrefix string
	// Latency is added to every call (see also SetLatency).
	Latency time.Duration
	// TokenTTL is the lifetime of installation tokens; default one hour.
	TokenTTL time.Duration
	// Now replaces the clock (JWT checks, timestamps, rate-limit resets).
	Now func() time.Time
}

// Server is a running fake. All methods are safe for concurrent use.
type Server struct {
	opt  Options
	srv  *httptest.Server
	mux  *http.ServeMux
	key  *rsa.PrivateKey
	pem  []byte
	base string

	mu            sync.Mutex
	latency       time.Duration
	installations map[int64]*installation
	tokens        map[string]*token
	repos         map[string]*Repo // "owner/name", lower case
	nextID        int64
	calls         []Call
	faults        map[string][]Fault // route (or "*") -> scripted answers
	outages       []outage
	rateRemaining int
}

// New starts a fake for the test; it is closed when the test ends.
func New(t testing.TB, opt Options) *Server {
	t.Helper()
	s, err := Start(opt)
	if err != nil {
		t.Fatalf("fakegithub: %v", err)
	}
	t.Cleanup(s.Close)
	return s
}

// Start starts a fake outside a test; Close it when done.
func Start(opt Options) (*Server, error) {
	if opt.AppID == 0 {
		opt.AppID = 1
	}
	if opt.AppSlug == "" {
		opt.AppSlug = "pyguard"
	}
	if opt.TokenTTL == 0 {
		opt.TokenTTL = time.Hour
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	opt.PathPrefix = "/" + strings.Trim(opt.PathPrefix, "/")
	if opt.PathPrefix == "/" {
		opt.PathPrefix = ""
	}
	s := &Server{
		opt:           opt,
		latency:       opt.Latency,
		installations: map[int64]*installation{},
		tokens:        map[string]*token{},
		repos:         map[string]*Repo{},
		faults:        map[string][]Fault{},
		nextID:        1000,
		rateRemaining: 5000,
	}
	if len(opt.PrivateKeyPEM) == 0 {
		key, pemBytes, err := generateKey()
		if err != nil {
			return nil, err
		}
		s.key, s.pem = key, pemBytes
	} else {
		key, err := parseRSAPrivateKey(opt.PrivateKeyPEM)
		if err != nil {
			return nil, err
		}
		s.key, s.pem = key, opt.PrivateKeyPEM
	}
	s.mux = http.NewServeMux()
	s.routes()
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.base = s.srv.URL + opt.PathPrefix + "/"
	return s, nil
}

// Close stops the server.
func (s *Server) Close() { s.srv.Close() }

// URL is the API base URL with a trailing slash, e.g.
// "http://127.0.0.1:PORT/" (or ".../api/v3/" with a PathPrefix).
func (s *Server) URL() string { return s.base }

// AppID is the app's id.
func (s *Server) AppID() int64 { return s.opt.AppID }

// BotLogin is the login of the app's bot user, which authors its comments.
func (s *Server) BotLogin() string { return s.opt.AppSlug + "[bot]" }

// PrivateKeyPEM is the app's private key (PKCS#1 PEM when generated).
func (s *Server) PrivateKeyPEM() []byte { return append([]byte(nil), s.pem...) }

// PrivateKey is the app's private key.
func (s *Server) PrivateKey() *rsa.PrivateKey { return s.key }

// SetLatency changes the latency added to every call.
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	s.latency = d
	s.mu.Unlock()
}

func (s *Server) now() time.Time { return s.opt.Now() }

func (s *Server) id() int64 {
	s.nextID++
	return s.nextID
}

// serve strips the path prefix, adds latency, and hands over to the mux.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if p := s.opt.PathPrefix; p != "" {
		if !strings.HasPrefix(r.URL.Path, p+"/") {
			s.record(r, "", http.StatusNotFound, 0)
			writeError(w, http.StatusNotFound, "Not Found", "")
			return
		}
		r2 := r.Clone(context.WithValue(r.Context(), prefixKey{}, p))
		r2.URL.Path = strings.TrimPrefix(r.URL.Path, p)
		r2.URL.RawPath = ""
		r = r2
	}
	s.mu.Lock()
	lat := s.latency
	s.mu.Unlock()
	if lat > 0 {
		select {
		case <-time.After(lat):
		case <-r.Context().Done():
			return
		}
	}
	s.mux.ServeHTTP(w, r)
}

// authKind says what a route requires.
type authKind int

const (
	authNone         authKind = iota
	authApp                   // app JWT
	authInstallation          // installation token, repository in the installation
)

// reqCtx is what a handler gets besides the request.
type reqCtx struct {
	route        string
	installation *installation
	repo         *Repo // for repository routes
}

type handlerFunc func(w http.ResponseWriter, r *http.Request, c *reqCtx)

// handle registers route ("METHOD /template") with its authentication.
// Templates use GitHub's parameter names; {path...} takes the rest.
func (s *Server) handle(route string, auth authKind, h handlerFunc) {
	s.mux.HandleFunc(route, func(w http.ResponseWriter, r *http.Request) {
		rw := &statusWriter{ResponseWriter: w}
		c := &reqCtx{route: route}
		var inst int64
		defer func() { s.record(r, route, rw.status, inst) }()
		answered, dropAfter := s.fault(rw, route)
		if answered {
			return
		}
		if dropAfter {
			// Act on a copy of the answer, then drop the connection.
			defer func() {
				rw.status = -1
				if hj, ok := w.(http.Hijacker); ok {
					if conn, _, err := hj.Hijack(); err == nil {
						conn.Close()
					}
				}
			}()
			rw = &statusWriter{ResponseWriter: httptest.NewRecorder()}
		}
		switch auth {
		case authApp:
			if !s.checkAppJWT(rw, r) {
				return
			}
		case authInstallation:
			in, ok := s.checkToken(rw, r)
			if !ok {
				return
			}
			c.installation, inst = in, in.id
			if owner := r.PathValue("owner"); owner != "" {
				repo := s.repo(owner, r.PathValue("repo"))
				if repo == nil || !in.covers(repo) {
					writeError(rw, http.StatusNotFound, "Not Found", "https://docs.github.com/rest")
					return
				}
				c.repo = repo
			}
		}
		s.rateHeaders(rw, inst)
		h(rw, r, c)
	})
}

// statusWriter remembers the status code for the call log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Route templates, as recorded in Call.Route.
const (
	RouteApp                 = "GET /app"
	RouteAppInstallation     = "GET /app/installations/{installation_id}"
	RouteAccessToken         = "POST /app/installations/{installation_id}/access_tokens"
	RouteRepoInstallation    = "GET /repos/{owner}/{repo}/installation"
	RouteListHookDeliveries  = "GET /app/hook/deliveries"
	RouteRedeliverHook       = "POST /app/hook/deliveries/{delivery_id}/attempts"
	RouteRepo                = "GET /repos/{owner}/{repo}"
	RouteContents            = "GET /repos/{owner}/{repo}/contents/{path...}"
	RouteBlob                = "GET /repos/{owner}/{repo}/git/blobs/{file_sha}"
	RouteListPulls           = "GET /repos/{owner}/{repo}/pulls"
	RoutePull                = "GET /repos/{owner}/{repo}/pulls/{pull_number}"
	RoutePullFiles           = "GET /repos/{owner}/{repo}/pulls/{pull_number}/files"
	RouteCommitPulls         = "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls"
	RouteListReviewComments  = "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments"
	RouteCreateReviewComment = "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments"
	RouteReplyReviewComment  = "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies"
	RouteDeleteReviewComment = "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}"
	RouteListReviews         = "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews"
	RouteCreateReview        = "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews"
	RouteCreateCheckRun      = "POST /repos/{owner}/{repo}/check-runs"
	RouteUpdateCheckRun      = "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"
	RouteGetCheckRun         = "GET /repos/{owner}/{repo}/check-runs/{check_run_id}"
	RouteListCheckRuns       = "GET /repos/{owner}/{repo}/commits/{ref}/check-runs"
	RouteListAnnotations     = "GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations"
)

func (s *Server) routes() {
	s.handle(RouteApp, authApp, s.getApp)
	s.handle(RouteAppInstallation, authApp, s.getInstallation)
	s.handle(RouteAccessToken, authApp, s.createToken)
	s.handle(RouteRepoInstallation, authApp, s.getRepoInstallation)
	s.handle(RouteListHookDeliveries, authApp, s.listHookDeliveries)
	s.handle(RouteRedeliverHook, authApp, s.redeliverHookDelivery)
	s.handle(RouteRepo, authInstallation, s.getRepo)
	s.handle(RouteContents, authInstallation, s.getContents)
	s.handle(RouteBlob, authInstallation, s.getBlob)
	s.handle(RouteListPulls, authInstallation, s.listPulls)
	s.handle(RoutePull, authInstallation, s.getPull)
	s.handle(RoutePullFiles, authInstallation, s.listPullFiles)
	s.handle(RouteCommitPulls, authInstallation, s.listCommitPulls)
	s.handle(RouteListReviewComments, authInstallation, s.listReviewComments)
	s.handle(RouteCreateReviewComment, authInstallation, s.createReviewComment)
	s.handle(RouteReplyReviewComment, authInstallation, s.replyReviewComment)
	s.handle(RouteDeleteReviewComment, authInstallation, s.deleteReviewComment)
	s.handle(RouteListReviews, authInstallation, s.listReviews)
	s.handle(RouteCreateReview, authInstallation, s.createReview)
	s.handle(RouteCreateCheckRun, authInstallation, s.createCheckRun)
	s.handle(RouteUpdateCheckRun, authInstallation, s.updateCheckRun)
	s.handle(RouteGetCheckRun, authInstallation, s.getCheckRun)
	s.handle(RouteListCheckRuns, authInstallation, s.listCheckRuns)
	s.handle(RouteListAnnotations, authInstallation, s.listAnnotations)
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.record(r, "", http.StatusNotFound, 0)
		writeError(w, http.StatusNotFound, "Not Found", "https://docs.github.com/rest")
	})
}

// HTTPClient returns a client that sends a fresh installation token of
// installation id with every request, as ghinstallation would.
func (s *Server) HTTPClient(id int64) *http.Client {
	return &http.Client{Transport: &tokenTransport{s: s, id: id}}
}

type tokenTransport struct {
	s  *Server
	id int64

	mu  sync.Mutex
	tok string
	exp time.Time
}

func (t *tokenTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	t.mu.Lock()
	if t.tok == "" || t.s.now().After(t.exp.Add(-time.Minute)) {
		t.tok, t.exp = t.s.InstallationToken(t.id)
	}
	tok := t.tok
	t.mu.Unlock()
	r2 := r.Clone(r.Context())
	r2.Header.Set("Authorization", "token "+tok)
	return http.DefaultTransport.RoundTrip(r2)
}
