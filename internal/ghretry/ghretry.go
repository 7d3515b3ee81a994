// Package ghretry is an http.RoundTripper middleware for calls to the GitHub
// REST API: it retries transient failures with exponential backoff and
// jitter, and waits out GitHub's primary and secondary rate limits. Every
// wait is bounded (per wait, per call, in attempts) and aborted when the
// request's context ends, and every wait is logged with the zerolog logger of
// the request's context (zerolog.Ctx).
//
// What is retried:
//
//   - Rate limits, for every method (GitHub rejected the request without
//     acting on it): 403/429 with Retry-After (secondary limit: wait that
//     long); 403/429 with x-ratelimit-remaining: 0 and x-ratelimit-reset
//     (primary limit: wait until the reset); 403 whose body names a secondary
//     rate limit (or the older "abuse detection") without either header: wait
//     Options.SecondaryWait, as GitHub's documentation asks ("at least one
//     minute"), growing exponentially on repeats.
//   - Server errors: 500, 502, 503 and 504 for idempotent methods (GET, HEAD,
//     OPTIONS, PUT, DELETE). POST and PATCH are retried only on 502 and 503,
//     which GitHub's front end returns when the request did not reach or was
//     refused by the backend. A 500 or a 504 may come after the backend acted
//     (a gateway timeout of a slow but successful "create check run" or
//     "create review"), and retrying would create a second check run that
//     never completes, or a duplicate review: those are returned to the
//     caller, who reports the failure.
//   - Network errors: any net.Error, io.EOF or io.ErrUnexpectedEOF for
//     idempotent methods; for POST and PATCH only errors that happened before
//     the request was written (connection refused, DNS failure, other dial
//     errors), since the server cannot have seen those requests.
//   - A failure to obtain the installation token (ghinstallation, which sits
//     below this middleware in go-githubapp's client stack) is classified by
//     the token response or error alone, for every method: the request
//     itself was never sent.
//
// A request whose body cannot be rewound (no GetBody) is not retried.
// 404, 422 and other client errors are returned at once.
//
// When the bound is exceeded (attempts, one wait longer than MaxWait, or the
// total waiting time over MaxTotalWait) the last response (or error) is
// returned unchanged, so the caller sees GitHub's real answer.
//
// Primary rate limit state is shared by all calls through one Transport: a
// response saying x-ratelimit-remaining: 0 makes the next call wait until
// x-ratelimit-reset (when that is within MaxWait), and a secondary limit
// holds back every call until its Retry-After has passed. go-githubapp
// creates one client, and so one Transport, per installation, which is the
// scope of GitHub's installation rate limits.
package ghretry

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/bradleyfalzon/ghinstallation/v2"
	"github.com/rs/zerolog"
)

// Options bound the retries. Zero fields take the defaults.
type Options struct {
	// MaxAttempts is the number of attempts per call, the first included
	// (default 5).
	MaxAttempts int
	// BaseDelay is the first backoff delay for server and network errors;
	// it doubles per attempt, with jitter (default 500ms).
	BaseDelay time.Duration
	// MaxDelay caps one backoff delay (default 15s).
	MaxDelay time.Duration
	// MaxWait is the longest single wait, rate limits included (default
	// 60s). A rate limit that asks for longer is not waited out: the
	// response is returned.
	MaxWait time.Duration
	// MaxTotalWait bounds the time one call spends waiting across all its
	// attempts (default 3m).
	MaxTotalWait time.Duration
	// SecondaryWait is the wait for a secondary rate limit that names no
	// time (default 60s, per GitHub's documentation).
	SecondaryWait time.Duration

	// now and sleep are replaced in tests.
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
}

func (o Options) withDefaults() Options {
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 5
	}
	if o.BaseDelay <= 0 {
		o.BaseDelay = 500 * time.Millisecond
	}
	if o.MaxDelay <= 0 {
		o.MaxDelay = 15 * time.Second
	}
	if o.MaxWait <= 0 {
		o.MaxWait = 60 * time.Second
	}
	if o.MaxTotalWait <= 0 {
		o.MaxTotalWait = 3 * time.Minute
	}
	if o.SecondaryWait <= 0 {
		o.SecondaryWait = 60 * time.Second
	}
	if o.now == nil {
		o.now = time.Now
	}
	if o.sleep == nil {
		o.sleep = sleepCtx
	}
	return o
}

// Transport is the retrying RoundTripper. Create it with New.
type Transport struct {
	next http.RoundTripper
	opt  Options

	mu sync.Mutex
	// notBefore holds back every call until a rate limit has passed.
	notBefore time.Time
}

// New wraps next (http.DefaultTransport when nil).
func New(next http.RoundTripper, opt Options) *Transport {
	if next == nil {
		next = http.DefaultTransport
	}
	return &Transport{next: next, opt: opt.withDefaults()}
}

// Middleware returns the constructor go-githubapp's WithClientMiddleware
// takes; each client gets its own Transport (and so its own rate limit
// state).
func Middleware(opt Options) func(http.RoundTripper) http.RoundTripper {
	return func(next http.RoundTripper) http.RoundTripper { return New(next, opt) }
}

// Header names GitHub uses.
const (
	hdrRetryAfter = "Retry-After"
	hdrRemaining  = "X-RateLimit-Remaining"
	hdrReset      = "X-RateLimit-Reset"
	// hdrHiddenReset keeps the reset of a limit this Transport will wait out
	// itself (see hideReset).
	hdrHiddenReset = "X-Pyguard-Ratelimit-Reset"
)

// peekLimit is how much of a 403 body is read to look for the secondary
// rate limit message (GitHub's error bodies are small JSON objects).
const peekLimit = 64 << 10

// RoundTrip implements http.RoundTripper.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	log := zerolog.Ctx(ctx)
	var waited time.Duration

	// Hold back while a rate limit seen on an earlier call lasts.
	if d := t.blockedFor(); d > 0 {
		if d > t.opt.MaxWait {
			log.Warn().Str("method", req.Method).Str("path", req.URL.Path).
				Dur("rate_limited_for", d).Dur("max_wait", t.opt.MaxWait).
				Msg("github: rate limited for longer than the maximum wait; sending anyway")
		} else {
			log.Warn().Str("method", req.Method).Str("path", req.URL.Path).
				Dur("wait", d).Str("reason", "rate limit from an earlier call").
				Msg("github: waiting for rate limit reset")
			if err := t.opt.sleep(ctx, d); err != nil {
				return nil, err
			}
			waited += d
		}
	}

	rewindable := req.Body == nil || req.Body == http.NoBody || req.GetBody != nil
	for attempt := 1; ; attempt++ {
		r := req
		if attempt > 1 {
			var err error
			if r, err = rewind(req); err != nil {
				return nil, err
			}
		}
		resp, err := t.next.RoundTrip(r)
		if resp != nil {
			t.notePrimary(resp)
		}
		d := t.classify(req, resp, err, attempt)
		if !d.retry {
			if resp != nil {
				t.hideReset(resp)
			}
			return resp, err
		}
		if d.block {
			t.block(d.wait)
		}

		why := ""
		switch {
		case !rewindable:
			why = "request body cannot be rewound"
		case attempt >= t.opt.MaxAttempts:
			why = "maximum attempts reached"
		case d.wait > t.opt.MaxWait:
			why = "wait longer than the maximum single wait"
		case waited+d.wait > t.opt.MaxTotalWait:
			why = "maximum total wait reached"
		}
		ev := func(e *zerolog.Event) *zerolog.Event {
			e = e.Str("method", req.Method).Str("path", req.URL.Path).
				Int("attempt", attempt).Str("reason", d.reason).Dur("wait", d.wait)
			if resp != nil {
				e = e.Int("status", resp.StatusCode)
			}
			if err != nil {
				e = e.AnErr("error", err)
			}
			return e
		}
		if why != "" {
			ev(log.Warn()).Str("gave_up", why).Msg("github: not retrying")
			return resp, err
		}
		ev(log.Warn()).Msg("github: retrying after wait")
		if resp != nil {
			drain(resp)
		}
		if err := t.opt.sleep(ctx, d.wait); err != nil {
			return nil, err
		}
		waited += d.wait
	}
}

// decision is what to do after one attempt.
type decision struct {
	retry  bool
	wait   time.Duration
	reason string
	// block holds back other calls through this Transport for wait.
	block bool
}

func (t *Transport) classify(req *http.Request, resp *http.Response, err error, attempt int) decision {
	if err != nil {
		if ctxErr := req.Context().Err(); ctxErr != nil {
			return decision{}
		}
		// The installation token could not be obtained: the request was not
		// sent, so whatever the method, judge by the token call alone.
		var tokErr *ghinstallation.HTTPError
		if errors.As(err, &tokErr) {
			if tokErr.Response != nil {
				d := t.classifyResponse(http.MethodGet, tokErr.Response, attempt)
				drain(tokErr.Response)
				d.reason = "installation token: " + d.reason
				return d
			}
			if tokErr.RootCause != nil && isNetError(tokErr.RootCause) {
				return decision{retry: true, wait: t.backoff(attempt), reason: "installation token: network error"}
			}
			return decision{}
		}
		if notSent(err) {
			return decision{retry: true, wait: t.backoff(attempt), reason: "connection failed"}
		}
		if idempotent(req.Method) && isNetError(err) {
			return decision{retry: true, wait: t.backoff(attempt), reason: "network error"}
		}
		return decision{}
	}
	return t.classifyResponse(req.Method, resp, attempt)
}

func (t *Transport) classifyResponse(method string, resp *http.Response, attempt int) decision {
	switch code := resp.StatusCode; {
	case code == http.StatusForbidden || code == http.StatusTooManyRequests:
		if ra, ok := retryAfter(resp, t.opt.now()); ok {
			return decision{retry: true, wait: ra, reason: "secondary rate limit (Retry-After)", block: true}
		}
		reset, hasReset := resetTime(resp)
		if resp.Header.Get(hdrRemaining) == "0" && hasReset {
			return decision{retry: true, wait: untilReset(resp, reset, t.opt.now()), reason: "primary rate limit", block: true}
		}
		if code == http.StatusTooManyRequests || mentionsSecondary(resp) {
			if hasReset {
				return decision{retry: true, wait: untilReset(resp, reset, t.opt.now()), reason: "secondary rate limit (reset)", block: true}
			}
			w := t.opt.SecondaryWait
			for i := 1; i < attempt && w <= t.opt.MaxTotalWait; i++ {
				w *= 2
			}
			return decision{retry: true, wait: w, reason: "secondary rate limit", block: true}
		}
		return decision{}
	case code == http.StatusBadGateway || code == http.StatusServiceUnavailable ||
		(idempotent(method) && (code == http.StatusInternalServerError || code == http.StatusGatewayTimeout)):
		w := t.backoff(attempt)
		if ra, ok := retryAfter(resp, t.opt.now()); ok && ra > w {
			w = ra
		}
		return decision{retry: true, wait: w, reason: fmt.Sprintf("server error %d", code)}
	}
	return decision{}
}

// backoff is BaseDelay·2^(attempt-1), capped at MaxDelay, with "equal
// jitter": half fixed, half random, so concurrent clients spread out.
func (t *Transport) backoff(attempt int) time.Duration {
	d := t.opt.BaseDelay
	for i := 1; i < attempt && d < t.opt.MaxDelay; i++ {
		d *= 2
	}
	if d > t.opt.MaxDelay {
		d = t.opt.MaxDelay
	}
	half := d / 2
	return half + time.Duration(rand.Int64N(int64(half)+1))
}

// notePrimary records an exhausted primary limit: the next call waits until
// the reset.
func (t *Transport) notePrimary(resp *http.Response) {
	if resp.Header.Get(hdrRemaining) != "0" {
		return
	}
	reset, ok := resetTime(resp)
	if !ok {
		return
	}
	t.block(untilReset(resp, reset, t.opt.now()))
}

// hideReset: go-github refuses, without calling the transport, every call
// after a response with x-ratelimit-remaining: 0 until x-ratelimit-reset.
// When that reset is within MaxWait this Transport waits for it itself
// before the next call, so the reset header is renamed to keep go-github
// from failing those calls. Longer limits are left visible: go-github then
// fails fast, which is the right thing for a limit we will not wait out.
func (t *Transport) hideReset(resp *http.Response) {
	if resp.Header.Get(hdrRemaining) != "0" || resp.StatusCode/100 != 2 {
		return
	}
	v := resp.Header.Get(hdrReset)
	reset, ok := resetTime(resp)
	if !ok || untilReset(resp, reset, t.opt.now()) > t.opt.MaxWait {
		return
	}
	resp.Header.Del(hdrReset)
	resp.Header.Set(hdrHiddenReset, v)
}

func (t *Transport) block(d time.Duration) {
	if d <= 0 {
		return
	}
	until := t.opt.now().Add(d)
	t.mu.Lock()
	if until.After(t.notBefore) {
		t.notBefore = until
	}
	t.mu.Unlock()
}

func (t *Transport) blockedFor() time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.notBefore.Sub(t.opt.now())
}

// retryAfter parses Retry-After (seconds or an HTTP date).
func retryAfter(resp *http.Response, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(resp.Header.Get(hdrRetryAfter))
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			secs = 0
		}
		if secs > math.MaxInt64/int64(time.Second) {
			return math.MaxInt64, true
		}
		return time.Duration(secs) * time.Second, true
	}
	if at, err := http.ParseTime(v); err == nil {
		d := at.Sub(now)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
}

func resetTime(resp *http.Response) (time.Time, bool) {
	v := strings.TrimSpace(resp.Header.Get(hdrReset))
	if v == "" {
		return time.Time{}, false
	}
	secs, err := strconv.ParseInt(v, 10, 64)
	if err != nil || secs < 0 {
		return time.Time{}, false
	}
	return time.Unix(secs, 0), true
}

// untilReset is the wait until reset, measured against the server's clock
// (its Date header) when it sent one, so local clock skew does not matter.
// Date has whole seconds, which makes the wait up to a second longer, never
// shorter.
func untilReset(resp *http.Response, reset, now time.Time) time.Duration {
	ref := now
	if date, err := http.ParseTime(resp.Header.Get("Date")); err == nil {
		ref = date
	}
	d := reset.Sub(ref)
	if d < 0 {
		d = 0
	}
	return d
}

// mentionsSecondary peeks at a 403 body for GitHub's secondary rate limit
// message, leaving the body readable.
func mentionsSecondary(resp *http.Response) bool {
	if resp.StatusCode != http.StatusForbidden || resp.Body == nil {
		return false
	}
	head, err := io.ReadAll(io.LimitReader(resp.Body, peekLimit))
	resp.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(head), resp.Body), resp.Body}
	if err != nil {
		return false
	}
	s := strings.ToLower(string(head))
	return strings.Contains(s, "secondary rate limit") || strings.Contains(s, "abuse detection") ||
		strings.Contains(s, "#abuse-rate-limits")
}

func idempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut, http.MethodDelete, "":
		return true
	}
	return false
}

// notSent reports errors from before the request was written: the server
// cannot have acted on it.
func notSent(err error) bool {
	if errors.Is(err, syscall.ECONNREFUSED) {
		return true
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return true
	}
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial"
}

func isNetError(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET)
}

// rewind clones req with a fresh body.
func rewind(req *http.Request) (*http.Request, error) {
	r := req.Clone(req.Context())
	if req.Body == nil || req.Body == http.NoBody {
		return r, nil
	}
	body, err := req.GetBody()
	if err != nil {
		return nil, fmt.Errorf("ghretry: rewinding request body: %w", err)
	}
	r.Body = body
	return r, nil
}

// drain reads a little of a discarded response so the connection can be
// reused, and closes it.
func drain(resp *http.Response) {
	if resp.Body == nil {
		return
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}
