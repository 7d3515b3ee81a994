package fakegithub_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/bradleyfalzon/ghinstallation/v2"
	"github.com/google/go-github/v62/github"

	"github.com/pyguard/pyguard/internal/fakegithub"
)

// client is a go-github client on the fake with an installation token.
func client(t *testing.T, fake *fakegithub.Server, inst int64) *github.Client {
	t.Helper()
	c := github.NewClient(fake.HTTPClient(inst))
	u, err := url.Parse(fake.URL())
	if err != nil {
		t.Fatal(err)
	}
	c.BaseURL = u
	return c
}

func seed(t *testing.T) (*fakegithub.Server, *fakegithub.Repo, string, string) {
	t.Helper()
	fake := fakegithub.New(t, fakegithub.Options{AppID: 42})
	fake.AddInstallation(7, "octo")
	repo := fake.AddRepo("octo", "ml")
	base, head := fakegithub.SHA("base"), fakegithub.SHA("head")
	repo.Commit(base, map[string]string{
		"a.py":      "import os\n\nx = 1\ny = 2\nz = 3\n",
		"gone.py":   "print('bye')\n",
		"README.md": "# ml\n",
	})
	repo.Branch("main", base)
	repo.Derive(head, base, map[string]string{
		"a.py":   "import os\n\nx = 1\ny = 20\nz = 3\nw = 4\n",
		"new.py": "def f():\n    return 1\n",
	}, "gone.py")
	repo.AddPR(fakegithub.PR{Number: 5, BaseSHA: base, HeadSHA: head})
	return fake, repo, base, head
}

func TestAppAuthWithGhinstallation(t *testing.T) {
	fake, _, _, _ := seed(t)
	tr, err := ghinstallation.New(http.DefaultTransport, fake.AppID(), 7, fake.PrivateKeyPEM())
	if err != nil {
		t.Fatal(err)
	}
	tr.BaseURL = strings.TrimSuffix(fake.URL(), "/")
	c := github.NewClient(&http.Client{Transport: tr})
	c.BaseURL, _ = url.Parse(fake.URL())
	pr, _, err := c.PullRequests.Get(context.Background(), "octo", "ml", 5)
	if err != nil {
		t.Fatalf("get PR through ghinstallation: %v", err)
	}
	if pr.GetNumber() != 5 {
		t.Errorf("number = %d", pr.GetNumber())
	}
	if n := fake.TokensIssued(); n != 1 {
		t.Errorf("tokens issued = %d, want 1", n)
	}
	// The token is cached: a second call mints no new one.
	if _, _, err := c.PullRequests.Get(context.Background(), "octo", "ml", 5); err != nil {
		t.Fatal(err)
	}
	if n := fake.TokensIssued(); n != 1 {
		t.Errorf("tokens issued after second call = %d, want 1", n)
	}
}

func TestAppAuthRefusals(t *testing.T) {
	fake, _, _, _ := seed(t)
	post := func(auth string) int {
		req, _ := http.NewRequest("POST", fake.URL()+"app/installations/7/access_tokens", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	now := time.Now()
	good, _ := fakegithub.AppJWT(fake.PrivateKey(), 42, now, 5*time.Minute)
	otherKey, _ := fakegithub.GenerateKey(t)
	wrongKey, _ := fakegithub.AppJWT(otherKey, 42, now, 5*time.Minute)
	wrongApp, _ := fakegithub.AppJWT(fake.PrivateKey(), 43, now, 5*time.Minute)
	expired, _ := fakegithub.AppJWT(fake.PrivateKey(), 42, now.Add(-time.Hour), 5*time.Minute)
	tooLong, _ := fakegithub.AppJWT(fake.PrivateKey(), 42, now, time.Hour)
	for name, tc := range map[string]struct {
		auth string
		want int
	}{
		"good":      {"Bearer " + good, 201},
		"none":      {"", 401},
		"wrong key": {"Bearer " + wrongKey, 401},
		"wrong iss": {"Bearer " + wrongApp, 401},
		"expired":   {"Bearer " + expired, 401},
		"exp > 10m": {"Bearer " + tooLong, 401},
		"garbage":   {"Bearer abc.def.ghi", 401},
	} {
		if got := post(tc.auth); got != tc.want {
			t.Errorf("%s: status %d, want %d", name, got, tc.want)
		}
	}
	// Unknown installation.
	req, _ := http.NewRequest("POST", fake.URL()+"app/installations/99/access_tokens", nil)
	req.Header.Set("Authorization", "Bearer "+good)
	resp, _ := http.DefaultClient.Do(req)
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("unknown installation: %d, want 404", resp.StatusCode)
	}
}

func TestRepoCallsNeedInstallationToken(t *testing.T) {
	fake, _, _, _ := seed(t)
	get := func(auth string) int {
		req, _ := http.NewRequest("GET", fake.URL()+"repos/octo/ml/pulls/5", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	tok, _ := fake.InstallationToken(7)
	jwt, _ := fakegithub.AppJWT(fake.PrivateKey(), 42, time.Now(), time.Minute)
	if got := get(""); got != 401 {
		t.Errorf("no auth: %d", got)
	}
	if got := get("token nope"); got != 401 {
		t.Errorf("bad token: %d", got)
	}
	if got := get("Bearer " + jwt); got != 403 {
		t.Errorf("app JWT on a repo route: %d, want 403", got)
	}
	if got := get("token " + tok); got != 200 {
		t.Errorf("token: %d", got)
	}
	if got := get("Bearer " + tok); got != 200 {
		t.Errorf("Bearer token: %d", got)
	}
	fake.ExpireTokens()
	if got := get("token " + tok); got != 401 {
		t.Errorf("expired token: %d", got)
	}
	// A repository outside the installation is invisible.
	fake.AddRepo("other", "x")
	tok, _ = fake.InstallationToken(7)
	req, _ := http.NewRequest("GET", fake.URL()+"repos/other/x", nil)
	req.Header.Set("Authorization", "token "+tok)
	resp, _ := http.DefaultClient.Do(req)
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("other account's repo: %d, want 404", resp.StatusCode)
	}
}

func TestComputedFilesAndPatches(t *testing.T) {
	fake, _, _, head := seed(t)
	c := client(t, fake, 7)
	files, _, err := c.PullRequests.ListFiles(context.Background(), "octo", "ml", 5, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.GetFilename()+":"+f.GetStatus())
	}
	if want := "a.py:modified gone.py:removed new.py:added"; strings.Join(got, " ") != want {
		t.Fatalf("files = %v, want %s", got, want)
	}
	wantA := "@@ -1,5 +1,6 @@\n import os\n \n x = 1\n-y = 2\n+y = 20\n z = 3\n+w = 4"
	if p := files[0].GetPatch(); p != wantA {
		t.Errorf("a.py patch:\n%s\nwant:\n%s", p, wantA)
	}
	if p := files[2].GetPatch(); p != "@@ -0,0 +1,2 @@\n+def f():\n+    return 1" {
		t.Errorf("new.py patch:\n%s", p)
	}
	if p := files[1].GetPatch(); p != "@@ -1 +0,0 @@\n-print('bye')" {
		t.Errorf("gone.py patch:\n%s", p)
	}
	if files[0].GetSHA() != fakegithub.BlobSHA("import os\n\nx = 1\ny = 20\nz = 3\nw = 4\n") {
		t.Errorf("a.py sha = %s", files[0].GetSHA())
	}
	fc, _, _, err := c.Repositories.GetContents(context.Background(), "octo", "ml", "new.py", &github.RepositoryContentGetOptions{Ref: head})
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := fc.GetContent(); s != "def f():\n    return 1\n" {
		t.Errorf("content = %q", s)
	}
	if _, _, _, err := c.Repositories.GetContents(context.Background(), "octo", "ml", "gone.py", &github.RepositoryContentGetOptions{Ref: head}); !is(err, 404) {
		t.Errorf("removed file at head: %v, want 404", err)
	}
}

func TestPatchHunksWithContext(t *testing.T) {
	var old, new []string
	for i := 1; i <= 30; i++ {
		old = append(old, fmt.Sprintf("line %d", i))
	}
	new = append(new, old...)
	new[4] = "changed 5"                                                 // line 5
	new = append(new[:20], append([]string{"inserted"}, new[20:]...)...) // after line 20
	p := fakegithub.Patch(strings.Join(old, "\n")+"\n", strings.Join(new, "\n")+"\n")
	want := "@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+changed 5\n line 6\n line 7\n line 8\n" +
		"@@ -18,6 +18,7 @@\n line 18\n line 19\n line 20\n+inserted\n line 21\n line 22\n line 23"
	if p != want {
		t.Errorf("patch:\n%s\nwant:\n%s", p, want)
	}
	// No newline at end of file.
	if p := fakegithub.Patch("a\n", "a\nb"); p != "@@ -1 +1,2 @@\n a\n+b\n\\ No newline at end of file" {
		t.Errorf("no-newline patch:\n%s", p)
	}
}

func TestPagination(t *testing.T) {
	fake := fakegithub.New(t, fakegithub.Options{})
	fake.AddInstallation(1, "o")
	repo := fake.AddRepo("o", "r")
	base, head := fakegithub.SHA("b"), fakegithub.SHA("h")
	repo.Commit(base, map[string]string{})
	files := map[string]string{}
	for i := range 250 {
		files[fmt.Sprintf("f%03d.py", i)] = "x = 1\n"
	}
	repo.Commit(head, files)
	repo.AddPR(fakegithub.PR{Number: 1, BaseSHA: base, HeadSHA: head})
	c := client(t, fake, 1)
	var all []*github.CommitFile
	opt := &github.ListOptions{PerPage: 100}
	pages := 0
	for {
		fs, resp, err := c.PullRequests.ListFiles(context.Background(), "o", "r", 1, opt)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		all = append(all, fs...)
		if pages == 1 && (resp.NextPage != 2 || resp.LastPage != 3) {
			t.Errorf("page 1: next %d last %d", resp.NextPage, resp.LastPage)
		}
		if resp.NextPage == 0 {
			if resp.PrevPage != 2 || resp.FirstPage != 1 {
				t.Errorf("last page: prev %d first %d", resp.PrevPage, resp.FirstPage)
			}
			break
		}
		opt.Page = resp.NextPage
	}
	if pages != 3 || len(all) != 250 || all[249].GetFilename() != "f249.py" {
		t.Errorf("pages %d, files %d", pages, len(all))
	}
	// Default per_page is 30.
	fs, resp, err := c.PullRequests.ListFiles(context.Background(), "o", "r", 1, nil)
	if err != nil || len(fs) != 30 || resp.LastPage != 9 {
		t.Errorf("default page: %d files, last %d, %v", len(fs), resp.LastPage, err)
	}
}

func TestFileListCap(t *testing.T) {
	fake := fakegithub.New(t, fakegithub.Options{})
	fake.AddInstallation(1, "o")
	repo := fake.AddRepo("o", "r")
	base, head := fakegithub.SHA("b"), fakegithub.SHA("h")
	repo.Commit(base, map[string]string{})
	var list []fakegithub.File
	for i := range 3005 {
		list = append(list, fakegithub.File{Filename: fmt.Sprintf("d/%04d.txt", i), Status: "added", Patch: "@@ -0,0 +1 @@\n+x"})
	}
	repo.Commit(head, map[string]string{})
	repo.AddPR(fakegithub.PR{Number: 1, BaseSHA: base, HeadSHA: head, Files: list})
	c := client(t, fake, 1)
	_, resp, err := c.PullRequests.ListFiles(context.Background(), "o", "r", 1, &github.ListOptions{PerPage: 100, Page: 30})
	if err != nil || resp.NextPage != 0 {
		t.Fatalf("page 30: next %d, %v", resp.NextPage, err)
	}
	pr, _, _ := c.PullRequests.Get(context.Background(), "o", "r", 1)
	if pr.GetChangedFiles() != 3005 {
		t.Errorf("changed_files = %d", pr.GetChangedFiles())
	}
}

func TestLargeFileNeedsBlob(t *testing.T) {
	fake := fakegithub.New(t, fakegithub.Options{})
	fake.AddInstallation(1, "o")
	repo := fake.AddRepo("o", "r")
	big := strings.Repeat("x = 1\n", 200_000) // 1.2 MB
	repo.Commit("c1", map[string]string{"big.py": big})
	c := client(t, fake, 1)
	fc, _, _, err := c.Repositories.GetContents(context.Background(), "o", "r", "big.py", &github.RepositoryContentGetOptions{Ref: "c1"})
	if err != nil {
		t.Fatal(err)
	}
	if fc.GetEncoding() != "none" || fc.Content != nil && *fc.Content != "" || fc.GetSize() != len(big) {
		t.Errorf("contents of a big file: encoding %q size %d", fc.GetEncoding(), fc.GetSize())
	}
	if _, err := fc.GetContent(); err == nil {
		t.Error("go-github decoded encoding none")
	}
	b, _, err := c.Git.GetBlob(context.Background(), "o", "r", fc.GetSHA())
	if err != nil {
		t.Fatal(err)
	}
	if b.GetSize() != len(big) || b.GetEncoding() != "base64" {
		t.Errorf("blob: size %d encoding %s", b.GetSize(), b.GetEncoding())
	}
}

func TestReviewRefusesLinesOutsideTheDiff(t *testing.T) {
	fake, _, _, head := seed(t)
	c := client(t, fake, 7)
	ctx := context.Background()
	review := func(cs ...*github.DraftReviewComment) error {
		_, _, err := c.PullRequests.CreateReview(ctx, "octo", "ml", 5, &github.PullRequestReviewRequest{
			CommitID: github.String(head), Event: github.String("COMMENT"), Body: github.String("b"), Comments: cs})
		return err
	}
	dc := func(path string, line, start int) *github.DraftReviewComment {
		d := &github.DraftReviewComment{Path: github.String(path), Line: github.Int(line), Side: github.String("RIGHT"), Body: github.String("hi")}
		if start > 0 {
			d.StartLine, d.StartSide = github.Int(start), github.String("RIGHT")
		}
		return d
	}
	// a.py's hunk covers new lines 1-6.
	if err := review(dc("a.py", 4, 0), dc("a.py", 6, 2), dc("new.py", 1, 0)); err != nil {
		t.Fatalf("valid review: %v", err)
	}
	if n := len(fake.Comments("octo", "ml", 5)); n != 3 {
		t.Fatalf("comments = %d", n)
	}
	for name, cs := range map[string][]*github.DraftReviewComment{
		"line past hunk":    {dc("a.py", 4, 0), dc("a.py", 7, 0)},
		"unknown path":      {dc("nope.py", 1, 0)},
		"start after line":  {dc("a.py", 3, 5)},
		"start == line":     {dc("a.py", 3, 3)},
		"start out of diff": {dc("new.py", 2, 0), dc("a.py", 3, 0), dc("a.py", 6, 0), dc("a.py", 2, 0), dc("new.py", 3, 0)},
	} {
		err := review(cs...)
		if !is(err, 422) {
			t.Errorf("%s: %v, want 422", name, err)
		}
	}
	if n := len(fake.Comments("octo", "ml", 5)); n != 3 {
		t.Errorf("a refused review created comments: %d", n)
	}
	var er *github.ErrorResponse
	err := review(dc("a.py", 9, 0))
	if !errors.As(err, &er) || len(er.Errors) == 0 || er.Errors[0].Message != "Line could not be resolved" {
		t.Errorf("error body: %#v", err)
	}
}

func TestCheckRunAnnotationLimit(t *testing.T) {
	fake, _, _, head := seed(t)
	c := client(t, fake, 7)
	ctx := context.Background()
	ann := func(n int) []*github.CheckRunAnnotation {
		var out []*github.CheckRunAnnotation
		for i := range n {
			out = append(out, &github.CheckRunAnnotation{Path: github.String("a.py"), StartLine: github.Int(i + 1), EndLine: github.Int(i + 1),
				AnnotationLevel: github.String("warning"), Message: github.String("m")})
		}
		return out
	}
	out := func(n int) *github.CheckRunOutput {
		return &github.CheckRunOutput{Title: github.String("t"), Summary: github.String("s"), Annotations: ann(n)}
	}
	run, _, err := c.Checks.CreateCheckRun(ctx, "octo", "ml", github.CreateCheckRunOptions{Name: "PyGuard", HeadSHA: head, Status: github.String("in_progress"), Output: out(50)})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Checks.UpdateCheckRun(ctx, "octo", "ml", run.GetID(), github.UpdateCheckRunOptions{Name: "PyGuard", Output: out(51)}); !is(err, 422) {
		t.Errorf("51 annotations: %v, want 422", err)
	}
	if _, _, err := c.Checks.UpdateCheckRun(ctx, "octo", "ml", run.GetID(), github.UpdateCheckRunOptions{Name: "PyGuard", Status: github.String("completed")}); !is(err, 422) {
		t.Errorf("completed without conclusion: %v, want 422", err)
	}
	if _, _, err := c.Checks.UpdateCheckRun(ctx, "octo", "ml", run.GetID(), github.UpdateCheckRunOptions{Name: "PyGuard",
		Conclusion: github.String("success"), Status: github.String("completed"), Output: out(20)}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Checks.CreateCheckRun(ctx, "octo", "ml", github.CreateCheckRunOptions{Name: "PyGuard", HeadSHA: fakegithub.SHA("nope")}); !is(err, 422) {
		t.Errorf("unknown head sha: %v, want 422", err)
	}
	runs := fake.CheckRuns("octo", "ml", head)
	if len(runs) != 1 || len(runs[0].Annotations) != 70 || runs[0].Conclusion != "success" || runs[0].Status != "completed" {
		t.Errorf("runs: %+v", runs)
	}
	if fmt.Sprint(runs[0].AnnotationBatches) != "[50 20]" {
		t.Errorf("batches %v", runs[0].AnnotationBatches)
	}
}

func TestFaults(t *testing.T) {
	fake, _, _, _ := seed(t)
	c := client(t, fake, 7)
	ctx := context.Background()
	fake.Fail(fakegithub.RoutePull, 2, 502)
	for i := range 2 {
		if _, _, err := c.PullRequests.Get(ctx, "octo", "ml", 5); !is(err, 502) {
			t.Errorf("call %d: %v, want 502", i, err)
		}
	}
	if _, _, err := c.PullRequests.Get(ctx, "octo", "ml", 5); err != nil {
		t.Errorf("after the faults: %v", err)
	}
	fake.SecondaryRateLimit(fakegithub.RoutePullFiles, 1, 3)
	_, _, err := c.PullRequests.ListFiles(ctx, "octo", "ml", 5, nil)
	var abuse *github.AbuseRateLimitError
	if !errors.As(err, &abuse) || abuse.RetryAfter == nil || *abuse.RetryAfter != 3*time.Second {
		t.Errorf("secondary rate limit: %#v", err)
	}
	reset := time.Now().Add(time.Minute).Truncate(time.Second)
	fake.PrimaryRateLimit(fakegithub.AnyRoute, 1, reset)
	// go-github refuses calls itself until Retry-After has passed: a new client.
	c = client(t, fake, 7)
	_, _, err = c.Repositories.Get(ctx, "octo", "ml")
	var rl *github.RateLimitError
	if !errors.As(err, &rl) || !rl.Rate.Reset.Time.Equal(reset) || rl.Rate.Remaining != 0 {
		t.Errorf("primary rate limit: %#v", err)
	}
	if got := fake.CallCount(fakegithub.RoutePull); got != 3 {
		t.Errorf("pull calls = %d", got)
	}
	calls := fake.Calls()
	if calls[0].Route != fakegithub.RoutePull || calls[0].Status != 502 || calls[0].Method != "GET" || calls[0].Path != "/repos/octo/ml/pulls/5" {
		t.Errorf("first call %+v", calls[0])
	}
}

func TestLatency(t *testing.T) {
	fake, _, _, _ := seed(t)
	fake.SetLatency(50 * time.Millisecond)
	c := client(t, fake, 7)
	start := time.Now()
	if _, _, err := c.PullRequests.Get(context.Background(), "octo", "ml", 5); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 50*time.Millisecond {
		t.Errorf("call took %v", d)
	}
}

func TestEnterprisePathPrefix(t *testing.T) {
	fake := fakegithub.New(t, fakegithub.Options{PathPrefix: "/api/v3"})
	fake.AddInstallation(1, "o")
	repo := fake.AddRepo("o", "r")
	repo.Commit("c", map[string]string{"a.py": "x\n"})
	if !strings.HasSuffix(fake.URL(), "/api/v3/") {
		t.Fatalf("URL %s", fake.URL())
	}
	host := strings.TrimSuffix(fake.URL(), "api/v3/")
	c, err := github.NewClient(fake.HTTPClient(1)).WithEnterpriseURLs(host, host)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Repositories.Get(context.Background(), "o", "r"); err != nil {
		t.Errorf("GHES-style client: %v", err)
	}
	root := github.NewClient(fake.HTTPClient(1))
	root.BaseURL, _ = url.Parse(host)
	if _, _, err := root.Repositories.Get(context.Background(), "o", "r"); !is(err, 404) {
		t.Errorf("call outside the prefix: %v, want 404", err)
	}
}

func TestCommitPullsAndReplies(t *testing.T) {
	fake, repo, _, head := seed(t)
	c := client(t, fake, 7)
	ctx := context.Background()
	prs, _, err := c.PullRequests.ListPullRequestsWithCommit(ctx, "octo", "ml", head, nil)
	if err != nil || len(prs) != 1 || prs[0].GetNumber() != 5 {
		t.Fatalf("commit pulls: %v %v", prs, err)
	}
	id := repo.AddComment(fakegithub.Comment{PR: 5, Path: "a.py", Line: 4, Body: "bot says", User: fake.BotLogin()})
	repo.Reply(id, "alice", "thanks")
	cs, _, err := c.PullRequests.ListComments(ctx, "octo", "ml", 5, nil)
	if err != nil || len(cs) != 2 {
		t.Fatalf("comments: %v %v", cs, err)
	}
	if cs[0].GetUser().GetType() != "Bot" || cs[1].GetInReplyTo() != id || cs[1].GetPath() != "a.py" {
		t.Errorf("comments: %+v %+v", cs[0], cs[1])
	}
	if _, err := c.PullRequests.DeleteComment(ctx, "octo", "ml", id); err != nil {
		t.Fatal(err)
	}
	if _, err := c.PullRequests.DeleteComment(ctx, "octo", "ml", id); !is(err, 404) {
		t.Errorf("second delete: %v", err)
	}
}

func is(err error, status int) bool {
	var er *github.ErrorResponse
	if errors.As(err, &er) {
		return er.Response.StatusCode == status
	}
	var rl *github.RateLimitError
	if errors.As(err, &rl) {
		return rl.Response.StatusCode == status
	}
	return false
}
