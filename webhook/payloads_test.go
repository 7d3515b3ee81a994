package webhook

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pyguard/pyguard/review"
)

const (
	helloHead = "ec26c3e57ca3a959ca5aad62de7213c562f8c821"
	appSuite  = 29310 // app of the check_suite examples
	appRun    = 2     // app of check_run.rerequested
)

// Every real body from GitHub's examples is signed, posted, parsed and
// routed; the exact target (or none) is asserted.
func TestPayloadExamples(t *testing.T) {
	pr := func(action string) *review.Target {
		return &review.Target{
			Event: "pull_request." + action, InstallationID: 1,
			Owner: "Codertocat", Repo: "Hello-World", Number: 2, HeadSHA: helloHead,
		}
	}
	cases := []struct {
		file  string
		event string
		appID int64
		code  int
		want  *review.Target // nil: no review
	}{
		{"pull_request.opened.json", "pull_request", 1, 202, pr("opened")},
		{"pull_request.opened.with-organization.json", "pull_request", 1, 202, pr("opened")},
		{"pull_request.synchronize.json", "pull_request", 1, 202, pr("synchronize")},
		{"pull_request.reopened.json", "pull_request", 1, 202, pr("reopened")},
		{"pull_request.ready_for_review.with-installation.json", "pull_request", 1, 202, pr("ready_for_review")},
		{"check_suite.requested.json", "check_suite", appSuite, 202, &review.Target{
			Event: "check_suite.requested", InstallationID: 957387,
			Owner: "Codertocat", Repo: "Hello-World", Number: 0, // empty pull_requests
			HeadSHA: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
		}},
		{"check_suite.rerequested.json", "check_suite", appSuite, 202, &review.Target{
			Event: "check_suite.rerequested", InstallationID: 957387,
			Owner: "Codertocat", Repo: "Hello-World", Number: 2, HeadSHA: helloHead,
		}},
		{"check_run.rerequested.json", "check_run", appRun, 202, &review.Target{
			Event: "check_run.rerequested", InstallationID: 1,
			Owner: "github", Repo: "hello-world", Number: 0,
			HeadSHA: "d6fde92930d4715a2b49857d24b940956b26d2d3", CheckRunID: 4,
		}},
		// A requested action (a button on the check run) is not a re-run.
		{"check_run.requested_action.json", "check_run", 25811, 200, nil},
		{"installation.created.json", "installation", 1, 200, nil},
		{"ping.json", "ping", 1, 200, nil},
		{"ping.with-app_id.json", "ping", appSuite, 200, nil},
	}
	covered := map[string]bool{}
	for _, c := range cases {
		covered[c.file] = true
		t.Run(c.file, func(t *testing.T) {
			s := newTestServer(t, c.appID, nil, nil)
			delivery := "delivery-" + c.file
			w := post(s, c.event, delivery, readPayload(t, c.file))
			if w.Code != c.code {
				t.Fatalf("status %d, want %d (body %q)", w.Code, c.code, w.Body)
			}
			s.drain(t)
			calls := s.runner.Calls()
			if c.want == nil {
				if len(calls) != 0 {
					t.Fatalf("reviews %+v, want none", calls)
				}
				return
			}
			want := *c.want
			want.DeliveryID = delivery
			if len(calls) != 1 || !reflect.DeepEqual(calls[0], want) {
				t.Fatalf("reviews %+v\nwant [%+v]", calls, want)
			}
		})
	}
	// No example may be left out.
	files, _ := filepath.Glob(filepath.Join("testdata", "payloads", "*.json"))
	if len(files) == 0 {
		t.Fatal("no payloads in testdata")
	}
	for _, f := range files {
		if !covered[filepath.Base(f)] {
			t.Errorf("payload %s has no test case", f)
		}
	}
	if _, err := os.Stat(filepath.Join("testdata", "payloads", "LICENSE.octokit-webhooks")); err != nil {
		t.Errorf("the payloads' licence must stay next to them: %v", err)
	}
}

// Runs and suites of other apps are not ours to re-run.
func TestOtherAppsIgnored(t *testing.T) {
	for _, c := range []struct{ file, event string }{
		{"check_run.rerequested.json", "check_run"},
		{"check_suite.requested.json", "check_suite"},
		{"check_suite.rerequested.json", "check_suite"},
	} {
		s := newTestServer(t, 999, nil, nil)
		if w := post(s, c.event, "d-"+c.file, readPayload(t, c.file)); w.Code != http.StatusOK {
			t.Errorf("%s of another app: status %d, want 200", c.file, w.Code)
		}
		s.drain(t)
		if n := len(s.runner.Calls()); n != 0 {
			t.Errorf("%s of another app: %d reviews, want 0", c.file, n)
		}
	}
	// A check run without app data cannot be shown to be ours either.
	body := edit(t, readPayload(t, "check_run.rerequested.json"), func(m map[string]any) {
		delete(obj(m, "check_run"), "app")
		delete(obj(m, "check_run", "check_suite"), "app")
	})
	s := newTestServer(t, appRun, nil, nil)
	if w := post(s, "check_run", "d-noapp", body); w.Code != http.StatusOK {
		t.Errorf("check run without app: status %d, want 200", w.Code)
	}
}

// A fork PR's suite lists no PR, or one of another repository: Number 0
// (the reviewer looks the PR up by head SHA).
func TestCheckSuitePRNumber(t *testing.T) {
	for name, mod := range map[string]func(m map[string]any){
		"other base repo": func(m map[string]any) {
			p := obj(m, "check_suite")["pull_requests"].([]any)[0].(map[string]any)
			repo := obj(p, "base", "repo")
			repo["id"] = 42
			repo["url"] = "https://api.github.com/repos/someone/else"
		},
		"empty list": func(m map[string]any) { obj(m, "check_suite")["pull_requests"] = []any{} },
	} {
		t.Run(name, func(t *testing.T) {
			s := newTestServer(t, appSuite, nil, nil)
			body := edit(t, readPayload(t, "check_suite.rerequested.json"), mod)
			if w := post(s, "check_suite", "d", body); w.Code != http.StatusAccepted {
				t.Fatalf("status %d", w.Code)
			}
			s.drain(t)
			calls := s.runner.Calls()
			if len(calls) != 1 || calls[0].Number != 0 || calls[0].HeadSHA != helloHead {
				t.Fatalf("reviews %+v, want one for PR 0 at %s", calls, helloHead)
			}
		})
	}
	// The matching PR need not be first.
	body := edit(t, readPayload(t, "check_suite.rerequested.json"), func(m map[string]any) {
		cs := obj(m, "check_suite")
		ours := cs["pull_requests"].([]any)[0].(map[string]any)
		raw, _ := json.Marshal(ours)
		var other map[string]any
		_ = json.Unmarshal(raw, &other)
		other["number"] = 7
		obj(other, "base", "repo")["id"] = 42
		cs["pull_requests"] = []any{other, ours}
	})
	s := newTestServer(t, appSuite, nil, nil)
	post(s, "check_suite", "d", body)
	s.drain(t)
	if calls := s.runner.Calls(); len(calls) != 1 || calls[0].Number != 2 {
		t.Fatalf("reviews %+v, want PR 2", calls)
	}
}

// Which pull_request actions review: drafts are reviewed; closed, edited,
// labeled … are acknowledged and ignored.
func TestPullRequestActions(t *testing.T) {
	s := newTestServer(t, 1, nil, nil)
	draft := edit(t, readPayload(t, "pull_request.opened.json"), func(m map[string]any) {
		obj(m, "pull_request")["draft"] = true
	})
	if w := post(s, "pull_request", "d-draft", draft); w.Code != http.StatusAccepted {
		t.Errorf("draft opened: status %d, want 202", w.Code)
	}
	for _, action := range []string{"closed", "edited", "labeled", "assigned", "converted_to_draft", "review_requested"} {
		body := edit(t, readPayload(t, "pull_request.opened.json"), func(m map[string]any) { m["action"] = action })
		if w := post(s, "pull_request", "d-"+action, body); w.Code != http.StatusOK {
			t.Errorf("%s: status %d, want 200", action, w.Code)
		}
	}
	s.drain(t)
	if calls := s.runner.Calls(); len(calls) != 1 || calls[0].Event != "pull_request.opened" {
		t.Fatalf("reviews %+v, want the draft only", calls)
	}
}

// Valid JSON that lacks what a reviewing event must carry is a 400; a
// delivery without an installation (a plain repository webhook) is
// acknowledged and ignored.
func TestUnusablePayloads(t *testing.T) {
	s := newTestServer(t, 1, nil, nil)
	for name, c := range map[string]struct {
		body []byte
		code int
	}{
		"no pull_request": {[]byte(`{"action":"opened","number":2}`), 400},
		"no repository": {edit(t, readPayload(t, "pull_request.opened.json"), func(m map[string]any) {
			delete(m, "repository")
		}), 400},
		"no head sha": {edit(t, readPayload(t, "pull_request.opened.json"), func(m map[string]any) {
			delete(obj(m, "pull_request", "head"), "sha")
		}), 400},
		"array": {[]byte(`[1,2]`), 400},
		"no installation": {edit(t, readPayload(t, "pull_request.opened.json"), func(m map[string]any) {
			delete(m, "installation")
		}), 200},
	} {
		if w := post(s, "pull_request", "d-"+name, c.body); w.Code != c.code {
			t.Errorf("%s: status %d, want %d", name, w.Code, c.code)
		}
	}
	s.drain(t)
	if calls := s.runner.Calls(); len(calls) != 0 {
		t.Fatalf("reviews %+v, want none", calls)
	}
	if strings.Contains(s.logs.String(), testSecret) {
		t.Fatal("the secret was logged")
	}
}
