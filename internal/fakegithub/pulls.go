package fakegithub

import (
	"net/http"
	"sort"
	"strconv"
)

// MaxPRFiles is how many files GitHub lists for a pull request at most.
const MaxPRFiles = 3000

func (s *Server) pullJSON(r *Repo, p *pullRequest) map[string]any {
	sp := p.spec
	headRepo := s.repoJSON(r)
	if sp.Fork {
		fork := s.repoJSON(r)
		fork["full_name"] = sp.User + "/" + r.Name
		fork["owner"] = s.userJSON(sp.User, "User")
		fork["fork"] = true
		fork["id"] = r.id + 1
		headRepo = fork
	}
	headOwner := r.Owner
	if sp.Fork {
		headOwner = sp.User
	}
	api := s.base + "repos/" + r.FullName() + "/pulls/" + strconv.Itoa(sp.Number)
	return map[string]any{
		"id": p.id, "node_id": "PR_" + strconv.FormatInt(p.id, 10), "number": sp.Number,
		"state": sp.State, "title": sp.Title, "draft": sp.Draft, "locked": false,
		"user":          s.userJSON(sp.User, "User"),
		"merged":        false,
		"url":           api,
		"html_url":      "https://github.com/" + r.FullName() + "/pull/" + strconv.Itoa(sp.Number),
		"changed_files": len(p.head().files),
		"head": map[string]any{"label": headOwner + ":" + sp.HeadRef, "ref": sp.HeadRef, "sha": p.head().sha,
			"user": s.userJSON(headOwner, "User"), "repo": headRepo},
		"base": map[string]any{"label": r.Owner + ":" + sp.BaseRef, "ref": sp.BaseRef, "sha": sp.BaseSHA,
			"user": s.userJSON(r.Owner, "Organization"), "repo": s.repoJSON(r)},
	}
}

func (s *Server) pull(w http.ResponseWriter, r *http.Request, c *reqCtx) *pullRequest {
	n, err := strconv.Atoi(r.PathValue("pull_number"))
	s.mu.Lock()
	p := c.repo.prs[n]
	s.mu.Unlock()
	if err != nil || p == nil {
		writeError(w, http.StatusNotFound, "Not Found", "https://docs.github.com/rest/pulls/pulls#get-a-pull-request")
		return nil
	}
	return p
}

func (s *Server) getPull(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	if p := s.pull(w, r, c); p != nil {
		s.mu.Lock()
		out := s.pullJSON(c.repo, p)
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, out)
	}
}

func (s *Server) listPulls(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	state := r.URL.Query().Get("state")
	if state == "" {
		state = "open"
	}
	s.mu.Lock()
	var ps []*pullRequest
	for _, p := range c.repo.prs {
		if state == "all" || p.spec.State == state {
			ps = append(ps, p)
		}
	}
	// GitHub's default order is newest first.
	sort.Slice(ps, func(i, j int) bool { return ps[i].spec.Number > ps[j].spec.Number })
	out := make([]map[string]any, len(ps))
	for i, p := range ps {
		out[i] = s.pullJSON(c.repo, p)
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, paginate(w, r, out))
}

func (s *Server) listPullFiles(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	p := s.pull(w, r, c)
	if p == nil {
		return
	}
	s.mu.Lock()
	h := p.head()
	files := h.files
	if len(files) > MaxPRFiles {
		files = files[:MaxPRFiles]
	}
	base := s.base + "repos/" + c.repo.FullName()
	out := make([]map[string]any, len(files))
	for i, f := range files {
		m := map[string]any{
			"sha": f.SHA, "filename": f.Filename, "status": f.Status,
			"additions": f.Additions, "deletions": f.Deletions, "changes": f.Additions + f.Deletions,
			"blob_url":     "https://github.com/" + c.repo.FullName() + "/blob/" + h.sha + "/" + f.Filename,
			"raw_url":      "https://github.com/" + c.repo.FullName() + "/raw/" + h.sha + "/" + f.Filename,
			"contents_url": base + "/contents/" + f.Filename + "?ref=" + h.sha,
		}
		if f.Patch != "" && !f.NoPatch {
			m["patch"] = f.Patch
		}
		if f.PreviousFilename != "" {
			m["previous_filename"] = f.PreviousFilename
		}
		out[i] = m
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, paginate(w, r, out))
}

// listCommitPulls lists the pull requests whose head is (or was) the
// commit. Like GitHub for a commit not on the default branch, only open
// pull requests are listed.
func (s *Server) listCommitPulls(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	sha := r.PathValue("commit_sha")
	s.mu.Lock()
	if _, ok := c.repo.commits[sha]; !ok {
		s.mu.Unlock()
		writeError(w, http.StatusUnprocessableEntity, "No commit found for SHA: "+sha, "https://docs.github.com/rest/commits/commits#list-pull-requests-associated-with-a-commit")
		return
	}
	var ps []*pullRequest
	for _, p := range c.repo.prs {
		if p.spec.State != "open" {
			continue
		}
		for _, h := range p.heads {
			if h.sha == sha {
				ps = append(ps, p)
				break
			}
		}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].spec.Number < ps[j].spec.Number })
	out := make([]map[string]any, len(ps))
	for i, p := range ps {
		out[i] = s.pullJSON(c.repo, p)
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, paginate(w, r, out))
}
