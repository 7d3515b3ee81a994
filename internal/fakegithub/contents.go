package fakegithub

import (
	"encoding/base64"
	"net/http"
	"path"
	"sort"
	"strings"
)

// MaxContentsSize is the largest file the contents API returns inline;
// bigger files come back with "encoding": "none" and empty content.
const MaxContentsSize = 1 << 20

func (s *Server) userJSON(login, typ string) map[string]any {
	if typ == "" {
		typ = "User"
	}
	return map[string]any{"login": login, "id": len(login) * 1000, "type": typ,
		"html_url": "https://github.com/" + login}
}

func (s *Server) repoJSON(r *Repo) map[string]any {
	return map[string]any{
		"id": r.id, "node_id": "R_" + r.Name, "name": r.Name, "full_name": r.FullName(),
		"private": r.Private, "fork": false, "default_branch": r.DefaultBranch,
		"owner":    s.userJSON(r.Owner, "Organization"),
		"html_url": "https://github.com/" + r.FullName(),
		"url":      s.base + "repos/" + r.FullName(),
	}
}

func (s *Server) getRepo(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	writeJSON(w, http.StatusOK, s.repoJSON(c.repo))
}

// b64 encodes like GitHub: standard base64 with a newline every 60
// characters and at the end.
func b64(content string) string {
	e := base64.StdEncoding.EncodeToString([]byte(content))
	var sb strings.Builder
	for len(e) > 60 {
		sb.WriteString(e[:60])
		sb.WriteByte('\n')
		e = e[60:]
	}
	if e != "" {
		sb.WriteString(e)
		sb.WriteByte('\n')
	}
	return sb.String()
}

func (s *Server) getContents(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	p := strings.Trim(r.PathValue("path"), "/")
	ref := r.URL.Query().Get("ref")
	s.mu.Lock()
	sha, ok := c.repo.resolveLocked(ref)
	tree := c.repo.commits[sha]
	s.mu.Unlock()
	if !ok {
		writeError(w, http.StatusNotFound, "No commit found for the ref "+ref, "https://docs.github.com/rest/repos/contents#get-repository-content")
		return
	}
	base := s.base + "repos/" + c.repo.FullName()
	if content, ok := tree[p]; ok {
		bsha := BlobSHA(content)
		out := map[string]any{
			"type": "file", "name": path.Base(p), "path": p, "sha": bsha, "size": len(content),
			"url":      base + "/contents/" + p + "?ref=" + sha,
			"git_url":  base + "/git/blobs/" + bsha,
			"html_url": "https://github.com/" + c.repo.FullName() + "/blob/" + sha + "/" + p,
			"_links":   map[string]string{"self": base + "/contents/" + p, "git": base + "/git/blobs/" + bsha},
		}
		if len(content) > MaxContentsSize {
			out["encoding"], out["content"] = "none", ""
			out["download_url"] = nil
		} else {
			out["encoding"], out["content"] = "base64", b64(content)
			out["download_url"] = "https://raw.githubusercontent.com/" + c.repo.FullName() + "/" + sha + "/" + p
		}
		if strings.Contains(r.Header.Get("Accept"), "raw") && len(content) <= 100<<20 {
			w.Header().Set("Content-Type", "application/vnd.github.raw")
			w.WriteHeader(http.StatusOK)
			_, _ = w.Write([]byte(content))
			return
		}
		writeJSON(w, http.StatusOK, out)
		return
	}
	// A directory: list its entries.
	prefix := p + "/"
	if p == "" {
		prefix = ""
	}
	seen := map[string]bool{}
	var entries []map[string]any
	for fp, content := range tree {
		if !strings.HasPrefix(fp, prefix) {
			continue
		}
		rest := fp[len(prefix):]
		name, _, isDir := strings.Cut(rest, "/")
		if seen[name] {
			continue
		}
		seen[name] = true
		e := map[string]any{"name": name, "path": prefix + name, "type": "file"}
		if isDir {
			e["type"] = "dir"
		} else {
			e["sha"], e["size"] = BlobSHA(content), len(content)
		}
		entries = append(entries, e)
	}
	if len(entries) == 0 {
		writeError(w, http.StatusNotFound, "Not Found", "https://docs.github.com/rest/repos/contents#get-repository-content")
		return
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i]["name"].(string) < entries[j]["name"].(string) })
	writeJSON(w, http.StatusOK, entries)
}

func (s *Server) getBlob(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	sha := r.PathValue("file_sha")
	s.mu.Lock()
	content, ok := c.repo.blobs[sha]
	s.mu.Unlock()
	if !ok {
		writeError(w, http.StatusNotFound, "Not Found", "https://docs.github.com/rest/git/blobs#get-a-blob")
		return
	}
	if strings.Contains(r.Header.Get("Accept"), "raw") {
		w.Header().Set("Content-Type", "application/vnd.github.raw")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(content))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"sha": sha, "node_id": "B_" + sha[:min(8, len(sha))], "size": len(content),
		"url":     s.base + "repos/" + c.repo.FullName() + "/git/blobs/" + sha,
		"content": b64(content), "encoding": "base64",
	})
}

// DeleteBlob removes a blob, as if it had vanished from the repository:
// the blobs API answers 404 for it, while trees still name it (the
// contents API still lists a file over 1 MB with its SHA).
func (r *Repo) DeleteBlob(sha string) {
	r.s.mu.Lock()
	delete(r.blobs, sha)
	r.s.mu.Unlock()
}
