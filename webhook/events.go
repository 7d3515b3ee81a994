package webhook

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/google/go-github/v62/github"
	"github.com/palantir/go-githubapp/githubapp"
	"github.com/rs/zerolog"
	"github.com/tidwall/gjson"

	"github.com/pyguard/pyguard/review"
)

// The events that can start a review, and which of their actions do.
// Drafts are reviewed like any pull request (GitHub sends "opened" for them
// too); "ready_for_review" reviews the head again.
var reviewActions = map[string]map[string]bool{
	"pull_request": {"opened": true, "synchronize": true, "reopened": true, "ready_for_review": true},
	"check_suite":  {"requested": true, "rerequested": true},
	"check_run":    {"rerequested": true},
}

// errBadPayload marks a body that passed the signature check but cannot be
// used (not JSON, or missing what the event must carry): 400.
var errBadPayload = errors.New("malformed webhook payload")

func badPayload(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errBadPayload, fmt.Sprintf(format, args...))
}

// reviewHandler is the go-githubapp handler of the events that start
// reviews. It runs synchronously in the request: it only parses and
// commits a job, never calls GitHub.
type reviewHandler struct{ s *Server }

func (h reviewHandler) Handles() []string {
	return []string{"pull_request", "check_suite", "check_run"}
}

func (h reviewHandler) Handle(ctx context.Context, eventType, deliveryID string, payload []byte) error {
	t, ignore, err := parseTarget(eventType, payload, h.s.appID)
	if err != nil {
		return err
	}
	if ignore != "" {
		zerolog.Ctx(ctx).Debug().Str("reason", ignore).Msg("event ignored")
		return nil // → 200
	}
	t.DeliveryID = deliveryID
	return h.s.accept(ctx, t)
}

// ignoreHandler acknowledges every other event go-github knows (ping,
// installation, push, …) with 200 after checking that the body is JSON.
// Events go-github does not know have no handler and get 200 unparsed.
type ignoreHandler struct{ events []string }

func newIgnoreHandler() ignoreHandler {
	var events []string
	for _, e := range github.MessageTypes() {
		if reviewActions[e] == nil {
			events = append(events, e)
		}
	}
	return ignoreHandler{events: events}
}

func (h ignoreHandler) Handles() []string { return h.events }

func (h ignoreHandler) Handle(ctx context.Context, eventType, _ string, payload []byte) error {
	if !gjson.ValidBytes(payload) {
		return badPayload("%s body is not JSON", eventType)
	}
	zerolog.Ctx(ctx).Debug().Msg("event acknowledged and ignored")
	return nil
}

// The parts of a delivery a target is built from. go-github's event structs
// are not used for this: they reject whole payloads over fields we never
// read (its Timestamp refuses the "2018-04-25 20:42:10" app.created_at of
// GitHub's own check_run example), and a field we do not need must not cost
// a review.
type (
	payloadRepo struct {
		ID       int64  `json:"id"`
		Name     string `json:"name"`
		FullName string `json:"full_name"`
		URL      string `json:"url"`
		Owner    struct {
			Login string `json:"login"`
		} `json:"owner"`
	}
	payloadApp struct {
		ID int64 `json:"id"`
	}
	payloadPR struct {
		Number int `json:"number"`
		Head   struct {
			SHA string `json:"sha"`
		} `json:"head"`
		Base struct {
			Repo *payloadRepo `json:"repo"`
		} `json:"base"`
	}
	payloadSuite struct {
		HeadSHA      string       `json:"head_sha"`
		App          *payloadApp  `json:"app"`
		PullRequests []*payloadPR `json:"pull_requests"`
	}
	payload struct {
		Action       string       `json:"action"`
		Number       int          `json:"number"`
		After        string       `json:"after"`
		Repository   *payloadRepo `json:"repository"`
		Installation *struct {
			ID int64 `json:"id"`
		} `json:"installation"`
		PullRequest *payloadPR    `json:"pull_request"`
		CheckSuite  *payloadSuite `json:"check_suite"`
		CheckRun    *struct {
			ID           int64         `json:"id"`
			HeadSHA      string        `json:"head_sha"`
			App          *payloadApp   `json:"app"`
			CheckSuite   *payloadSuite `json:"check_suite"`
			PullRequests []*payloadPR  `json:"pull_requests"`
		} `json:"check_run"`
	}
)

func (a *payloadApp) id() int64 {
	if a == nil {
		return 0
	}
	return a.ID
}

// parseTarget turns one delivery into the review it asks for. ignore is
// non-empty (the reason) when the delivery asks for none; err (wrapping
// errBadPayload) when the body is unusable. DeliveryID is left to the
// caller.
func parseTarget(eventType string, body []byte, appID int64) (t review.Target, ignore string, err error) {
	p, err := decodePayload(body)
	if err != nil {
		return t, "", badPayload("%s body: %v", eventType, err)
	}
	if !reviewActions[eventType][p.Action] {
		return t, fmt.Sprintf("%s action %q does not start a review", eventType, p.Action), nil
	}
	t.Event = eventType + "." + p.Action

	switch eventType {
	case "pull_request":
		pr := p.PullRequest
		if pr == nil {
			return t, "", badPayload("pull_request event without pull_request")
		}
		t.Number = p.Number
		if t.Number == 0 {
			t.Number = pr.Number
		}
		if t.Number <= 0 {
			return t, "", badPayload("pull_request event without a pull request number")
		}
		t.HeadSHA = pr.Head.SHA
		if t.HeadSHA == "" {
			t.HeadSHA = p.After
		}

	case "check_suite":
		cs := p.CheckSuite
		if cs == nil {
			return t, "", badPayload("check_suite event without check_suite")
		}
		// A suite without app data is taken as ours (GitHub sends
		// requested/rerequested to the suite's own app).
		if id := cs.App.id(); id != 0 && id != appID {
			return t, fmt.Sprintf("check suite of another app (%d)", id), nil
		}
		t.HeadSHA = cs.HeadSHA
		t.Number = prInRepo(cs.PullRequests, p.Repository)

	case "check_run":
		cr := p.CheckRun
		if cr == nil {
			return t, "", badPayload("check_run event without check_run")
		}
		// Only our own runs: re-running another app's check is not ours to do.
		id := cr.App.id()
		if id == 0 && cr.CheckSuite != nil {
			id = cr.CheckSuite.App.id()
		}
		if id != appID {
			return t, fmt.Sprintf("check run of another app (%d)", id), nil
		}
		t.HeadSHA = cr.HeadSHA
		if t.HeadSHA == "" && cr.CheckSuite != nil {
			t.HeadSHA = cr.CheckSuite.HeadSHA
		}
		t.CheckRunID = cr.ID
		t.Number = prInRepo(cr.PullRequests, p.Repository)
	}

	t.Owner, t.Repo = repoName(p.Repository)
	if t.Owner == "" || t.Repo == "" {
		return t, "", badPayload("%s without a repository", t.Event)
	}
	if t.HeadSHA == "" {
		return t, "", badPayload("%s without a head SHA", t.Event)
	}
	// go-github formats these into API paths unescaped: one that is not a
	// single path segment would address another resource.
	for _, v := range []struct{ what, s string }{{"owner", t.Owner}, {"repository", t.Repo}, {"head SHA", t.HeadSHA}} {
		if !isPathSegment(v.s) {
			return t, "", badPayload("%s with an invalid %s %q", t.Event, v.what, v.s)
		}
	}
	if t.Number < 0 || t.CheckRunID < 0 {
		return t, "", badPayload("%s with a negative pull request or check run id", t.Event)
	}
	if p.Installation != nil {
		t.InstallationID = p.Installation.ID
	}
	if t.InstallationID < 0 {
		return t, "", badPayload("%s with a negative installation id", t.Event)
	}
	if t.InstallationID == 0 {
		// Not a GitHub App delivery (e.g. a repository webhook pointed here):
		// there is no installation to act as.
		return t, "no installation in the payload (not a GitHub App delivery)", nil
	}
	return t, "", nil
}

// prInRepo returns the number of the first pull request whose base is repo;
// 0 when there is none (check suites and runs of fork PRs carry an empty
// list, and a list may name PRs of other repositories): the reviewer then
// finds the PR by head SHA.
func prInRepo(prs []*payloadPR, repo *payloadRepo) int {
	if repo == nil {
		return 0
	}
	for _, pr := range prs {
		if pr == nil || pr.Base.Repo == nil {
			continue
		}
		base := pr.Base.Repo
		switch {
		case base.ID != 0 && repo.ID != 0:
			if base.ID == repo.ID {
				return pr.Number
			}
		case base.URL != "" && strings.EqualFold(base.URL, repo.URL):
			return pr.Number
		case base.FullName != "" && strings.EqualFold(base.FullName, repo.FullName):
			return pr.Number
		}
	}
	return 0
}

// isPathSegment reports whether s can stand as one segment of a URL path
// as it is: GitHub's logins, repository names and SHAs always can.
func isPathSegment(s string) bool {
	if s == "" || s == "." || s == ".." || strings.ContainsAny(s, "/\\?#%") {
		return false
	}
	return strings.IndexFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f }) < 0
}

func repoName(repo *payloadRepo) (owner, name string) {
	if repo == nil {
		return "", ""
	}
	owner, name = repo.Owner.Login, repo.Name
	if owner == "" || name == "" {
		if o, n, ok := strings.Cut(repo.FullName, "/"); ok {
			owner, name = o, n
		}
	}
	return owner, name
}

// compile-time checks
var (
	_ githubapp.EventHandler = reviewHandler{}
	_ githubapp.EventHandler = ignoreHandler{}
)
