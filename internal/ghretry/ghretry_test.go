package ghretry

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/bradleyfalzon/ghinstallation/v2"
	"github.com/google/go-github/v62/github"
	"github.com/rs/zerolog"
)

// fastOpts keep backoff delays short; rate limit waits stay real.
var fastOpts = Options{BaseDelay: 5 * time.Millisecond, MaxDelay: 20 * time.Millisecond}

// hit is one request the test server saw.
type hit struct {
	at   time.Time
	body string
}

// server answers request i (0-based) with respond(i, w); it records hits.
type server struct {
	*httptest.Server
	mu   sync.Mutex
	hits []hit
}

func newServer(t *testing.T, respond func(i int, w http.ResponseWriter)) *server {
	t.Helper()
	s := &server{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		i := len(s.hits)
		s.hits = append(s.hits, hit{at: time.Now(), body: string(b)})
		s.mu.Unlock()
		respond(i, w)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *server) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.hits)
}

func (s *server) hit(i int) hit {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[i]
}

func client(opt Options) *http.Client { return &http.Client{Transport: New(nil, opt)} }

func do(t *testing.T, c *http.Client, ctx context.Context, method, url, body string) (*http.Response, string, error) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b), nil
}

func TestServerErrorsThenSuccess(t *testing.T) {
	for _, method := range []string{http.MethodGet, http.MethodPost, http.MethodPatch} {
		t.Run(method, func(t *testing.T) {
			s := newServer(t, func(i int, w http.ResponseWriter) {
				if i < 2 {
					w.WriteHeader(http.StatusBadGateway)
					fmt.Fprint(w, "bad gateway")
					return
				}
				fmt.Fprint(w, `{"ok":true}`)
			})
			resp, body, err := do(t, client(fastOpts), context.Background(), method, s.URL+"/repos/o/r/check-runs", `{"name":"PyGuard"}`)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != 200 || body != `{"ok":true}` {
				t.Fatalf("got %d %q", resp.StatusCode, body)
			}
			if s.count() != 3 {
				t.Fatalf("server saw %d requests, want 3", s.count())
			}
			if method != http.MethodGet {
				for i := 0; i < 3; i++ {
					if got := s.hit(i).body; got != `{"name":"PyGuard"}` {
						t.Errorf("attempt %d body %q: not rewound", i+1, got)
					}
				}
			}
		})
	}
}

func TestNonIdempotentNotRetriedOnAmbiguousErrors(t *testing.T) {
	for _, code := range []int{500, 504} {
		s := newServer(t, func(i int, w http.ResponseWriter) { w.WriteHeader(code) })
		resp, _, err := do(t, client(fastOpts), context.Background(), http.MethodPost, s.URL+"/x", "{}")
		if err != nil || resp.StatusCode != code || s.count() != 1 {
			t.Fatalf("POST %d: err %v, resp %v, %d requests; want it returned at once", code, err, resp, s.count())
		}
		// The same status is retried for GET.
		s2 := newServer(t, func(i int, w http.ResponseWriter) {
			if i == 0 {
				w.WriteHeader(code)
			}
		})
		resp, _, err = do(t, client(fastOpts), context.Background(), http.MethodGet, s2.URL+"/x", "")
		if err != nil || resp.StatusCode != 200 || s2.count() != 2 {
			t.Fatalf("GET %d: err %v, resp %v, %d requests; want a retry", code, err, resp, s2.count())
		}
	}
}

func TestSecondaryRateLimitRetryAfter(t *testing.T) {
	for _, code := range []int{403, 429} {
		t.Run(strconv.Itoa(code), func(t *testing.T) {
			s := newServer(t, func(i int, w http.ResponseWriter) {
				if i == 0 {
					w.Header().Set("Retry-After", "1")
					w.WriteHeader(code)
					fmt.Fprint(w, `{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again."}`)
					return
				}
				fmt.Fprint(w, "ok")
			})
			resp, body, err := do(t, client(fastOpts), context.Background(), http.MethodPost, s.URL+"/repos/o/r/pulls/1/reviews", `{"event":"COMMENT"}`)
			if err != nil || resp.StatusCode != 200 || body != "ok" {
				t.Fatalf("got %v %v %q", err, resp, body)
			}
			if gap := s.hit(1).at.Sub(s.hit(0).at); gap < time.Second {
				t.Fatalf("retried after %v, want ≥ 1s (Retry-After)", gap)
			}
			if s.hit(1).body != `{"event":"COMMENT"}` {
				t.Fatalf("retry body %q", s.hit(1).body)
			}
		})
	}
}

func TestSecondaryRateLimitMessageOnly(t *testing.T) {
	s := newServer(t, func(i int, w http.ResponseWriter) {
		if i == 0 {
			w.WriteHeader(403)
			fmt.Fprint(w, `{"message":"You have exceeded a secondary rate limit","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}`)
			return
		}
		fmt.Fprint(w, "ok")
	})
	opt := fastOpts
	opt.SecondaryWait = 200 * time.Millisecond
	resp, _, err := do(t, client(opt), context.Background(), http.MethodGet, s.URL+"/x", "")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("got %v %v", err, resp)
	}
	if gap := s.hit(1).at.Sub(s.hit(0).at); gap < 200*time.Millisecond {
		t.Fatalf("retried after %v, want ≥ SecondaryWait", gap)
	}
}

func TestPlainForbiddenNotRetried(t *testing.T) {
	s := newServer(t, func(i int, w http.ResponseWriter) {
		w.WriteHeader(403)
		fmt.Fprint(w, `{"message":"Resource not accessible by integration"}`)
	})
	resp, body, err := do(t, client(fastOpts), context.Background(), http.MethodGet, s.URL+"/x", "")
	if err != nil || resp.StatusCode != 403 || s.count() != 1 {
		t.Fatalf("got %v %v after %d requests", err, resp, s.count())
	}
	if !strings.Contains(body, "not accessible") {
		t.Fatalf("body lost after peeking: %q", body)
	}
}

func TestPrimaryRateLimitWaitsForReset(t *testing.T) {
	var reset atomic.Int64
	s := newServer(t, func(i int, w http.ResponseWriter) {
		if i == 0 {
			r := time.Now().Add(time.Second).Unix()
			reset.Store(r)
			w.Header().Set("X-RateLimit-Limit", "5000")
			w.Header().Set("X-RateLimit-Remaining", "0")
			w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(r, 10))
			w.WriteHeader(403)
			fmt.Fprint(w, `{"message":"API rate limit exceeded for installation ID 1."}`)
			return
		}
		fmt.Fprint(w, "ok")
	})
	resp, _, err := do(t, client(fastOpts), context.Background(), http.MethodPatch, s.URL+"/repos/o/r/check-runs/1", `{"status":"completed"}`)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("got %v %v", err, resp)
	}
	if at := s.hit(1).at; at.Before(time.Unix(reset.Load(), 0)) {
		t.Fatalf("retried at %v, before the reset %v", at, time.Unix(reset.Load(), 0))
	}
}

// A successful response that exhausts the limit holds back the next call,
// also through go-github (which would otherwise refuse it on its own).
func TestPrimaryRateLimitHoldsNextCall(t *testing.T) {
	var reset atomic.Int64
	s := newServer(t, func(i int, w http.ResponseWriter) {
		w.Header().Set("Content-Type", "application/json")
		if i == 0 {
			r := time.Now().Add(time.Second).Unix()
			reset.Store(r)
			w.Header().Set("X-RateLimit-Limit", "5000")
			w.Header().Set("X-RateLimit-Remaining", "0")
			w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(r, 10))
		} else {
			w.Header().Set("X-RateLimit-Remaining", "4999")
		}
		fmt.Fprint(w, `{"id":1,"name":"r"}`)
	})
	gh := github.NewClient(client(fastOpts))
	base, _ := gh.BaseURL.Parse(s.URL + "/")
	gh.BaseURL = base
	ctx := context.Background()
	if _, _, err := gh.Repositories.Get(ctx, "o", "r"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := gh.Repositories.Get(ctx, "o", "r"); err != nil {
		t.Fatalf("second call: %v", err)
	}
	if s.count() != 2 {
		t.Fatalf("%d requests", s.count())
	}
	if at := s.hit(1).at; at.Before(time.Unix(reset.Load(), 0)) {
		t.Fatalf("second call at %v, before the reset %v", at, time.Unix(reset.Load(), 0))
	}
}

func TestContextCancelAbortsWait(t *testing.T) {
	s := newServer(t, func(i int, w http.ResponseWriter) {
		w.Header().Set("Retry-After", "30")
		w.WriteHeader(429)
	})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, _, err := do(t, client(fastOpts), ctx, http.MethodGet, s.URL+"/x", "")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Fatalf("took %v: the wait was not aborted", el)
	}
	if s.count() != 1 {
		t.Fatalf("%d requests", s.count())
	}
}

func TestNonRetryableReturnedAtOnce(t *testing.T) {
	for _, code := range []int{400, 401, 404, 409, 422} {
		s := newServer(t, func(i int, w http.ResponseWriter) {
			w.WriteHeader(code)
			fmt.Fprint(w, `{"message":"nope"}`)
		})
		start := time.Now()
		resp, body, err := do(t, client(fastOpts), context.Background(), http.MethodPost, s.URL+"/x", "{}")
		if err != nil || resp.StatusCode != code || body != `{"message":"nope"}` || s.count() != 1 {
			t.Fatalf("%d: got %v %v %q after %d requests", code, err, resp, body, s.count())
		}
		if time.Since(start) > time.Second {
			t.Fatalf("%d: waited", code)
		}
	}
}

func TestBoundExceededReturnsLastResponse(t *testing.T) {
	t.Run("attempts", func(t *testing.T) {
		s := newServer(t, func(i int, w http.ResponseWriter) {
			w.WriteHeader(503)
			fmt.Fprintf(w, "attempt %d", i+1)
		})
		opt := fastOpts
		opt.MaxAttempts = 3
		resp, body, err := do(t, client(opt), context.Background(), http.MethodGet, s.URL+"/x", "")
		if err != nil || resp.StatusCode != 503 || body != "attempt 3" || s.count() != 3 {
			t.Fatalf("got %v %v %q after %d requests", err, resp, body, s.count())
		}
	})
	t.Run("single wait", func(t *testing.T) {
		s := newServer(t, func(i int, w http.ResponseWriter) {
			w.Header().Set("Retry-After", "120")
			w.WriteHeader(403)
			fmt.Fprint(w, "slow down")
		})
		opt := fastOpts
		opt.MaxWait = time.Second
		start := time.Now()
		resp, body, err := do(t, client(opt), context.Background(), http.MethodGet, s.URL+"/x", "")
		if err != nil || resp.StatusCode != 403 || body != "slow down" || s.count() != 1 {
			t.Fatalf("got %v %v %q after %d requests", err, resp, body, s.count())
		}
		if time.Since(start) > time.Second {
			t.Fatal("waited although the wait was over the bound")
		}
	})
	t.Run("total wait", func(t *testing.T) {
		s := newServer(t, func(i int, w http.ResponseWriter) {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(429)
			fmt.Fprintf(w, "attempt %d", i+1)
		})
		opt := fastOpts
		opt.MaxTotalWait = 1500 * time.Millisecond
		resp, body, err := do(t, client(opt), context.Background(), http.MethodGet, s.URL+"/x", "")
		if err != nil || resp.StatusCode != 429 || body != "attempt 2" || s.count() != 2 {
			t.Fatalf("got %v %v %q after %d requests", err, resp, body, s.count())
		}
	})
}

// fakeNext fails the first n calls with err, then delegates.
type fakeNext struct {
	n     int
	err   func() error
	calls int
	next  http.RoundTripper
}

func (f *fakeNext) RoundTrip(r *http.Request) (*http.Response, error) {
	f.calls++
	if f.calls <= f.n {
		if r.Body != nil {
			r.Body.Close()
		}
		return nil, f.err()
	}
	return f.next.RoundTrip(r)
}

func TestNetworkErrors(t *testing.T) {
	refused := func() error {
		return &net.OpError{Op: "dial", Net: "tcp", Err: &net.OpError{Op: "connect", Err: syscall.ECONNREFUSED}}
	}
	reset := func() error { return &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET} }
	eof := func() error { return io.ErrUnexpectedEOF }
	tokenBadGateway := func() error {
		return &ghinstallation.HTTPError{Message: "received non 2xx response status", Response: &http.Response{
			StatusCode: 502, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(""))}}
	}
	tokenUnauthorized := func() error {
		return &ghinstallation.HTTPError{Message: "received non 2xx response status", Response: &http.Response{
			StatusCode: 401, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(""))}}
	}
	cases := []struct {
		name   string
		method string
		err    func() error
		retry  bool
	}{
		{"refused GET", "GET", refused, true},
		{"refused POST", "POST", refused, true},
		{"reset GET", "GET", reset, true},
		{"reset POST", "POST", reset, false},
		{"eof PUT", "PUT", eof, true},
		{"eof PATCH", "PATCH", eof, false},
		{"token 502 POST", "POST", tokenBadGateway, true},
		{"token 401 GET", "GET", tokenUnauthorized, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newServer(t, func(i int, w http.ResponseWriter) { fmt.Fprint(w, "ok") })
			f := &fakeNext{n: 2, err: c.err, next: http.DefaultTransport}
			hc := &http.Client{Transport: New(f, fastOpts)}
			resp, _, err := do(t, hc, context.Background(), c.method, s.URL+"/x", "body")
			if c.retry {
				if err != nil || resp.StatusCode != 200 || f.calls != 3 || s.hit(0).body != "body" {
					t.Fatalf("got %v %v after %d calls", err, resp, f.calls)
				}
			} else if err == nil || f.calls != 1 {
				t.Fatalf("got %v %v after %d calls; want the error at once", err, resp, f.calls)
			}
		})
	}
}

func TestUnrewindableBodyNotRetried(t *testing.T) {
	s := newServer(t, func(i int, w http.ResponseWriter) { w.WriteHeader(502) })
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/x", io.NopCloser(strings.NewReader("x")))
	req.GetBody = nil
	resp, err := client(fastOpts).Do(req)
	if err != nil || resp.StatusCode != 502 || s.count() != 1 {
		t.Fatalf("got %v %v after %d requests", err, resp, s.count())
	}
	resp.Body.Close()
}

func TestWaitsAreLogged(t *testing.T) {
	s := newServer(t, func(i int, w http.ResponseWriter) {
		if i == 0 {
			w.WriteHeader(502)
			return
		}
		fmt.Fprint(w, "ok")
	})
	var buf bytes.Buffer
	logger := zerolog.New(&buf)
	ctx := logger.WithContext(context.Background())
	if _, _, err := do(t, client(fastOpts), ctx, http.MethodGet, s.URL+"/repos/o/r/pulls/1/files", ""); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`"level":"warn"`, `"status":502`, `"attempt":1`, `"wait":`, `"path":"/repos/o/r/pulls/1/files"`, "retrying"} {
		if !strings.Contains(out, want) {
			t.Errorf("log %q lacks %s", out, want)
		}
	}
}

func TestBackoffBounded(t *testing.T) {
	tr := New(nil, Options{BaseDelay: 100 * time.Millisecond, MaxDelay: time.Second})
	for attempt := 1; attempt < 40; attempt++ {
		d := tr.backoff(attempt)
		if d < 50*time.Millisecond || d > time.Second {
			t.Fatalf("attempt %d: backoff %v out of range", attempt, d)
		}
	}
}
