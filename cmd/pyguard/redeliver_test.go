package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pyguard/pyguard/internal/fakegithub"
)

const redeliverAppID = 42

// One App key for every fake of these tests: RSA generation is slow.
var (
	redeliverKeyOnce sync.Once
	redeliverKeyPEM  []byte
)

func newDeliveriesFake(t *testing.T) *fakegithub.Server {
	t.Helper()
	redeliverKeyOnce.Do(func() { _, redeliverKeyPEM = fakegithub.GenerateKey(t) })
	return fakegithub.New(t, fakegithub.Options{AppID: redeliverAppID, PrivateKeyPEM: redeliverKeyPEM})
}

type redeliverOutput struct {
	stdout, stderr string
	code           int
}

// redeliverAgainst runs the command in process against fake with env
// (merged over the fake's App id, key and URL).
func redeliverAgainst(t *testing.T, fake *fakegithub.Server, env map[string]string, args ...string) redeliverOutput {
	t.Helper()
	vars := map[string]string{
		envAppID:      "42",
		envPrivateKey: string(fake.PrivateKeyPEM()),
		envGitHubURL:  fake.URL(),
	}
	for k, v := range env {
		vars[k] = v
	}
	var out, errout bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	code := redeliverCommand(ctx, stdio{out: &out, errout: &errout}, args, func(k string) string { return vars[k] })
	return redeliverOutput{out.String(), errout.String(), code}
}

func redeliveredIDs(fake *fakegithub.Server) []int64 {
	var ids []int64
	for _, r := range fake.Redeliveries() {
		ids = append(ids, r.DeliveryID)
	}
	return ids
}

func sameIDs(got, want []int64) bool {
	if len(got) != len(want) {
		return false
	}
	seen := map[int64]int{}
	for _, id := range got {
		seen[id]++
	}
	for _, id := range want {
		if seen[id]--; seen[id] < 0 {
			return false
		}
	}
	return true
}

func TestRedeliverFailedOnceSkipsSucceeded(t *testing.T) {
	fake := newDeliveriesFake(t)
	now := time.Now()
	ago := func(d time.Duration) time.Time { return now.Add(-d) }

	// Failed twice (original 502, redelivery 503): redelivered once, the
	// latest attempt.
	fake.AddDelivery(fakegithub.Delivery{GUID: "guid-a", DeliveredAt: ago(3 * time.Hour), StatusCode: 502,
		Event: "pull_request", Action: "opened", InstallationID: 7, RepositoryID: 99})
	aLatest := fake.AddDelivery(fakegithub.Delivery{GUID: "guid-a", DeliveredAt: ago(2 * time.Hour), StatusCode: 503,
		Redelivery: true, Event: "pull_request", Action: "opened", InstallationID: 7, RepositoryID: 99})
	// Succeeded: nothing to do.
	fake.AddDelivery(fakegithub.Delivery{GUID: "guid-b", DeliveredAt: ago(time.Hour), StatusCode: 200, Event: "pull_request", Action: "synchronize"})
	// Timed out (no status code).
	c := fake.AddDelivery(fakegithub.Delivery{GUID: "guid-c", DeliveredAt: ago(30 * time.Minute), StatusCode: 0, Status: "timed out", Event: "check_suite", Action: "requested"})
	// Failed, then a redelivery succeeded: skipped.
	fake.AddDelivery(fakegithub.Delivery{GUID: "guid-d", DeliveredAt: ago(20 * time.Minute), StatusCode: 500, Event: "pull_request", Action: "reopened"})
	fake.AddDelivery(fakegithub.Delivery{GUID: "guid-d", DeliveredAt: ago(10 * time.Minute), StatusCode: 202, Redelivery: true, Event: "pull_request", Action: "reopened"})

	r := redeliverAgainst(t, fake, nil)
	if r.code != exitOK {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if got := redeliveredIDs(fake); !sameIDs(got, []int64{aLatest, c}) {
		t.Fatalf("redelivered %v, want [%d %d]\n%s", got, aLatest, c, r.stdout)
	}
	for _, want := range []string{"guid-a", "guid-c", "pull_request", "opened", "503", "0 (timed out)", "99", "redelivered",
		"redelivery requests accepted: 2, refused: 0"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	for _, unwanted := range []string{"guid-b", "guid-d"} {
		if strings.Contains(r.stdout, unwanted) {
			t.Errorf("output lists %s, which succeeded:\n%s", unwanted, r.stdout)
		}
	}
	// Oldest first: the order events happened in.
	if strings.Index(r.stdout, "guid-a") > strings.Index(r.stdout, "guid-c") {
		t.Errorf("not oldest first:\n%s", r.stdout)
	}

	// The redeliveries show up as successful attempts: a second run has
	// nothing to do.
	if n := len(fake.Deliveries()); n != 8 {
		t.Errorf("%d deliveries listed after redelivery, want 8", n)
	}
	r = redeliverAgainst(t, fake, nil)
	if r.code != exitOK || !strings.Contains(r.stdout, "No failed deliveries") || len(fake.Redeliveries()) != 2 {
		t.Fatalf("second run: exit %d, %d redeliveries\n%s%s", r.code, len(fake.Redeliveries()), r.stdout, r.stderr)
	}
}

func TestRedeliverSinceBound(t *testing.T) {
	fake := newDeliveriesFake(t)
	now := time.Now()
	recent := fake.AddDelivery(fakegithub.Delivery{GUID: "recent", DeliveredAt: now.Add(-2 * time.Hour), StatusCode: 502, Event: "pull_request"})
	day := fake.AddDelivery(fakegithub.Delivery{GUID: "yesterday", DeliveredAt: now.Add(-30 * time.Hour), StatusCode: 502, Event: "pull_request"})
	// Past GitHub's three days: not even listed.
	fake.AddDelivery(fakegithub.Delivery{GUID: "gone", DeliveredAt: now.Add(-80 * time.Hour), StatusCode: 502, Event: "pull_request"})

	r := redeliverAgainst(t, fake, nil, "--since", "1h", "--dry-run")
	if r.code != exitOK || !strings.Contains(r.stdout, "No failed deliveries") {
		t.Fatalf("--since 1h: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = redeliverAgainst(t, fake, nil, "--dry-run") // default 24h
	if r.code != exitOK || !strings.Contains(r.stdout, "recent") || strings.Contains(r.stdout, "yesterday") {
		t.Fatalf("default since: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = redeliverAgainst(t, fake, nil, "--since", "3d")
	if r.code != exitOK {
		t.Fatalf("--since 3d: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if got := redeliveredIDs(fake); !sameIDs(got, []int64{recent, day}) {
		t.Errorf("--since 3d redelivered %v, want [%d %d]", got, recent, day)
	}

	for _, bad := range []string{"0", "-1h", "soon", "1.5d"} {
		if r := redeliverAgainst(t, fake, nil, "--since", bad); r.code != exitError || !strings.Contains(r.stderr, "--since") {
			t.Errorf("--since %s: exit %d, stderr %q", bad, r.code, r.stderr)
		}
	}
}

func TestRedeliverDryRunAndJSON(t *testing.T) {
	fake := newDeliveriesFake(t)
	id := fake.AddDelivery(fakegithub.Delivery{GUID: "g1", DeliveredAt: time.Now().Add(-time.Hour), StatusCode: 502,
		Event: "pull_request", Action: "opened", InstallationID: 7, RepositoryID: 99})
	fake.AddDelivery(fakegithub.Delivery{GUID: "g2", DeliveredAt: time.Now().Add(-time.Hour), StatusCode: 500, Event: "check_suite", Action: "requested"})

	r := redeliverAgainst(t, fake, nil, "--dry-run", "--json", "--event", "pull_request")
	if r.code != exitOK {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if n := fake.CallCount(fakegithub.RouteRedeliverHook); n != 0 {
		t.Fatalf("--dry-run sent %d redelivery requests", n)
	}
	var rep redeliverReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("--json output: %v\n%s", err, r.stdout)
	}
	if !rep.DryRun || rep.Listed != 2 || rep.Redelivered != 0 || len(rep.Deliveries) != 1 {
		t.Fatalf("report %+v", rep)
	}
	d := rep.Deliveries[0]
	if d.DeliveryID != id || d.GUID != "g1" || d.Event != "pull_request" || d.Action != "opened" || d.StatusCode != 502 ||
		d.RepositoryID != 99 || d.InstallationID != 7 || d.Attempts != 1 || d.Result != resultWouldRedeliver {
		t.Errorf("delivery %+v", d)
	}

	// Events as a comma list and repeated.
	r = redeliverAgainst(t, fake, nil, "--event", "push,check_suite", "--event", "pull_request")
	if r.code != exitOK || len(fake.Redeliveries()) != 2 {
		t.Fatalf("exit %d, %d redeliveries\n%s%s", r.code, len(fake.Redeliveries()), r.stdout, r.stderr)
	}
}

func TestRedeliverPagesThroughCursor(t *testing.T) {
	fake := newDeliveriesFake(t)
	now := time.Now()
	var want []int64
	for i := range 250 {
		code := 200
		if i%25 == 0 {
			code = 502
		}
		id := fake.AddDelivery(fakegithub.Delivery{DeliveredAt: now.Add(-time.Duration(i) * time.Minute), StatusCode: code, Event: "pull_request", Action: "synchronize"})
		if code != 200 {
			want = append(want, id)
		}
	}
	r := redeliverAgainst(t, fake, nil, "--since", "6h")
	if r.code != exitOK {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if got := redeliveredIDs(fake); !sameIDs(got, want) {
		t.Fatalf("redelivered %d (%v), want %d (%v)", len(got), got, len(want), want)
	}
	waitForCalls(fake, fakegithub.RouteListHookDeliveries, 3)
	var lists []fakegithub.Call
	for _, c := range fake.Calls() {
		if c.Route == fakegithub.RouteListHookDeliveries {
			lists = append(lists, c)
		}
	}
	if len(lists) != 3 {
		t.Fatalf("%d list calls, want 3 pages of 100", len(lists))
	}
	// The fake logs a call when its handler returns, so the order of the
	// log may differ from the order of the requests: one first page (no
	// cursor) and two pages with distinct cursors, in any order.
	cursors := map[string]bool{}
	for i, c := range lists {
		q, _ := url.ParseQuery(c.Query)
		if q.Get("per_page") != "100" {
			t.Errorf("page %d: query %q", i+1, c.Query)
		}
		if cur := q.Get("cursor"); cursors[cur] {
			t.Errorf("cursor %q requested twice", cur)
		} else {
			cursors[cur] = true
		}
	}
	if !cursors[""] || len(cursors) != 3 {
		t.Errorf("cursors %v, want the first page and two distinct cursors", cursors)
	}

	// The listing stops at the first page reaching past --since.
	fake.ResetCalls()
	if r := redeliverAgainst(t, fake, nil, "--since", "30m", "--dry-run"); r.code != exitOK {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if n := waitForCalls(fake, fakegithub.RouteListHookDeliveries, 1); n != 1 {
		t.Errorf("--since 30m listed %d pages, want 1", n)
	}
}

// waitForCalls waits (up to a second) until route has at least n calls in
// the fake's log and returns the count. The fake logs a call when its
// handler returns, which can be just after the client has read a large
// answer; every call but the last is logged by the time the next is sent.
func waitForCalls(fake *fakegithub.Server, route string, n int) int {
	deadline := time.Now().Add(time.Second)
	for fake.CallCount(route) < n && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	return fake.CallCount(route)
}

func TestRedeliverFaultsRetriedAndRefusalsReported(t *testing.T) {
	fake := newDeliveriesFake(t)
	fake.AddDelivery(fakegithub.Delivery{GUID: "g1", DeliveredAt: time.Now().Add(-2 * time.Hour), StatusCode: 502, Event: "pull_request"})
	fake.AddDelivery(fakegithub.Delivery{GUID: "g2", DeliveredAt: time.Now().Add(-time.Hour), StatusCode: 502, Event: "pull_request"})
	fake.Fail(fakegithub.RouteListHookDeliveries, 1, http.StatusBadGateway)     // retried
	fake.Fail(fakegithub.RouteRedeliverHook, 1, http.StatusUnprocessableEntity) // g1 refused
	r := redeliverAgainst(t, fake, nil)
	if r.code != exitFindings {
		t.Fatalf("exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	if len(fake.Redeliveries()) != 1 || fake.Redeliveries()[0].GUID != "g2" {
		t.Errorf("redeliveries %+v", fake.Redeliveries())
	}
	if !strings.Contains(r.stdout, "failed: ") || !strings.Contains(r.stdout, "GitHub answered 422 Unprocessable Entity") || !strings.Contains(r.stdout, "accepted: 1, refused: 1") {
		t.Errorf("output:\n%s", r.stdout)
	}
}

func TestRedeliverBadCredentials(t *testing.T) {
	fake := newDeliveriesFake(t)
	fake.AddDelivery(fakegithub.Delivery{DeliveredAt: time.Now().Add(-time.Hour), StatusCode: 502, Event: "pull_request"})
	_, otherKey := fakegithub.GenerateKey(t)
	for name, env := range map[string]map[string]string{
		"another key":    {envPrivateKey: string(otherKey)},
		"another app id": {envAppID: "43"},
	} {
		r := redeliverAgainst(t, fake, env)
		if r.code != exitError {
			t.Errorf("%s: exit %d, want 2\n%s%s", name, r.code, r.stdout, r.stderr)
		}
		if !strings.Contains(r.stderr, "401") || !strings.Contains(r.stderr, "refused the App's credentials") || !strings.Contains(r.stderr, envAppID) {
			t.Errorf("%s: stderr %q", name, r.stderr)
		}
		if strings.Contains(r.stderr+r.stdout, "PRIVATE KEY") || strings.Contains(r.stderr+r.stdout, string(otherKey[40:80])) {
			t.Errorf("%s: the key is printed", name)
		}
	}
	if n := fake.CallCount(fakegithub.RouteRedeliverHook); n != 0 {
		t.Errorf("%d redelivery requests with bad credentials", n)
	}
	for _, c := range fake.Calls() {
		if c.Status != http.StatusUnauthorized {
			t.Errorf("call %s answered %d", c.Route, c.Status)
		}
	}
}

func TestRedeliverConfigErrors(t *testing.T) {
	fake := newDeliveriesFake(t)
	cases := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"no app id", map[string]string{envAppID: ""}, nil, envAppID + " is required"},
		{"no key", map[string]string{envPrivateKey: ""}, nil, "private key is required"},
		{"bad key", map[string]string{envPrivateKey: "-----BEGIN RSA PRIVATE KEY-----\nnope\n-----END RSA PRIVATE KEY-----"}, nil, "not a valid RSA private key"},
		{"bad url", map[string]string{envGitHubURL: "ftp://x"}, nil, envGitHubURL},
		{"operand", nil, []string{"extra"}, "unexpected argument"},
		{"bad flag", nil, []string{"--nope"}, "not defined: -nope"},
	}
	for _, tc := range cases {
		r := redeliverAgainst(t, fake, tc.env, tc.args...)
		if r.code != exitError || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%s: exit %d, stderr %q", tc.name, r.code, r.stderr)
		}
		if strings.Contains(r.stderr, "BEGIN RSA") {
			t.Errorf("%s: key material printed", tc.name)
		}
	}
	if n := fake.CallCount(""); n != 0 {
		t.Errorf("%d calls despite configuration errors", n)
	}
}

// The binary: registered, configured from the environment, without the
// webhook secret.
func TestRedeliverBinary(t *testing.T) {
	if r := pyguard(t, "", "", "help").wantCode(t, 0); !strings.Contains(r.stdout, "  redeliver") {
		t.Errorf("help lacks redeliver:\n%s", r.stdout)
	}
	if r := pyguard(t, "", "", "help", "redeliver").wantCode(t, 0); !strings.Contains(r.stdout, "-since") {
		t.Errorf("help redeliver:\n%s", r.stdout)
	}
	fake := newDeliveriesFake(t)
	fake.AddDelivery(fakegithub.Delivery{GUID: "g1", DeliveredAt: time.Now().Add(-time.Hour), StatusCode: 504, Event: "pull_request"})
	r := pyguardEnv(t, "", []string{envAppID + "=42", envPrivateKey + "=" + string(fake.PrivateKeyPEM()), envGitHubURL + "=" + fake.URL()}, "redeliver")
	if r.code != exitOK || len(fake.Redeliveries()) != 1 {
		t.Fatalf("exit %d, %d redeliveries\n%s%s", r.code, len(fake.Redeliveries()), r.stdout, r.stderr)
	}
}
