package webhook

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pyguard/pyguard/review"
)

// reviewEvents are the events parseTarget reads; every fuzz body is tried
// as each of them.
var reviewEvents = []string{"pull_request", "check_suite", "check_run"}

// addPayloadSeeds adds each of GitHub's example bodies (testdata/payloads)
// with add; the committed corpus under testdata/fuzz holds the rest.
func addPayloadSeeds(f *testing.F, add func(name string, body []byte)) {
	files, err := filepath.Glob(filepath.Join("testdata", "payloads", "*.json"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no payload examples: %v", err)
	}
	for _, file := range files {
		body, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		add(filepath.Base(file), body)
	}
}

// FuzzParseTarget: on any body, as any review event, parseTarget never
// panics; it either refuses with an error wrapping errBadPayload, ignores
// with a reason, or returns a target a review can run on.
func FuzzParseTarget(f *testing.F) {
	addPayloadSeeds(f, func(name string, body []byte) {
		for _, app := range []int64{1, appRun, appSuite, 25811} {
			f.Add(body, app)
		}
	})
	f.Add([]byte(`{"action":"opened","number":-1,"pull_request":{"head":{"sha":"a"}},"repository":{"full_name":"o/r"},"installation":{"id":1}}`), int64(1))
	f.Add([]byte(`{"action":"opened","number":1,"pull_request":{"head":{"sha":"a"}},"repository":{"full_name":"o/r/x"},"installation":{"id":1}}`), int64(1))
	f.Add([]byte(`{"action":"requested","check_suite":{"head_sha":"a","pull_requests":[null,{"number":3,"base":{"repo":{"id":7}}}]},"repository":{"id":7,"name":"r","owner":{"login":"o"}},"installation":{"id":-5}}`), int64(1))
	f.Add([]byte("\xff\xfe{"), int64(1))
	f.Add([]byte(strings.Repeat("[", 20000)), int64(1))

	f.Fuzz(func(t *testing.T, body []byte, appID int64) {
		defer time.AfterFunc(2*time.Second, func() { panic(fmt.Sprintf("one body took over 2s: %q", body)) }).Stop()
		for _, event := range reviewEvents {
			tg, ignore, err := parseTarget(event, body, appID)
			switch {
			case err != nil:
				if !errors.Is(err, errBadPayload) {
					t.Fatalf("%s: error %v does not wrap errBadPayload", event, err)
				}
			case ignore != "":
			default:
				checkTarget(t, event, tg)
			}
		}
	})
}

// checkTarget fails unless tg names a review the reviewer can run: an
// installation to act as, a repository and a head commit whose names are
// single URL path segments, and no negative number.
func checkTarget(t *testing.T, event string, tg review.Target) {
	t.Helper()
	if tg.InstallationID <= 0 {
		t.Fatalf("%s: target without a usable installation: %+v", event, tg)
	}
	for what, v := range map[string]string{"owner": tg.Owner, "repo": tg.Repo, "head SHA": tg.HeadSHA} {
		if v == "" || v == "." || v == ".." || strings.ContainsAny(v, "/?#%\\") || strings.IndexFunc(v, isSpaceOrControl) >= 0 {
			t.Fatalf("%s: target with %s %q: %+v", event, what, v, tg)
		}
	}
	if tg.Number < 0 || tg.CheckRunID < 0 {
		t.Fatalf("%s: negative number in target %+v", event, tg)
	}
	if !strings.HasPrefix(tg.Event, event+".") {
		t.Fatalf("%s: target event %q", event, tg.Event)
	}
}

func isSpaceOrControl(r rune) bool { return r <= ' ' || r == 0x7f }

// acceptQueue takes every target at once and runs none: the fuzz target
// checks the receiver, not the durable queue (its own tests do), and stays
// fast.
type acceptQueue struct {
	mu      sync.Mutex
	targets []review.Target
}

func (q *acceptQueue) Enqueue(_ context.Context, t review.Target) (coalesced bool, err error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.targets = append(q.targets, t)
	return false, nil
}

func (q *acceptQueue) Shutdown(context.Context) error { return nil }

// take returns and forgets the targets queued so far.
func (q *acceptQueue) take() []review.Target {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := q.targets
	q.targets = nil
	return out
}

// How FuzzSignature signs a request.
const (
	sigCorrect      = iota // sign(body, testSecret)
	sigCorrectUpper        // the same in upper-case hex
	sigRaw                 // the fuzzed header value as it is
	sigOtherSecret         // signed with another secret
	sigMissing             // no X-Hub-Signature-256
	sigSHA1Only            // only the legacy X-Hub-Signature (sha1)
	sigModes
)

var fuzzContentTypes = []string{"application/json", "application/x-www-form-urlencoded", "", "text/plain; charset=utf-8", "application/json; charset=\xff"}

// FuzzSignature posts arbitrary bodies with arbitrary headers to the
// receiver: it never panics and never answers 5xx; a request whose
// X-Hub-Signature-256 is not the body's HMAC-SHA256 under the secret is
// always 401 and queues nothing; a correctly signed one is never 401.
func FuzzSignature(f *testing.F) {
	addPayloadSeeds(f, func(name string, body []byte) {
		event, _, _ := strings.Cut(name, ".")
		for mode := range byte(sigModes) {
			f.Add(event, "d-"+name, body, mode, "", byte(0))
		}
	})
	f.Add("pull_request", "d", []byte(`{`), byte(sigCorrect), "", byte(0))
	f.Add("", "d", []byte(`{}`), byte(sigRaw), "sha256=00", byte(0))
	f.Add("ping", "", []byte(`{}`), byte(sigRaw), "sha256=zz", byte(2))
	f.Add("push", "d", []byte("payload=%7B%7D"), byte(sigCorrect), "", byte(1))
	f.Add("check_run", "d", []byte("\x00\xff"), byte(sigRaw), "sha1=00", byte(3))

	q := &acceptQueue{}
	s, err := NewHandler(Config{Secret: testSecret, AppID: appRun, Queue: q})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, event, delivery string, body []byte, mode byte, header string, ct byte) {
		defer time.AfterFunc(2*time.Second, func() {
			panic(fmt.Sprintf("one request took over 2s: event %q body %q signature mode %d %q", event, body, mode, header))
		}).Stop()
		r := newRequest(event, delivery, body)
		r.Header.Set("Content-Type", fuzzContentTypes[int(ct)%len(fuzzContentTypes)])
		correct := true
		switch mode % sigModes {
		case sigCorrectUpper:
			r.Header.Set(signatureHeader, signaturePrefix+strings.ToUpper(strings.TrimPrefix(sign(body, testSecret), signaturePrefix)))
		case sigRaw:
			r.Header.Set(signatureHeader, header)
			correct = signatureMatches(header, body)
		case sigOtherSecret:
			r.Header.Set(signatureHeader, sign(body, testSecret+"x"))
			correct = false
		case sigMissing:
			r.Header.Del(signatureHeader)
			correct = false
		case sigSHA1Only:
			r.Header.Del(signatureHeader)
			r.Header.Set("X-Hub-Signature", signSHA1(body, testSecret))
			correct = false
		}
		w := serve(s, r)
		queued := q.take()
		if w.Code >= 500 {
			t.Fatalf("status %d (%q) for event %q", w.Code, w.Body, event)
		}
		if !correct {
			if w.Code != http.StatusUnauthorized {
				t.Fatalf("wrong signature answered %d (%q), want 401; event %q", w.Code, w.Body, event)
			}
			if len(queued) != 0 {
				t.Fatalf("wrong signature queued %+v", queued)
			}
			return
		}
		if w.Code == http.StatusUnauthorized {
			t.Fatalf("correctly signed body answered 401 (%q); event %q", w.Body, event)
		}
		if (w.Code == http.StatusAccepted) != (len(queued) == 1) || len(queued) > 1 {
			t.Fatalf("status %d with %d targets queued", w.Code, len(queued))
		}
		for _, tg := range queued {
			checkTarget(t, event, tg)
		}
	})
}

// signatureMatches reports whether header is what GitHub would send for
// body: "sha256=" and the hex HMAC-SHA256 under testSecret (either case).
func signatureMatches(header string, body []byte) bool {
	hexMAC, ok := strings.CutPrefix(header, signaturePrefix)
	if !ok {
		return false
	}
	got, err := hex.DecodeString(hexMAC)
	if err != nil {
		return false
	}
	m := hmac.New(sha256.New, []byte(testSecret))
	m.Write(body)
	return bytes.Equal(got, m.Sum(nil))
}
