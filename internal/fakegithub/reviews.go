package fakegithub

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

const (
	docsReviews  = "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request"
	docsComments = "https://docs.github.com/rest/pulls/comments"
)

func (s *Server) commentJSON(r *Repo, c *Comment) map[string]any {
	api := s.base + "repos/" + r.FullName()
	m := map[string]any{
		"id": c.ID, "node_id": "PRRC_" + strconv.FormatInt(c.ID, 10),
		"pull_request_review_id": nilIfZero(c.ReviewID),
		"path":                   c.Path, "body": c.Body, "commit_id": c.CommitID, "original_commit_id": c.CommitID,
		"user":       s.userJSON(c.User, c.UserType),
		"created_at": c.CreatedAt.UTC().Format(time.RFC3339), "updated_at": c.CreatedAt.UTC().Format(time.RFC3339),
		"line": nilIfZero(int64(c.Line)), "original_line": nilIfZero(int64(c.Line)),
		"side": c.Side, "subject_type": "line", "diff_hunk": c.DiffHunk,
		"position": nilIfZero(int64(c.Position)), "original_position": nilIfZero(int64(c.Position)),
		"author_association": "NONE",
		"url":                api + "/pulls/comments/" + strconv.FormatInt(c.ID, 10),
		"html_url":           "https://github.com/" + r.FullName() + "/pull/" + strconv.Itoa(c.PR) + "#discussion_r" + strconv.FormatInt(c.ID, 10),
		"pull_request_url":   api + "/pulls/" + strconv.Itoa(c.PR),
	}
	if c.StartLine != 0 {
		m["start_line"], m["original_start_line"], m["start_side"] = c.StartLine, c.StartLine, c.StartSide
	} else {
		m["start_line"], m["original_start_line"], m["start_side"] = nil, nil, nil
	}
	if c.InReplyTo != 0 {
		m["in_reply_to_id"] = c.InReplyTo
	}
	return m
}

func nilIfZero(v int64) any {
	if v == 0 {
		return nil
	}
	return v
}

func (s *Server) listReviewComments(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	p := s.pull(w, r, c)
	if p == nil {
		return
	}
	s.mu.Lock()
	var out []map[string]any
	for _, cm := range c.repo.comments {
		if cm.PR == p.spec.Number {
			out = append(out, s.commentJSON(c.repo, cm))
		}
	}
	s.mu.Unlock()
	if out == nil {
		out = []map[string]any{}
	}
	writeJSON(w, http.StatusOK, paginate(w, r, out))
}

// draftComment is a comment in a review request (or a single comment).
type draftComment struct {
	Path      string `json:"path"`
	Position  *int   `json:"position"`
	Body      string `json:"body"`
	Line      *int   `json:"line"`
	Side      string `json:"side"`
	StartLine *int   `json:"start_line"`
	StartSide string `json:"start_side"`
	// Single-comment endpoint only.
	CommitID    string `json:"commit_id"`
	InReplyTo   int64  `json:"in_reply_to"`
	SubjectType string `json:"subject_type"`
}

// place validates a comment against the diff of the pull request at
// commit like GitHub does and fills in its position; it returns GitHub's
// error string on failure.
func placeComment(files []File, d *draftComment, c *Comment) string {
	if strings.TrimSpace(d.Body) == "" {
		return "Body can't be blank"
	}
	var f *File
	for i := range files {
		if files[i].Filename == d.Path {
			f = &files[i]
		}
	}
	if f == nil {
		return "Path could not be resolved"
	}
	c.Path, c.Body = d.Path, d.Body
	hs := parseHunks(f.Patch)
	if f.NoPatch || len(hs) == 0 {
		return "Line could not be resolved"
	}
	if d.Position != nil {
		if d.Line != nil || d.StartLine != nil || d.Side != "" {
			return "Position and line cannot both be set"
		}
		total := 0
		for _, h := range hs {
			total += h.lines + 1
		}
		// Positions count the lines after the first hunk header, later
		// headers included.
		if *d.Position < 1 || *d.Position >= total {
			return "Position could not be resolved"
		}
		c.Position, c.Side = *d.Position, "RIGHT"
		return ""
	}
	if d.Line == nil {
		return "Line could not be resolved"
	}
	side := d.Side
	if side == "" {
		side = "RIGHT"
	}
	if side != "RIGHT" && side != "LEFT" {
		return "pull_request_review_thread.side is not included in the list"
	}
	hi := hunkOf(hs, side, *d.Line)
	if hi < 0 {
		if d.StartLine != nil {
			return "Pull request review thread line must be part of the diff and Pull request review thread start line must be part of the same hunk as the line."
		}
		return "Line could not be resolved"
	}
	c.Line, c.Side = *d.Line, side
	c.DiffHunk = hunkText(f.Patch, hi)
	if d.StartLine != nil {
		ss := d.StartSide
		if ss == "" {
			ss = side
		}
		if ss != "RIGHT" && ss != "LEFT" {
			return "pull_request_review_thread.start_side is not included in the list"
		}
		if ss == side && *d.StartLine >= *d.Line {
			return "pull_request_review_thread.start_line must precede the end line."
		}
		if hunkOf(hs, ss, *d.StartLine) != hi {
			return "Pull request review thread start line must be part of the same hunk as the line."
		}
		c.StartLine, c.StartSide = *d.StartLine, ss
	}
	return ""
}

// hunkText is the i-th hunk of patch, header included.
func hunkText(patch string, i int) string {
	var out []string
	n := -1
	for _, l := range strings.Split(patch, "\n") {
		if hunkHeader.MatchString(l) {
			n++
		}
		if n == i {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// filesAt is the file list of pull request p at commit sha (one of its
// heads); ok=false when the commit is not part of it.
func filesAt(p *pullRequest, sha string) ([]File, bool) {
	if sha == "" {
		return p.head().files, true
	}
	for i := len(p.heads) - 1; i >= 0; i-- {
		if p.heads[i].sha == sha {
			return p.heads[i].files, true
		}
	}
	return nil, false
}

type reviewRequest struct {
	CommitID string         `json:"commit_id"`
	Body     string         `json:"body"`
	Event    string         `json:"event"`
	Comments []draftComment `json:"comments"`
}

func (s *Server) createReview(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	p := s.pull(w, r, c)
	if p == nil {
		return
	}
	var req reviewRequest
	if !decodeBody(w, r, &req) {
		return
	}
	state := map[string]string{"": "PENDING", "COMMENT": "COMMENTED", "APPROVE": "APPROVED", "REQUEST_CHANGES": "CHANGES_REQUESTED"}[req.Event]
	if state == "" {
		validation(w, "PullRequestReview", "event", "invalid", "")
		return
	}
	if (req.Event == "COMMENT" || req.Event == "REQUEST_CHANGES") && strings.TrimSpace(req.Body) == "" && len(req.Comments) == 0 {
		writeError(w, http.StatusUnprocessableEntity, "Unprocessable Entity", docsReviews, "Review body is required when event is "+req.Event)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	files, ok := filesAt(p, req.CommitID)
	if !ok {
		writeError(w, http.StatusUnprocessableEntity, "Unprocessable Entity", docsReviews, "commit_id is not part of the pull request")
		return
	}
	commit := req.CommitID
	if commit == "" {
		commit = p.head().sha
	}
	placed := make([]Comment, len(req.Comments))
	var errs []any
	for i := range req.Comments {
		if msg := placeComment(files, &req.Comments[i], &placed[i]); msg != "" {
			errs = append(errs, msg)
		} else if c.repo.refuse[placed[i].Path][placed[i].Line] {
			errs = append(errs, "Line could not be resolved")
		}
	}
	if len(errs) > 0 {
		writeError(w, http.StatusUnprocessableEntity, "Unprocessable Entity", docsReviews, errs...)
		return
	}
	bot := s.BotLogin()
	rv := &Review{ID: s.id(), PR: p.spec.Number, CommitID: commit, Body: req.Body, Event: req.Event, State: state, User: bot}
	for _, pc := range placed {
		pc.PR, pc.ReviewID, pc.CommitID, pc.User, pc.UserType = p.spec.Number, rv.ID, commit, bot, "Bot"
		cm := c.repo.addCommentLocked(pc)
		rv.Comments = append(rv.Comments, cm.ID)
	}
	c.repo.reviews = append(c.repo.reviews, rv)
	writeJSON(w, http.StatusOK, s.reviewJSON(c.repo, rv))
}

func (s *Server) reviewJSON(r *Repo, rv *Review) map[string]any {
	return map[string]any{
		"id": rv.ID, "node_id": "PRR_" + strconv.FormatInt(rv.ID, 10), "user": s.userJSON(rv.User, "Bot"),
		"body": rv.Body, "state": rv.State, "commit_id": rv.CommitID,
		"submitted_at":       s.now().UTC().Format(time.RFC3339),
		"author_association": "NONE",
		"html_url":           fmt.Sprintf("https://github.com/%s/pull/%d#pullrequestreview-%d", r.FullName(), rv.PR, rv.ID),
		"pull_request_url":   fmt.Sprintf("%srepos/%s/pulls/%d", s.base, r.FullName(), rv.PR),
	}
}

func (s *Server) listReviews(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	p := s.pull(w, r, c)
	if p == nil {
		return
	}
	s.mu.Lock()
	out := []map[string]any{}
	for _, rv := range c.repo.reviews {
		if rv.PR == p.spec.Number {
			out = append(out, s.reviewJSON(c.repo, rv))
		}
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, paginate(w, r, out))
}

func (s *Server) createReviewComment(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	p := s.pull(w, r, c)
	if p == nil {
		return
	}
	var d draftComment
	if !decodeBody(w, r, &d) {
		return
	}
	if d.InReplyTo != 0 {
		s.reply(w, c, p, d.InReplyTo, d.Body)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if d.CommitID == "" {
		validation(w, "PullRequestReviewComment", "commit_id", "missing_field", "")
		return
	}
	files, ok := filesAt(p, d.CommitID)
	if !ok {
		writeError(w, http.StatusUnprocessableEntity, "Unprocessable Entity", docsComments, "commit_id is not part of the pull request")
		return
	}
	var cm Comment
	if msg := placeComment(files, &d, &cm); msg != "" {
		writeError(w, http.StatusUnprocessableEntity, "Unprocessable Entity", docsComments, msg)
		return
	}
	cm.PR, cm.CommitID, cm.User, cm.UserType = p.spec.Number, d.CommitID, s.BotLogin(), "Bot"
	out := c.repo.addCommentLocked(cm)
	writeJSON(w, http.StatusCreated, s.commentJSON(c.repo, out))
}

func (s *Server) replyReviewComment(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	p := s.pull(w, r, c)
	if p == nil {
		return
	}
	id, _ := strconv.ParseInt(r.PathValue("comment_id"), 10, 64)
	var d struct {
		Body string `json:"body"`
	}
	if !decodeBody(w, r, &d) {
		return
	}
	s.reply(w, c, p, id, d.Body)
}

func (s *Server) reply(w http.ResponseWriter, c *reqCtx, p *pullRequest, to int64, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	found := false
	for _, cm := range c.repo.comments {
		if cm.ID == to && cm.PR == p.spec.Number {
			found = true
		}
	}
	if !found {
		writeError(w, http.StatusNotFound, "Not Found", docsComments)
		return
	}
	if strings.TrimSpace(body) == "" {
		validation(w, "PullRequestReviewComment", "body", "missing_field", "")
		return
	}
	out := c.repo.addCommentLocked(Comment{PR: p.spec.Number, InReplyTo: to, Body: body, User: s.BotLogin(), UserType: "Bot"})
	writeJSON(w, http.StatusCreated, s.commentJSON(c.repo, out))
}

func (s *Server) deleteReviewComment(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	id, _ := strconv.ParseInt(r.PathValue("comment_id"), 10, 64)
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, cm := range c.repo.comments {
		if cm.ID == id {
			c.repo.comments = append(c.repo.comments[:i:i], c.repo.comments[i+1:]...)
			w.WriteHeader(http.StatusNoContent)
			return
		}
	}
	writeError(w, http.StatusNotFound, "Not Found", docsComments)
}
