package webhook

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/palantir/go-githubapp/githubapp"
	"github.com/rs/zerolog"

	"github.com/pyguard/pyguard/review"
)

// Defaults of Config.
const (
	// DefaultMaxBodyBytes is GitHub's cap on webhook payloads, 25 MB.
	DefaultMaxBodyBytes int64 = 25_000_000
	DefaultDedupTTL           = time.Hour
	DefaultDedupSize          = 10_000
	DefaultRetryAfter         = 30 * time.Second
)

const (
	signatureHeader = "X-Hub-Signature-256"
	signaturePrefix = "sha256="
)

// Config configures the receiver.
type Config struct {
	// Secret is the webhook secret (PYGUARD_WEBHOOK_SECRET); required.
	Secret string
	// AppID is the GitHub App's id (PYGUARD_APP_ID); required. Check runs
	// and suites of other apps are ignored.
	AppID int64
	// Runner performs reviews; required unless Queue is given.
	Runner Runner
	// Queue replaces the in-memory queue (then Runner, Workers, QueueSize
	// and JobTimeout are not used).
	Queue Queue

	Workers    int           // concurrent reviews; default 4
	QueueSize  int           // targets waiting to start; default 1000
	JobTimeout time.Duration // one review; 0 → 30 min, negative → none

	MaxBodyBytes int64         // default DefaultMaxBodyBytes (25 MB)
	DedupTTL     time.Duration // how long a delivery id is remembered; default 1h
	DedupSize    int           // how many are remembered at most; default 10000
	RetryAfter   time.Duration // Retry-After of a 503; default 30s

	// Logger receives every line; the zero value discards.
	Logger zerolog.Logger
}

// Server is the webhook receiver: an http.Handler with
//
//	POST /webhook  the receiver
//	GET  /healthz  liveness: 200 "ok"
//
// and a Shutdown that drains the review queue.
type Server struct {
	appID      int64
	maxBody    int64
	retryAfter string
	log        zerolog.Logger

	queue      Queue
	seen       *deliverySet
	commits    *deliverySet // PR@sha queued by an automatic event, per family
	dispatcher http.Handler
	mux        *http.ServeMux
	draining   atomic.Bool
}

// NewHandler builds the receiver and, unless cfg.Queue is set, starts the
// in-memory queue's workers.
func NewHandler(cfg Config) (*Server, error) {
	if cfg.Secret == "" {
		return nil, errors.New("webhook: the webhook secret is required")
	}
	if cfg.AppID <= 0 {
		return nil, errors.New("webhook: the app id is required")
	}
	if cfg.Queue == nil && cfg.Runner == nil {
		return nil, errors.New("webhook: a Runner (or a Queue) is required")
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.DedupTTL <= 0 {
		cfg.DedupTTL = DefaultDedupTTL
	}
	if cfg.DedupSize <= 0 {
		cfg.DedupSize = DefaultDedupSize
	}
	if cfg.RetryAfter <= 0 {
		cfg.RetryAfter = DefaultRetryAfter
	}
	s := &Server{
		appID:      cfg.AppID,
		maxBody:    cfg.MaxBodyBytes,
		retryAfter: strconv.Itoa(int((cfg.RetryAfter + time.Second - 1) / time.Second)),
		log:        cfg.Logger,
		queue:      cfg.Queue,
		seen:       newDeliverySet(cfg.DedupTTL, cfg.DedupSize, nil),
		commits:    newDeliverySet(commitDedupTTL, cfg.DedupSize, nil),
	}
	if s.queue == nil {
		s.queue = NewMemoryQueue(MemoryQueueConfig{
			Runner:     cfg.Runner,
			Workers:    cfg.Workers,
			Size:       cfg.QueueSize,
			JobTimeout: cfg.JobTimeout,
			Logger:     cfg.Logger,
		})
	}
	// go-githubapp validates the signature (go-github's constant-time
	// HMAC) and routes by X-GitHub-Event. Handlers run synchronously in the
	// request — they only parse and enqueue into our queue, which does the
	// coalescing, per-PR serialisation and draining its schedulers lack.
	s.dispatcher = githubapp.NewEventDispatcher(
		[]githubapp.EventHandler{reviewHandler{s}, newIgnoreHandler()},
		cfg.Secret,
		githubapp.WithScheduler(githubapp.DefaultScheduler()),
		githubapp.WithErrorCallback(s.onError),
		githubapp.WithResponseCallback(s.onResponse),
	)
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("POST /webhook", s.serveWebhook)
	s.mux.HandleFunc("GET /healthz", serveHealthz)
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// Shutdown stops accepting webhooks (they get 503 with Retry-After), lets
// running reviews finish and runs the queued ones until ctx expires; what
// cannot finish is logged with its delivery id as "dropped on shutdown" and
// ctx.Err() is returned. Call it after (or while) the http.Server shuts down.
func (s *Server) Shutdown(ctx context.Context) error {
	s.draining.Store(true)
	return s.queue.Shutdown(ctx)
}

func serveHealthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = io.WriteString(w, "ok")
}

// serveWebhook does what the dispatcher does not: the body cap, the 401s
// that must not depend on reading the body, and a tolerant Content-Type.
func (s *Server) serveWebhook(w http.ResponseWriter, r *http.Request) {
	log := s.log.With().
		Str(githubapp.LogKeyEventType, r.Header.Get("X-GitHub-Event")).
		Str(githubapp.LogKeyDeliveryID, r.Header.Get("X-GitHub-Delivery")).
		Logger()
	defer func() {
		if v := recover(); v != nil {
			log.Error().Str("panic", fmt.Sprint(v)).Str("stack", string(debug.Stack())).Msg("webhook handler panicked")
			http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		}
	}()

	if s.draining.Load() {
		log.Warn().Msg("webhook refused: shutting down")
		s.unavailable(w, "shutting down")
		return
	}
	if r.ContentLength > s.maxBody {
		log.Warn().Int64("content_length", r.ContentLength).Msg("webhook refused: body too large")
		http.Error(w, "payload too large", http.StatusRequestEntityTooLarge)
		return
	}
	// Only HMAC-SHA256 in X-Hub-Signature-256 is accepted: go-github would
	// also take sha1 (in this header or in X-Hub-Signature).
	if !strings.HasPrefix(r.Header.Get(signatureHeader), signaturePrefix) {
		log.Warn().Msg("webhook refused: missing or non-sha256 X-Hub-Signature-256")
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	r.Body = &recordingBody{ReadCloser: http.MaxBytesReader(w, r.Body, s.maxBody)}
	// GitHub Apps send application/json; form-encoded bodies are what
	// go-github also understands. Anything else (or nothing) is taken as
	// JSON so the signature, not a header, decides.
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/x-www-form-urlencoded" {
		r.Header.Set("Content-Type", "application/json")
	}
	// The dispatcher adds the event type and delivery id to this logger.
	s.dispatcher.ServeHTTP(w, r.WithContext(s.log.WithContext(r.Context())))
}

// accept queues t (called by the handler, inside the request): 202 when
// queued, 200 for a delivery id already accepted, 503 when full or
// shutting down.
func (s *Server) accept(ctx context.Context, t review.Target) error {
	log := JobLogger(s.log, t)
	if s.draining.Load() {
		return errShuttingDown
	}
	if t.DeliveryID != "" && !s.seen.add(t.DeliveryID) {
		log.Info().Msg("duplicate delivery: already accepted, not queued again")
		return nil
	}
	// Every push sends both pull_request.synchronize and
	// check_suite.requested for the same head: whichever comes second is
	// the same review again, so it is acknowledged and not queued. Events
	// of one kind (a reopen, a redelivery under a new id) and explicit
	// re-runs (rerequested) always run.
	commit, other := commitKeys(t)
	if commit != "" {
		if s.commits.has(other) {
			log.Info().Msg("head commit already queued by its companion event: not queued again")
			return nil
		}
		s.commits.add(commit)
	}
	if !s.queue.Enqueue(t) {
		s.seen.remove(t.DeliveryID)
		if commit != "" {
			s.commits.remove(commit)
		}
		if s.draining.Load() {
			return errShuttingDown
		}
		return fmt.Errorf("review queue full: %w", githubapp.ErrCapacityExceeded)
	}
	log.Info().Msg("review queued")
	githubapp.SetResponder(ctx, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusAccepted)
		_, _ = io.WriteString(w, "queued\n")
	})
	return nil
}

var errShuttingDown = errors.New("shutting down")

// commitDedupTTL is how long a head commit reviewed for an automatic event
// is remembered; a later re-run must be requested explicitly.
const commitDedupTTL = 10 * time.Minute

// commitKeys returns the dedupe key of t's head commit for the automatic
// event families (pull_request.* and check_suite.requested), and the key the
// companion family would have used; "" for events that always run.
func commitKeys(t review.Target) (own, companion string) {
	commit := t.Key() + "@" + t.HeadSHA
	switch {
	case strings.HasPrefix(t.Event, "pull_request."):
		return "pr " + commit, "suite " + commit
	case t.Event == "check_suite.requested":
		return "suite " + commit, "pr " + commit
	}
	return "", ""
}

// onResponse answers deliveries that were not refused: 202 when the handler
// queued work (it set a responder), otherwise 200 (ignored events and
// actions, ping, duplicates, events without a handler).
func (s *Server) onResponse(w http.ResponseWriter, r *http.Request, _ string, _ bool) {
	if res := githubapp.GetResponder(r.Context()); res != nil {
		res(w, r)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// onError maps the dispatcher's and the handlers' errors to the contract's
// status codes.
func (s *Server) onError(w http.ResponseWriter, r *http.Request, err error) {
	log := zerolog.Ctx(r.Context())
	var ve githubapp.ValidationError
	if errors.As(err, &ve) {
		var tooLarge *http.MaxBytesError
		switch readErr := bodyReadError(r); {
		case ve.EventType == "":
			log.Warn().Msg("webhook refused: missing X-GitHub-Event")
			http.Error(w, "missing X-GitHub-Event", http.StatusBadRequest)
		case errors.As(readErr, &tooLarge):
			log.Warn().Int64("limit", tooLarge.Limit).Msg("webhook refused: body too large")
			http.Error(w, "payload too large", http.StatusRequestEntityTooLarge)
		case readErr != nil:
			log.Warn().Err(readErr).Msg("webhook refused: reading the body failed")
			http.Error(w, "cannot read body", http.StatusBadRequest)
		case isSignatureError(ve.Cause):
			log.Warn().Err(ve.Cause).Msg("webhook refused: signature check failed")
			http.Error(w, "invalid signature", http.StatusUnauthorized)
		default:
			log.Warn().Err(ve.Cause).Msg("webhook refused: malformed request")
			http.Error(w, "malformed request", http.StatusBadRequest)
		}
		return
	}
	switch {
	case errors.Is(err, errBadPayload):
		log.Warn().Err(err).Msg("webhook refused: malformed payload")
		http.Error(w, "malformed payload", http.StatusBadRequest)
	case errors.Is(err, githubapp.ErrCapacityExceeded):
		log.Warn().Msg("webhook refused: review queue full")
		s.unavailable(w, "review queue full")
	case errors.Is(err, errShuttingDown):
		log.Warn().Msg("webhook refused: shutting down")
		s.unavailable(w, "shutting down")
	default:
		log.Error().Err(err).Msg("unexpected error handling webhook")
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
	}
}

func (s *Server) unavailable(w http.ResponseWriter, why string) {
	w.Header().Set("Retry-After", s.retryAfter)
	http.Error(w, why, http.StatusServiceUnavailable)
}

// isSignatureError recognises go-github's signature errors ("missing
// signature", "error parsing/decoding signature", "unknown hash type
// prefix", "payload signature check failed"); it exports no sentinels.
func isSignatureError(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "signature") || strings.Contains(msg, "hash type")
}

// recordingBody remembers a read error so that onError can tell a body
// that could not be read (413 over the cap) from a bad signature.
type recordingBody struct {
	io.ReadCloser
	err error
}

func (b *recordingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil && err != io.EOF {
		b.err = err
	}
	return n, err
}

func bodyReadError(r *http.Request) error {
	if b, ok := r.Body.(*recordingBody); ok {
		return b.err
	}
	return nil
}
