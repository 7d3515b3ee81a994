package webhook

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/pyguard/pyguard/review"
)

func TestSignature(t *testing.T) {
	body := readPayload(t, "pull_request.opened.json")
	cases := []struct {
		name string
		set  func(r *http.Request)
		code int
	}{
		{"valid", func(r *http.Request) {}, 202},
		{"missing", func(r *http.Request) { r.Header.Del("X-Hub-Signature-256") }, 401},
		{"wrong secret", func(r *http.Request) { r.Header.Set("X-Hub-Signature-256", sign(body, "not the secret")) }, 401},
		{"other body", func(r *http.Request) {
			r.Header.Set("X-Hub-Signature-256", sign(append([]byte(" "), body...), testSecret))
		}, 401},
		{"empty", func(r *http.Request) { r.Header.Set("X-Hub-Signature-256", "") }, 401},
		{"prefix only", func(r *http.Request) { r.Header.Set("X-Hub-Signature-256", "sha256=") }, 401},
		{"not hex", func(r *http.Request) { r.Header.Set("X-Hub-Signature-256", "sha256=zz") }, 401},
		{"no prefix", func(r *http.Request) {
			r.Header.Set("X-Hub-Signature-256", strings.TrimPrefix(sign(body, testSecret), "sha256="))
		}, 401},
		// go-github would accept a correct HMAC-SHA1 here; the contract
		// wants SHA-256.
		{"sha1 in the sha256 header", func(r *http.Request) { r.Header.Set("X-Hub-Signature-256", signSHA1(body, testSecret)) }, 401},
		{"only the legacy sha1 header", func(r *http.Request) {
			r.Header.Del("X-Hub-Signature-256")
			r.Header.Set("X-Hub-Signature", signSHA1(body, testSecret))
		}, 401},
		{"upper-case hex", func(r *http.Request) {
			r.Header.Set("X-Hub-Signature-256", "sha256="+strings.ToUpper(strings.TrimPrefix(sign(body, testSecret), "sha256=")))
		}, 202},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newTestServer(t, 1, nil, nil)
			r := newRequest("pull_request", "d-1", body)
			c.set(r)
			w := serve(s, r)
			if w.Code != c.code {
				t.Fatalf("status %d, want %d (body %q)", w.Code, c.code, w.Body)
			}
			s.drain(t)
			if want := map[bool]int{true: 1, false: 0}[c.code == 202]; len(s.runner.Calls()) != want {
				t.Fatalf("%d reviews, want %d", len(s.runner.Calls()), want)
			}
			if strings.Contains(s.logs.String(), testSecret) {
				t.Fatal("the secret was logged")
			}
		})
	}
}

func TestStatusCodes(t *testing.T) {
	s := newTestServer(t, 1, nil, nil)
	t.Run("malformed JSON, valid signature", func(t *testing.T) {
		for _, event := range []string{"pull_request", "check_suite", "check_run", "ping", "push"} {
			if w := post(s, event, "d-bad-"+event, []byte(`{"action": "opened", `)); w.Code != http.StatusBadRequest {
				t.Errorf("%s: status %d, want 400", event, w.Code)
			}
		}
	})
	t.Run("malformed JSON, bad signature is 401 first", func(t *testing.T) {
		r := newRequest("pull_request", "d", []byte(`{`))
		r.Header.Set("X-Hub-Signature-256", sign([]byte(`}`), testSecret))
		if w := serve(s, r); w.Code != http.StatusUnauthorized {
			t.Errorf("status %d, want 401", w.Code)
		}
	})
	t.Run("unknown event", func(t *testing.T) {
		if w := post(s, "no_such_event", "d-unknown", []byte(`{"action":"opened"}`)); w.Code != http.StatusOK {
			t.Errorf("status %d, want 200", w.Code)
		}
	})
	t.Run("other known event", func(t *testing.T) {
		if w := post(s, "push", "d-push", []byte(`{"ref":"refs/heads/main"}`)); w.Code != http.StatusOK {
			t.Errorf("status %d, want 200", w.Code)
		}
	})
	t.Run("missing event header", func(t *testing.T) {
		if w := post(s, "", "d-noevent", readPayload(t, "pull_request.opened.json")); w.Code != http.StatusBadRequest {
			t.Errorf("status %d, want 400", w.Code)
		}
	})
	t.Run("no content type", func(t *testing.T) {
		r := newRequest("pull_request", "d-noct", prPayload(t, "opened", 10, "sha-noct"))
		r.Header.Del("Content-Type")
		if w := serve(s, r); w.Code != http.StatusAccepted {
			t.Errorf("status %d, want 202", w.Code)
		}
	})
	t.Run("form encoded", func(t *testing.T) {
		form := []byte(url.Values{"payload": {string(prPayload(t, "opened", 11, "sha-form"))}}.Encode())
		r := newRequest("pull_request", "d-form", form)
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if w := serve(s, r); w.Code != http.StatusAccepted {
			t.Errorf("status %d, want 202 (%s)", w.Code, w.Body)
		}
	})
	t.Run("healthz", func(t *testing.T) {
		w := serve(s, httptest.NewRequest(http.MethodGet, "/healthz", nil))
		if w.Code != http.StatusOK || w.Body.String() != "ok" {
			t.Errorf("healthz: %d %q, want 200 \"ok\"", w.Code, w.Body)
		}
	})
	t.Run("GET /webhook", func(t *testing.T) {
		if w := serve(s, httptest.NewRequest(http.MethodGet, "/webhook", nil)); w.Code != http.StatusMethodNotAllowed {
			t.Errorf("status %d, want 405", w.Code)
		}
	})
	s.drain(t)
	if n := len(s.runner.Calls()); n != 2 {
		t.Errorf("%d reviews, want 2 (no content type, form)", n)
	}
}

func TestBodyLimit(t *testing.T) {
	big := bytes.Repeat([]byte(" "), int(DefaultMaxBodyBytes)+1)
	copy(big, `{"action":"opened"}`)
	s := newTestServer(t, 1, nil, nil)
	t.Run("declared length, signed", func(t *testing.T) {
		if w := post(s, "pull_request", "d-big", big); w.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("status %d, want 413", w.Code)
		}
	})
	t.Run("declared length, unsigned", func(t *testing.T) {
		r := newRequest("pull_request", "d-big2", big)
		r.Header.Del("X-Hub-Signature-256")
		if w := serve(s, r); w.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("status %d, want 413", w.Code)
		}
	})
	t.Run("chunked, signed", func(t *testing.T) {
		r := newRequest("pull_request", "d-big3", nil)
		r.Header.Set("X-Hub-Signature-256", sign(big, testSecret))
		r.Body = io.NopCloser(bytes.NewReader(big))
		r.ContentLength = -1
		if w := serve(s, r); w.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("status %d, want 413", w.Code)
		}
	})
	t.Run("over a smaller configured limit", func(t *testing.T) {
		small := newTestServer(t, 1, nil, func(c *Config) { c.MaxBodyBytes = 1000 })
		body := readPayload(t, "pull_request.opened.json")
		if w := post(small, "pull_request", "d", body); w.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("status %d, want 413", w.Code)
		}
	})
	t.Run("just under the limit", func(t *testing.T) {
		body := prPayload(t, "opened", 3, "sha-under")
		padded := append(body, bytes.Repeat([]byte(" "), int(DefaultMaxBodyBytes)-len(body))...)
		if w := post(s, "pull_request", "d-under", padded); w.Code != http.StatusAccepted {
			t.Errorf("status %d, want 202", w.Code)
		}
	})
}

func TestNewHandlerValidation(t *testing.T) {
	q := startQueue(t, testQueueConfig(t, &fakeRunner{}, zerolog.Nop()))
	for name, cfg := range map[string]Config{
		"no secret": {AppID: 1, Queue: q},
		"no app id": {Secret: "s", Queue: q},
		"no queue":  {Secret: "s", AppID: 1},
	} {
		if _, err := NewHandler(cfg); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// The answer does not wait for the review: with a Runner that blocks, every
// delivery is answered 202 quickly, over a real connection.
func TestAnswersBeforeReviewing(t *testing.T) {
	release := make(chan struct{})
	runner := &fakeRunner{fn: func(ctx context.Context, _ review.Target) error {
		select {
		case <-release:
		case <-ctx.Done():
		}
		return nil
	}}
	s := newTestServerQ(t, 1, runner, nil, func(c *QueueConfig) { c.Workers = 2 })
	ts := httptest.NewServer(s)
	defer ts.Close()

	for i := 1; i <= 10; i++ {
		body := prPayload(t, "synchronize", i, "sha-"+strconv.Itoa(i))
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/webhook", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-GitHub-Event", "pull_request")
		req.Header.Set("X-GitHub-Delivery", "d-"+strconv.Itoa(i))
		req.Header.Set("X-Hub-Signature-256", sign(body, testSecret))
		start := time.Now()
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close()
		if took := time.Since(start); took > 100*time.Millisecond {
			t.Errorf("delivery %d answered in %v, want < 100ms", i, took)
		}
		if resp.StatusCode != http.StatusAccepted {
			t.Errorf("delivery %d: status %d, want 202", i, resp.StatusCode)
		}
	}
	// Nothing finished: the reviews are still blocked behind release.
	if got := runner.MaxConcurrent(); got > 2 {
		t.Errorf("%d concurrent reviews, want at most 2 workers", got)
	}
	close(release)
	waitFor(t, "10 reviews", func() bool { return len(runner.Calls()) == 10 })
	s.drain(t)
	if n := len(runner.Calls()); n != 10 {
		t.Errorf("%d reviews, want 10", n)
	}
}

// When the database cannot take the job the delivery is refused with 503
// and Retry-After (GitHub shows it as failed; `pyguard redeliver` sends it
// again), never acknowledged and lost.
func TestQueueUnavailable(t *testing.T) {
	s := newTestServer(t, 1, nil, nil)
	s.queue.store.close() // the database goes away
	w := post(s, "pull_request", "d-1", prPayload(t, "opened", 1, "a"))
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" {
		t.Fatalf("status %d Retry-After %q, want 503 with Retry-After", w.Code, w.Header().Get("Retry-After"))
	}
	if !strings.Contains(s.logs.String(), "review queue unavailable") {
		t.Error("the refusal is not logged")
	}
}
