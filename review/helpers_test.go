package review

import (
	"bytes"
	"context"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-github/v62/github"
	"github.com/rs/zerolog"

	"github.com/pyguard/pyguard/analyzer"
	"github.com/pyguard/pyguard/internal/fakegithub"
)

// Test rules with known fixes, so tests control every case.
//
//	danger(...)  TEST001 high     safe:   danger -> safe_call
//	risky(...)   TEST002 medium   unsafe: risky -> math.floor (import math if needed)
//	meh(...)     TEST003 low      guidance
//	multi(...)   TEST004 critical safe:   the whole (multi-line) call -> single()
//	wipe(...)    TEST005 medium   unsafe: delete the statement's line
var (
	ruleDanger = &analyzer.Rule{ID: "TEST001", Title: "Danger call", Severity: analyzer.High, Fix: analyzer.Safe,
		Message: "danger() is dangerous.", Doc: "Calling danger() lets an attacker run code. It was deprecated long ago.",
		FixDoc: "Call safe_call() instead.", Kinds: []analyzer.Kind{analyzer.KCall},
		Check: callRule("danger", func(p *analyzer.Pass, c analyzer.Call) *analyzer.Fix {
			return p.Edits(analyzer.Safe, "Call safe_call() instead.", analyzer.ReplaceNode(c.Func, "safe_call"))
		})}
	ruleRisky = &analyzer.Rule{ID: "TEST002", Title: "Risky call", Severity: analyzer.Medium, Fix: analyzer.Unsafe,
		Message: "risky() may overflow.", Doc: "risky() overflows on large inputs.",
		FixDoc: "Use math.floor().", Kinds: []analyzer.Kind{analyzer.KCall},
		Check: callRule("risky", func(p *analyzer.Pass, c analyzer.Call) *analyzer.Fix {
			b := p.NewFix(analyzer.Unsafe, "Use math.floor() instead of risky().", c.Node).Changing("results are rounded down.")
			b.Add(analyzer.ReplaceNode(c.Func, b.Attr("math", "floor")))
			return b.Build(p.Guidance())
		})}
	ruleMeh = &analyzer.Rule{ID: "TEST003", Title: "Meh call", Severity: analyzer.Low, Fix: analyzer.Guidance,
		Message: "meh() is meh.", Doc: "meh() is not great.", FixDoc: "Think about it.", Kinds: []analyzer.Kind{analyzer.KCall},
		Check: callRule("meh", func(p *analyzer.Pass, c analyzer.Call) *analyzer.Fix { return p.Guidance() })}
	ruleMulti = &analyzer.Rule{ID: "TEST004", Title: "Multi call", Severity: analyzer.Critical, Fix: analyzer.Safe,
		Message: "multi() is critical.", Doc: "multi() breaks things.", FixDoc: "Call single().", Kinds: []analyzer.Kind{analyzer.KCall},
		Check: callRule("multi", func(p *analyzer.Pass, c analyzer.Call) *analyzer.Fix {
			return p.Edits(analyzer.Safe, "Call single() instead.", analyzer.ReplaceNode(c.Node, "single()"))
		})}
	ruleWipe = &analyzer.Rule{ID: "TEST005", Title: "Wipe call", Severity: analyzer.Medium, Fix: analyzer.Unsafe,
		Message: "wipe() wipes.", Doc: "wipe() deletes data.", FixDoc: "Remove the call.", Kinds: []analyzer.Kind{analyzer.KCall},
		Check: callRule("wipe", func(p *analyzer.Pass, c analyzer.Call) *analyzer.Fix {
			t := p.Tree
			line, _ := t.Position(c.Node.Start)
			return p.Edits(analyzer.Unsafe, "Remove the call.", analyzer.Edit{Start: t.LineStart(line), End: t.LineStart(line + 1)}).Changing("the data is kept.")
		})}
	testRules = []*analyzer.Rule{ruleDanger, ruleRisky, ruleMeh, ruleMulti, ruleWipe}
)

func callRule(name string, fix func(*analyzer.Pass, analyzer.Call) *analyzer.Fix) func(*analyzer.Pass, *analyzer.Node) {
	return func(p *analyzer.Pass, n *analyzer.Node) {
		c, ok := p.AsCall(n)
		if !ok || c.Func == nil || c.Func.Text() != name {
			return
		}
		p.ReportCall(c, fix(p, c))
	}
}

// env is a fake GitHub with one repository and a reviewer wired to it.
type env struct {
	t    *testing.T
	fake *fakegithub.Server
	repo *fakegithub.Repo
	rv   *Reviewer
	logs *syncBuffer
}

const (
	owner   = "octo"
	repoNm  = "ml"
	instID  = 7
	docsURL = "https://docs.example/rules/"
)

func newEnv(t *testing.T) *env {
	t.Helper()
	fake := fakegithub.New(t, fakegithub.Options{AppID: 42})
	fake.AddInstallation(instID, owner)
	e := &env{t: t, fake: fake, repo: fake.AddRepo(owner, repoNm), logs: &syncBuffer{}}
	e.rv = &Reviewer{
		Clients: func(ctx context.Context, id int64) (*github.Client, error) {
			c := github.NewClient(fake.HTTPClient(id))
			c.BaseURL, _ = url.Parse(fake.URL())
			return c, nil
		},
		Rules:   testRules,
		Logger:  zerolog.New(e.logs),
		DocsURL: docsURL,
		Now:     func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) },
	}
	return e
}

// pr seeds commits base and head (head = base with changes) and PR n.
func (e *env) pr(n int, base, head map[string]string, removed ...string) (baseSHA, headSHA string) {
	e.t.Helper()
	baseSHA, headSHA = fakegithub.SHA(e.t.Name()+"base"), fakegithub.SHA(e.t.Name()+"head")
	e.repo.Commit(baseSHA, base)
	e.repo.Branch("main", baseSHA)
	e.repo.Derive(headSHA, baseSHA, head, removed...)
	e.repo.AddPR(fakegithub.PR{Number: n, BaseSHA: baseSHA, HeadSHA: headSHA})
	return baseSHA, headSHA
}

func (e *env) target(n int, head string) Target {
	return Target{DeliveryID: "delivery-1", Event: "pull_request.opened", InstallationID: instID, Owner: owner, Repo: repoNm, Number: n, HeadSHA: head}
}

func (e *env) review(t Target) {
	e.t.Helper()
	if err := e.rv.Review(context.Background(), t); err != nil {
		e.t.Fatalf("Review: %v\nlogs:\n%s", err, e.logs.String())
	}
}

func (e *env) comments(n int) []fakegithub.Comment { return e.fake.Comments(owner, repoNm, n) }

// run returns the only check run on sha.
func (e *env) run(sha string) fakegithub.CheckRun {
	e.t.Helper()
	runs := e.fake.CheckRuns(owner, repoNm, sha)
	if len(runs) != 1 {
		e.t.Fatalf("%d check runs on %s, want 1", len(runs), sha)
	}
	return runs[0]
}

// at finds the comment on path:line.
func at(cs []fakegithub.Comment, path string, line int) *fakegithub.Comment {
	for i := range cs {
		if cs[i].Path == path && cs[i].Line == line && cs[i].InReplyTo == 0 {
			return &cs[i]
		}
	}
	return nil
}

// where lists comments as "path:line" (and "start-line" ranges).
func where(cs []fakegithub.Comment) string {
	var out []string
	for _, c := range cs {
		if c.InReplyTo != 0 {
			continue
		}
		s := c.Path + ":"
		if c.StartLine != 0 {
			s += itoa(c.StartLine) + "-"
		}
		out = append(out, s+itoa(c.Line))
	}
	return strings.Join(out, " ")
}

func itoa(n int) string { return strconv.Itoa(n) }

// syncBuffer is a goroutine-safe log sink.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
