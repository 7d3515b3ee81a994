package webhook

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/palantir/go-githubapp/githubapp"
	"github.com/rs/zerolog"

	"github.com/pyguard/pyguard/internal/metrics"
	"github.com/pyguard/pyguard/review"
)

// Defaults of Config.
const (
	// DefaultMaxBodyBytes is GitHub's cap on webhook payloads, 25 MB.
	DefaultMaxBodyBytes int64 = 25_000_000
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
	// Queue takes accepted reviews (a *JobQueue); required.
	Queue Queue

	MaxBodyBytes int64         // default DefaultMaxBodyBytes (25 MB)
	RetryAfter   time.Duration // Retry-After of a 503; default 30s
	// MaxUnsignedReads bounds the bodies read at once before their
	// signature is known (and an eighth of it those over 256 KiB, which
	// spill to disk); default 32. Others wait (at most unsignedReadWait),
	// then get 503.
	MaxUnsignedReads int

	// Metrics counts deliveries by event and result; nil counts nothing.
	Metrics *metrics.Metrics

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
	secret     string
	maxBody    int64
	reads      chan struct{} // slots for bodies whose signature is unknown
	largeReads chan struct{} // … and for those over bodyMemoryLimit
	retryAfter string
	log        zerolog.Logger
	metrics    *metrics.Metrics

	queue    Queue
	handlers map[string]githubapp.EventHandler // by X-GitHub-Event
	mux      *http.ServeMux
	draining atomic.Bool
}

// NewHandler builds the receiver in front of cfg.Queue.
func NewHandler(cfg Config) (*Server, error) {
	if cfg.Secret == "" {
		return nil, errors.New("webhook: the webhook secret is required")
	}
	if cfg.AppID <= 0 {
		return nil, errors.New("webhook: the app id is required")
	}
	if cfg.Queue == nil {
		return nil, errors.New("webhook: a Queue is required")
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.RetryAfter <= 0 {
		cfg.RetryAfter = DefaultRetryAfter
	}
	if cfg.MaxUnsignedReads <= 0 {
		cfg.MaxUnsignedReads = 32
	}
	s := &Server{
		appID:      cfg.AppID,
		secret:     cfg.Secret,
		reads:      make(chan struct{}, cfg.MaxUnsignedReads),
		largeReads: make(chan struct{}, max(cfg.MaxUnsignedReads/8, 1)),
		maxBody:    cfg.MaxBodyBytes,
		retryAfter: strconv.Itoa(int((cfg.RetryAfter + time.Second - 1) / time.Second)),
		log:        cfg.Logger,
		metrics:    cfg.Metrics,
		queue:      cfg.Queue,
	}
	// Routing by X-GitHub-Event to go-githubapp event handlers. The
	// signature is checked by readSigned before anything else, so
	// go-githubapp's dispatcher (which would read and hash the body again)
	// is not used. Handlers run synchronously in the request: they only
	// parse and commit a job to the durable queue, which does the
	// coalescing, per-PR serialisation and retrying.
	s.handlers = map[string]githubapp.EventHandler{}
	for _, h := range []githubapp.EventHandler{reviewHandler{s}, newIgnoreHandler()} {
		for _, e := range h.Handles() {
			s.handlers[e] = h
		}
	}
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("POST /webhook", s.serveWebhook)
	s.mux.HandleFunc("GET /healthz", serveHealthz)
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// Shutdown stops accepting webhooks (they get 503 with Retry-After) and
// shuts the queue down: running reviews may finish until ctx ends, then
// they are interrupted and resume at the next start. Call it after (or
// while) the http.Server shuts down.
func (s *Server) Shutdown(ctx context.Context) error {
	s.draining.Store(true)
	return s.queue.Shutdown(ctx)
}

func serveHealthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = io.WriteString(w, "ok")
}

// serveWebhook refuses what it can from the headers (shutting down, too
// large, no sha256 signature), reads and verifies the body (readSigned) and
// dispatches it.
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

	event := r.Header.Get("X-GitHub-Event")
	if s.draining.Load() {
		log.Warn().Msg("webhook refused: shutting down")
		s.metrics.Delivery(event, "unavailable")
		s.unavailable(w, "shutting down")
		return
	}
	if r.ContentLength > s.maxBody {
		log.Warn().Int64("content_length", r.ContentLength).Msg("webhook refused: body too large")
		s.metrics.Delivery(event, "too_large")
		http.Error(w, "payload too large", http.StatusRequestEntityTooLarge)
		return
	}
	// Only HMAC-SHA256 in X-Hub-Signature-256 is accepted: go-github would
	// also take sha1 (in this header or in X-Hub-Signature).
	if !strings.HasPrefix(r.Header.Get(signatureHeader), signaturePrefix) {
		log.Warn().Msg("webhook refused: missing or non-sha256 X-Hub-Signature-256")
		s.metrics.Delivery(event, "unauthorized")
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	body, status := s.readSigned(w, r, log)
	if status != 0 {
		s.metrics.Delivery(event, map[int]string{401: "unauthorized", 413: "too_large", 503: "unavailable"}[status])
		if status == http.StatusServiceUnavailable {
			s.unavailable(w, "too many deliveries at once")
			return
		}
		http.Error(w, map[int]string{401: "invalid signature", 413: "payload too large", 400: "cannot read body"}[status], status)
		return
	}
	s.dispatch(w, r, body)
}

// dispatch hands a signed body to the handler of its event and answers
// through onResponse or onError.
func (s *Server) dispatch(w http.ResponseWriter, r *http.Request, body []byte) {
	eventType, deliveryID := r.Header.Get("X-GitHub-Event"), r.Header.Get("X-GitHub-Delivery")
	logger := s.log.With().Str(githubapp.LogKeyEventType, eventType).Str(githubapp.LogKeyDeliveryID, deliveryID).Logger()
	ctx := githubapp.InitializeResponder(logger.WithContext(r.Context()))
	r = r.WithContext(ctx)
	if eventType == "" {
		s.onError(w, r, githubapp.ValidationError{DeliveryID: deliveryID, Cause: errors.New("missing event type")})
		return
	}
	// GitHub Apps send application/json; a form-encoded body (what a
	// repository webhook may be set to) carries the JSON in "payload".
	// Anything else is taken as JSON: the signature, not a header, decides.
	payload := body
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "application/x-www-form-urlencoded" {
		form, err := url.ParseQuery(string(body))
		if err != nil {
			s.onError(w, r, badPayload("form body: %v", err))
			return
		}
		payload = []byte(form.Get("payload"))
	}
	logger.Debug().Int("bytes", len(body)).Msg("webhook received")
	h, ok := s.handlers[eventType]
	if ok {
		if err := h.Handle(ctx, eventType, deliveryID, payload); err != nil {
			s.onError(w, r, err)
			return
		}
	}
	s.onResponse(w, r, eventType, ok)
}

var errNoReadSlot = errors.New("no read slot")

// unsignedReadWait is how long a delivery waits for a read slot.
const unsignedReadWait = 10 * time.Second

// readSigned reads the body under the size cap while its HMAC is computed
// (see readSigned in body.go), in one of a bounded number of slots, so
// unauthenticated senders cannot make the server hold many large bodies. It
// returns the body, or the status to answer: 401 (signature), 413 (size),
// 400 (read error), 503 (no slot).
func (s *Server) readSigned(w http.ResponseWriter, r *http.Request, log zerolog.Logger) ([]byte, int) {
	timer := time.NewTimer(unsignedReadWait)
	defer timer.Stop()
	select {
	case s.reads <- struct{}{}:
		defer func() { <-s.reads }()
	case <-timer.C:
		log.Warn().Msg("webhook refused: too many bodies being read at once")
		return nil, http.StatusServiceUnavailable
	case <-r.Context().Done():
		return nil, http.StatusServiceUnavailable
	}
	large := func() (func(), error) {
		select {
		case s.largeReads <- struct{}{}:
			return func() { <-s.largeReads }, nil
		case <-timer.C:
			return nil, errNoReadSlot
		case <-r.Context().Done():
			return nil, errNoReadSlot
		}
	}
	body, err := readSigned(http.MaxBytesReader(w, r.Body, s.maxBody), r.Header.Get(signatureHeader), s.secret, large)
	var tooLarge *http.MaxBytesError
	switch {
	case err == nil:
		return body, 0
	case errors.Is(err, errNoReadSlot):
		log.Warn().Msg("webhook refused: too many large bodies being read at once")
		return nil, http.StatusServiceUnavailable
	case errors.Is(err, errBadSignature):
		log.Warn().Msg("webhook refused: signature check failed")
		return nil, http.StatusUnauthorized
	case errors.As(err, &tooLarge):
		log.Warn().Int64("limit", tooLarge.Limit).Msg("webhook refused: body too large")
		return nil, http.StatusRequestEntityTooLarge
	default:
		log.Warn().Err(err).Msg("webhook refused: reading the body failed")
		return nil, http.StatusBadRequest
	}
}

// accept commits t as a job (called by the handler, inside the request):
// 202 once the job is committed (or an equal job waits or runs already),
// 503 when shutting down or the database cannot take it.
func (s *Server) accept(ctx context.Context, t review.Target) error {
	log := JobLogger(s.log, t)
	if s.draining.Load() {
		return errShuttingDown
	}
	coalesced, err := s.queue.Enqueue(ctx, t)
	switch {
	case errors.Is(err, errShuttingDown) || (err != nil && s.draining.Load()):
		return errShuttingDown
	case err != nil:
		log.Error().Err(err).Msg("review not queued")
		return fmt.Errorf("%w: %v", errQueueUnavailable, err)
	case coalesced:
		log.Info().Msg("review already queued or running for this head; coalesced")
		s.metrics.Delivery(eventType(t.Event), "coalesced")
	default:
		log.Info().Msg("review queued")
		s.metrics.Delivery(eventType(t.Event), "queued")
	}
	githubapp.SetResponder(ctx, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusAccepted)
		_, _ = io.WriteString(w, "queued\n")
	})
	return nil
}

var (
	errShuttingDown     = errors.New("shutting down")
	errQueueUnavailable = errors.New("review queue unavailable")
)

// onResponse answers deliveries that were not refused: 202 when the handler
// queued work (it set a responder), otherwise 200 (ignored events and
// actions, ping, duplicates, events without a handler).
func (s *Server) onResponse(w http.ResponseWriter, r *http.Request, _ string, _ bool) {
	if res := githubapp.GetResponder(r.Context()); res != nil {
		res(w, r)
		return
	}
	s.metrics.Delivery(r.Header.Get("X-GitHub-Event"), "ignored")
	w.WriteHeader(http.StatusOK)
}

// onError maps dispatch and handler errors to the contract's
// status codes.
func (s *Server) onError(w http.ResponseWriter, r *http.Request, err error) {
	log := zerolog.Ctx(r.Context())
	event := r.Header.Get("X-GitHub-Event")
	var ve githubapp.ValidationError
	if errors.As(err, &ve) {
		var tooLarge *http.MaxBytesError
		switch readErr := bodyReadError(r); {
		case ve.EventType == "":
			log.Warn().Msg("webhook refused: missing X-GitHub-Event")
			s.metrics.Delivery(event, "bad_request")
			http.Error(w, "missing X-GitHub-Event", http.StatusBadRequest)
		case errors.As(readErr, &tooLarge):
			log.Warn().Int64("limit", tooLarge.Limit).Msg("webhook refused: body too large")
			s.metrics.Delivery(event, "too_large")
			http.Error(w, "payload too large", http.StatusRequestEntityTooLarge)
		case readErr != nil:
			log.Warn().Err(readErr).Msg("webhook refused: reading the body failed")
			s.metrics.Delivery(event, "bad_request")
			http.Error(w, "cannot read body", http.StatusBadRequest)
		case isSignatureError(ve.Cause):
			log.Warn().Err(ve.Cause).Msg("webhook refused: signature check failed")
			s.metrics.Delivery(event, "unauthorized")
			http.Error(w, "invalid signature", http.StatusUnauthorized)
		default:
			log.Warn().Err(ve.Cause).Msg("webhook refused: malformed request")
			s.metrics.Delivery(event, "bad_request")
			http.Error(w, "malformed request", http.StatusBadRequest)
		}
		return
	}
	switch {
	case errors.Is(err, errBadPayload):
		log.Warn().Err(err).Msg("webhook refused: malformed payload")
		s.metrics.Delivery(event, "bad_request")
		http.Error(w, "malformed payload", http.StatusBadRequest)
	case errors.Is(err, errQueueUnavailable):
		log.Warn().Err(err).Msg("webhook refused: review queue unavailable")
		s.metrics.Delivery(event, "unavailable")
		s.unavailable(w, "review queue unavailable")
	case errors.Is(err, errShuttingDown):
		log.Warn().Msg("webhook refused: shutting down")
		s.metrics.Delivery(event, "unavailable")
		s.unavailable(w, "shutting down")
	default:
		log.Error().Err(err).Msg("unexpected error handling webhook")
		s.metrics.Delivery(event, "error")
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

// eventType is the X-GitHub-Event of a target's event ("pull_request"
// of "pull_request.opened").
func eventType(event string) string {
	t, _, _ := strings.Cut(event, ".")
	return t
}
