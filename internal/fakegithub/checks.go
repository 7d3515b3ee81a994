package fakegithub

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"
	"unicode/utf8"
)

const (
	// MaxAnnotationsPerRequest is GitHub's limit per check-run request.
	MaxAnnotationsPerRequest = 50
	// MaxOutputText is GitHub's limit on output.summary and output.text.
	MaxOutputText = 65535
	docsChecks    = "https://docs.github.com/rest/checks/runs"
)

type checkRunOutput struct {
	Title       *string      `json:"title"`
	Summary     *string      `json:"summary"`
	Text        *string      `json:"text"`
	Annotations []Annotation `json:"annotations"`
}

type checkRunRequest struct {
	Name        *string         `json:"name"`
	HeadSHA     *string         `json:"head_sha"`
	DetailsURL  *string         `json:"details_url"`
	ExternalID  *string         `json:"external_id"`
	Status      *string         `json:"status"`
	Conclusion  *string         `json:"conclusion"`
	StartedAt   *time.Time      `json:"started_at"`
	CompletedAt *time.Time      `json:"completed_at"`
	Output      *checkRunOutput `json:"output"`
	Actions     json.RawMessage `json:"actions"`
}

var (
	statuses    = map[string]bool{"queued": true, "in_progress": true, "completed": true, "waiting": true, "requested": true, "pending": true}
	conclusions = map[string]bool{"action_required": true, "cancelled": true, "failure": true, "neutral": true, "success": true, "skipped": true, "stale": true, "timed_out": true}
	levels      = map[string]bool{"notice": true, "warning": true, "failure": true}
)

// validateCheckRun applies GitHub's rules to a create or update request;
// it returns the failing field and message, or "".
func validateCheckRun(req *checkRunRequest) (field, msg string) {
	if req.Status != nil && !statuses[*req.Status] {
		return "status", "status is not included in the list"
	}
	if req.Conclusion != nil && !conclusions[*req.Conclusion] {
		return "conclusion", "conclusion is not included in the list"
	}
	if req.Status != nil && *req.Status == "completed" && req.Conclusion == nil {
		return "conclusion", "Conclusion can't be blank when status is completed"
	}
	if o := req.Output; o != nil {
		if o.Title == nil || *o.Title == "" {
			return "output.title", "Title can't be blank"
		}
		if o.Summary == nil || *o.Summary == "" {
			return "output.summary", "Summary can't be blank"
		}
		if utf8.RuneCountInString(*o.Summary) > MaxOutputText {
			return "output.summary", fmt.Sprintf("Summary is too long (maximum is %d characters)", MaxOutputText)
		}
		if o.Text != nil && utf8.RuneCountInString(*o.Text) > MaxOutputText {
			return "output.text", fmt.Sprintf("Text is too long (maximum is %d characters)", MaxOutputText)
		}
		if len(o.Annotations) > MaxAnnotationsPerRequest {
			return "output.annotations", fmt.Sprintf("Only %d annotations are allowed per request", MaxAnnotationsPerRequest)
		}
		for i, a := range o.Annotations {
			switch {
			case a.Path == "":
				return fmt.Sprintf("output.annotations[%d].path", i), "path can't be blank"
			case a.StartLine < 1 || a.EndLine < a.StartLine:
				return fmt.Sprintf("output.annotations[%d].start_line", i), "start_line and end_line must be lines, end_line not before start_line"
			case !levels[a.AnnotationLevel]:
				return fmt.Sprintf("output.annotations[%d].annotation_level", i), "annotation_level is not included in the list"
			case a.Message == "":
				return fmt.Sprintf("output.annotations[%d].message", i), "message can't be blank"
			case (a.StartColumn != 0 || a.EndColumn != 0) && a.StartLine != a.EndLine:
				return fmt.Sprintf("output.annotations[%d].start_column", i), "start_column and end_column are only allowed on the same line"
			}
		}
	}
	return "", ""
}

// apply merges a valid request into run, the way GitHub does: output
// fields replace, annotations append.
func (s *Server) apply(run *CheckRun, req *checkRunRequest) {
	if req.Name != nil {
		run.Name = *req.Name
	}
	if req.DetailsURL != nil {
		run.DetailsURL = *req.DetailsURL
	}
	if req.ExternalID != nil {
		run.ExternalID = *req.ExternalID
	}
	if req.StartedAt != nil {
		run.StartedAt = *req.StartedAt
	}
	if req.Status != nil {
		run.Status = *req.Status
		if run.Status != "completed" {
			run.Conclusion, run.CompletedAt = "", time.Time{}
		}
	}
	if req.Conclusion != nil {
		// A conclusion completes the run.
		run.Conclusion, run.Status = *req.Conclusion, "completed"
		run.CompletedAt = s.now()
		if req.CompletedAt != nil {
			run.CompletedAt = *req.CompletedAt
		}
	}
	if o := req.Output; o != nil {
		run.Title, run.Summary = *o.Title, *o.Summary
		run.SummaryHistory = append(run.SummaryHistory, run.Summary)
		if o.Text != nil {
			run.Text = *o.Text
		}
		run.Annotations = append(run.Annotations, o.Annotations...)
		run.AnnotationBatches = append(run.AnnotationBatches, len(o.Annotations))
	}
	run.Requests++
	run.StatusHistory = append(run.StatusHistory, run.Status)
}

func (s *Server) createCheckRun(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	var req checkRunRequest
	if !decodeBody(w, r, &req) {
		return
	}
	if req.Name == nil || *req.Name == "" {
		validation(w, "CheckRun", "name", "missing_field", "")
		return
	}
	if req.HeadSHA == nil || *req.HeadSHA == "" {
		validation(w, "CheckRun", "head_sha", "missing_field", "")
		return
	}
	if f, msg := validateCheckRun(&req); f != "" {
		validation(w, "CheckRun", f, "invalid", msg)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := c.repo.commits[*req.HeadSHA]; !ok {
		writeError(w, http.StatusUnprocessableEntity, "No commit found for SHA: "+*req.HeadSHA, docsChecks)
		return
	}
	run := &CheckRun{ID: s.id(), HeadSHA: *req.HeadSHA, Status: "queued", StartedAt: s.now()}
	s.apply(run, &req)
	c.repo.runs = append(c.repo.runs, run)
	writeJSON(w, http.StatusCreated, s.checkRunJSON(c.repo, run))
}

func (s *Server) findRun(w http.ResponseWriter, r *http.Request, c *reqCtx) *CheckRun {
	id, _ := strconv.ParseInt(r.PathValue("check_run_id"), 10, 64)
	for _, run := range c.repo.runs {
		if run.ID == id {
			return run
		}
	}
	writeError(w, http.StatusNotFound, "Not Found", docsChecks)
	return nil
}

func (s *Server) updateCheckRun(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	var req checkRunRequest
	if !decodeBody(w, r, &req) {
		return
	}
	if f, msg := validateCheckRun(&req); f != "" {
		validation(w, "CheckRun", f, "invalid", msg)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	run := s.findRun(w, r, c)
	if run == nil {
		return
	}
	s.apply(run, &req)
	writeJSON(w, http.StatusOK, s.checkRunJSON(c.repo, run))
}

func (s *Server) getCheckRun(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if run := s.findRun(w, r, c); run != nil {
		writeJSON(w, http.StatusOK, s.checkRunJSON(c.repo, run))
	}
}

func (s *Server) listCheckRuns(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	s.mu.Lock()
	sha, ok := c.repo.resolveLocked(r.PathValue("ref"))
	if !ok {
		s.mu.Unlock()
		writeError(w, http.StatusUnprocessableEntity, "No commit found for SHA: "+r.PathValue("ref"), docsChecks)
		return
	}
	name, status := r.URL.Query().Get("check_name"), r.URL.Query().Get("status")
	runs := []map[string]any{}
	for i := len(c.repo.runs) - 1; i >= 0; i-- { // newest first
		run := c.repo.runs[i]
		if run.HeadSHA == sha && (name == "" || run.Name == name) && (status == "" || run.Status == status) {
			runs = append(runs, s.checkRunJSON(c.repo, run))
		}
	}
	s.mu.Unlock()
	page := paginate(w, r, runs)
	writeJSON(w, http.StatusOK, map[string]any{"total_count": len(runs), "check_runs": page})
}

func (s *Server) listAnnotations(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	s.mu.Lock()
	run := s.findRun(w, r, c)
	var out []Annotation
	if run != nil {
		out = append([]Annotation{}, run.Annotations...)
	}
	s.mu.Unlock()
	if run != nil {
		writeJSON(w, http.StatusOK, paginate(w, r, out))
	}
}

func (s *Server) checkRunJSON(r *Repo, run *CheckRun) map[string]any {
	api := fmt.Sprintf("%srepos/%s/check-runs/%d", s.base, r.FullName(), run.ID)
	m := map[string]any{
		"id": run.ID, "node_id": "CR_" + strconv.FormatInt(run.ID, 10), "name": run.Name, "head_sha": run.HeadSHA,
		"status": run.Status, "external_id": run.ExternalID, "details_url": run.DetailsURL,
		"url": api, "html_url": fmt.Sprintf("https://github.com/%s/runs/%d", r.FullName(), run.ID),
		"started_at": run.StartedAt.UTC().Format(time.RFC3339),
		"output": map[string]any{"title": run.Title, "summary": run.Summary, "text": run.Text,
			"annotations_count": len(run.Annotations), "annotations_url": api + "/annotations"},
		"app":            s.appJSON(),
		"check_suite":    map[string]any{"id": r.id*1000 + 1},
		"pull_requests":  []any{},
		"conclusion":     nil,
		"completed_at":   nil,
		"head_branch":    nil,
		"repository_url": s.base + "repos/" + r.FullName(),
	}
	if run.Status == "completed" {
		m["conclusion"] = run.Conclusion
		m["completed_at"] = run.CompletedAt.UTC().Format(time.RFC3339)
	}
	return m
}
