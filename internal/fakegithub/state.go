package fakegithub

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Repo is a seeded repository. Its methods seed state; they are safe for
// concurrent use with the server.
type Repo struct {
	Owner, Name   string
	DefaultBranch string
	Private       bool

	s        *Server
	id       int64
	commits  map[string]map[string]string // commit sha -> path -> content
	branches map[string]string            // branch -> commit sha
	blobs    map[string]string            // blob sha -> content
	prs      map[int]*pullRequest
	comments []*Comment
	reviews  []*Review
	runs     []*CheckRun
	refuse   map[string]map[int]bool // path -> RIGHT lines GitHub refuses
}

func (r *Repo) key() string      { return strings.ToLower(r.Owner + "/" + r.Name) }
func (r *Repo) FullName() string { return r.Owner + "/" + r.Name }

// AddRepo creates a repository (default branch "main") and returns it.
func (s *Server) AddRepo(owner, name string) *Repo {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := &Repo{Owner: owner, Name: name, DefaultBranch: "main", s: s, id: s.id(),
		commits: map[string]map[string]string{}, branches: map[string]string{},
		blobs: map[string]string{}, prs: map[int]*pullRequest{}}
	s.repos[r.key()] = r
	return r
}

// Repo returns a seeded repository, or nil.
func (s *Server) Repo(owner, name string) *Repo { return s.repo(owner, name) }

func (s *Server) repo(owner, name string) *Repo {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.repos[strings.ToLower(owner+"/"+name)]
}

// SHA returns a deterministic 40-hex commit SHA for a name, for tests.
func SHA(name string) string {
	h := sha1.Sum([]byte("commit " + name))
	return hex.EncodeToString(h[:])
}

// BlobSHA is git's object id of a blob with content.
func BlobSHA(content string) string {
	h := sha1.New()
	fmt.Fprintf(h, "blob %d\x00", len(content))
	h.Write([]byte(content))
	return hex.EncodeToString(h.Sum(nil))
}

// Commit records the full tree of commit sha: path -> content.
func (r *Repo) Commit(sha string, files map[string]string) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	tree := make(map[string]string, len(files))
	for p, c := range files {
		tree[p] = c
		r.blobs[BlobSHA(c)] = c
	}
	r.commits[sha] = tree
}

// Derive records commit sha as commit from with changes applied: set maps
// paths to new content, removed paths are deleted.
func (r *Repo) Derive(sha, from string, set map[string]string, removed ...string) {
	r.s.mu.Lock()
	base, ok := r.commits[from]
	r.s.mu.Unlock()
	if !ok {
		panic("fakegithub: Derive from unknown commit " + from)
	}
	tree := make(map[string]string, len(base)+len(set))
	for p, c := range base {
		tree[p] = c
	}
	for p, c := range set {
		tree[p] = c
	}
	for _, p := range removed {
		delete(tree, p)
	}
	r.Commit(sha, tree)
}

// Branch points branch at commit sha.
func (r *Repo) Branch(name, sha string) {
	r.s.mu.Lock()
	r.branches[name] = sha
	r.s.mu.Unlock()
}

// resolveLocked turns a ref (commit sha, branch, "refs/heads/x", or "" for
// the default branch) into a commit sha.
func (r *Repo) resolveLocked(ref string) (string, bool) {
	if ref == "" {
		ref = r.DefaultBranch
	}
	ref = strings.TrimPrefix(ref, "refs/heads/")
	if sha, ok := r.branches[ref]; ok {
		return sha, true
	}
	if _, ok := r.commits[ref]; ok {
		return ref, true
	}
	return "", false
}

// PR seeds a pull request.
type PR struct {
	Number  int
	Title   string
	BaseRef string // default the repository's default branch
	BaseSHA string // required: a commit seeded with Commit
	HeadRef string // default "feature-<number>"
	HeadSHA string // required: a commit seeded with Commit
	// State is "open" (default) or "closed".
	State string
	Draft bool
	// Fork puts the head in a fork, "<user>/<name>", as for outside
	// contributors' pull requests.
	Fork bool
	User string // author login, default "octocat"
	// Files, when set, is the file list as given; otherwise it is computed
	// from the base and head commits (sorted by path, patches with three
	// lines of context).
	Files []File
	// Renames are new path -> old path pairs for the computed list.
	Renames map[string]string
	// NoPatch lists paths whose patch GitHub omits (a diff too large).
	NoPatch []string
}

// File is one entry of a pull request's file list.
type File struct {
	Filename         string
	Status           string // added, removed, modified, renamed, copied, changed, unchanged
	PreviousFilename string
	Patch            string
	// NoPatch omits the patch, as GitHub does for large diffs.
	NoPatch   bool
	SHA       string // blob sha at the head; computed when empty
	Additions int
	Deletions int
}

type pullRequest struct {
	spec  PR
	id    int64
	heads []prHead // oldest first; the last is current
}

type prHead struct {
	sha   string
	files []File
}

func (p *pullRequest) head() prHead { return p.heads[len(p.heads)-1] }

// AddPR seeds a pull request. Files are computed when spec.Files is nil.
func (r *Repo) AddPR(spec PR) {
	if spec.State == "" {
		spec.State = "open"
	}
	if spec.BaseRef == "" {
		spec.BaseRef = r.DefaultBranch
	}
	if spec.HeadRef == "" {
		spec.HeadRef = fmt.Sprintf("feature-%d", spec.Number)
	}
	if spec.User == "" {
		spec.User = "octocat"
	}
	if spec.Title == "" {
		spec.Title = fmt.Sprintf("Pull request %d", spec.Number)
	}
	files := r.files(spec, spec.HeadSHA, spec.Files)
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	r.prs[spec.Number] = &pullRequest{spec: spec, id: r.s.id(), heads: []prHead{{sha: spec.HeadSHA, files: files}}}
}

// Push moves pull request number's head to sha (a synchronize). files as
// in PR.Files: nil recomputes them from the base and the new head.
func (r *Repo) Push(number int, sha string, files []File) {
	r.s.mu.Lock()
	p := r.prs[number]
	r.s.mu.Unlock()
	if p == nil {
		panic(fmt.Sprintf("fakegithub: no pull request %d", number))
	}
	fs := r.files(p.spec, sha, files)
	r.s.mu.Lock()
	p.spec.HeadSHA = sha
	p.heads = append(p.heads, prHead{sha: sha, files: fs})
	r.s.mu.Unlock()
}

// SetPRState sets a pull request's state ("open" or "closed").
func (r *Repo) SetPRState(number int, state string) {
	r.s.mu.Lock()
	r.prs[number].spec.State = state
	r.s.mu.Unlock()
}

// files computes (or completes) the file list of a pull request at head.
func (r *Repo) files(spec PR, head string, given []File) []File {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	headTree := r.commits[head]
	if given != nil {
		out := append([]File(nil), given...)
		for i := range out {
			f := &out[i]
			if f.SHA == "" && f.Status != "removed" {
				if c, ok := headTree[f.Filename]; ok {
					f.SHA = BlobSHA(c)
				}
			}
			if f.Additions == 0 && f.Deletions == 0 {
				f.Additions, f.Deletions = countChanges(f.Patch)
			}
		}
		return out
	}
	baseTree, ok1 := r.commits[spec.BaseSHA]
	if !ok1 || headTree == nil {
		panic(fmt.Sprintf("fakegithub: pull request %d: base %s or head %s not seeded with Commit", spec.Number, spec.BaseSHA, head))
	}
	noPatch := map[string]bool{}
	for _, p := range spec.NoPatch {
		noPatch[p] = true
	}
	renamedFrom := map[string]bool{}
	for _, old := range spec.Renames {
		renamedFrom[old] = true
	}
	paths := map[string]bool{}
	for p := range baseTree {
		paths[p] = true
	}
	for p := range headTree {
		paths[p] = true
	}
	var out []File
	for p := range paths {
		oldC, inBase := baseTree[p]
		newC, inHead := headTree[p]
		var f File
		switch {
		case inHead && spec.Renames[p] != "":
			old := spec.Renames[p]
			f = File{Filename: p, Status: "renamed", PreviousFilename: old, Patch: Patch(baseTree[old], newC)}
		case renamedFrom[p] && !inHead:
			continue
		case inBase && inHead:
			if oldC == newC {
				continue
			}
			f = File{Filename: p, Status: "modified", Patch: Patch(oldC, newC)}
		case inHead:
			f = File{Filename: p, Status: "added", Patch: Patch("", newC)}
		default:
			f = File{Filename: p, Status: "removed", Patch: Patch(oldC, "")}
		}
		if inHead {
			f.SHA = BlobSHA(newC)
		} else {
			f.SHA = BlobSHA(oldC)
		}
		f.Additions, f.Deletions = countChanges(f.Patch)
		if noPatch[p] {
			f.Patch, f.NoPatch = "", true
		}
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Filename < out[j].Filename })
	return out
}

// Comment is a pull-request review comment.
type Comment struct {
	ID        int64
	PR        int
	ReviewID  int64
	Path      string
	Line      int
	StartLine int // 0 for a single-line comment
	Side      string
	StartSide string
	Position  int
	CommitID  string
	Body      string
	InReplyTo int64
	User      string
	UserType  string // "Bot" or "User"
	CreatedAt time.Time
	DiffHunk  string
}

// Review is a submitted pull-request review.
type Review struct {
	ID       int64
	PR       int
	CommitID string
	Body     string
	Event    string
	State    string
	User     string
	Comments []int64
}

// CheckRun is a check run with everything the app sent for it.
type CheckRun struct {
	ID          int64
	Name        string
	HeadSHA     string
	Status      string
	Conclusion  string
	ExternalID  string
	DetailsURL  string
	StartedAt   time.Time
	CompletedAt time.Time
	Title       string
	Summary     string
	Text        string
	// Annotations are all annotations sent, appended across updates.
	Annotations []Annotation
	// Requests counts the create and update requests that succeeded;
	// AnnotationBatches the size of each request's annotations.
	Requests          int
	AnnotationBatches []int
	// StatusHistory lists each status a request set, in order;
	// SummaryHistory each output summary.
	StatusHistory  []string
	SummaryHistory []string
}

// Annotation is a check-run annotation.
type Annotation struct {
	Path            string `json:"path"`
	StartLine       int    `json:"start_line"`
	EndLine         int    `json:"end_line"`
	StartColumn     int    `json:"start_column,omitempty"`
	EndColumn       int    `json:"end_column,omitempty"`
	AnnotationLevel string `json:"annotation_level"`
	Message         string `json:"message"`
	Title           string `json:"title,omitempty"`
	RawDetails      string `json:"raw_details,omitempty"`
}

// AddComment seeds a review comment (e.g. one a person wrote, or one the
// app left on an earlier run) and returns its id. ID, CreatedAt, Side and
// User default sensibly; a reply needs only InReplyTo, Body and User.
func (r *Repo) AddComment(c Comment) int64 {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	return r.addCommentLocked(c).ID
}

func (r *Repo) addCommentLocked(c Comment) *Comment {
	if c.ID == 0 {
		c.ID = r.s.id()
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = r.s.now()
	}
	if c.User == "" {
		c.User = "octocat"
	}
	if c.UserType == "" {
		c.UserType = "User"
		if strings.HasSuffix(c.User, "[bot]") {
			c.UserType = "Bot"
		}
	}
	if c.InReplyTo != 0 {
		for _, p := range r.comments {
			if p.ID == c.InReplyTo {
				c.PR, c.Path, c.Line, c.StartLine, c.Side, c.StartSide = p.PR, p.Path, p.Line, p.StartLine, p.Side, p.StartSide
				c.CommitID, c.Position, c.DiffHunk = p.CommitID, p.Position, p.DiffHunk
			}
		}
	}
	if c.Side == "" {
		c.Side = "RIGHT"
	}
	if c.CommitID == "" {
		if p := r.prs[c.PR]; p != nil {
			c.CommitID = p.head().sha
		}
	}
	cc := c
	r.comments = append(r.comments, &cc)
	return &cc
}

// Reply seeds a reply by user to comment id and returns the reply's id.
func (r *Repo) Reply(to int64, user, body string) int64 {
	return r.AddComment(Comment{InReplyTo: to, User: user, Body: body})
}

// Comments returns the live review comments of pull request number,
// oldest first.
func (s *Server) Comments(owner, repo string, number int) []Comment {
	r := s.repo(owner, repo)
	if r == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Comment
	for _, c := range r.comments {
		if c.PR == number {
			out = append(out, *c)
		}
	}
	return out
}

// Reviews returns the reviews submitted on pull request number.
func (s *Server) Reviews(owner, repo string, number int) []Review {
	r := s.repo(owner, repo)
	if r == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Review
	for _, v := range r.reviews {
		if v.PR == number {
			vv := *v
			vv.Comments = append([]int64(nil), v.Comments...)
			out = append(out, vv)
		}
	}
	return out
}

// CheckRuns returns the check runs on commit sha ("" = all), oldest first.
func (s *Server) CheckRuns(owner, repo, sha string) []CheckRun {
	r := s.repo(owner, repo)
	if r == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []CheckRun
	for _, c := range r.runs {
		if sha == "" || c.HeadSHA == sha {
			cc := *c
			cc.Annotations = append([]Annotation(nil), c.Annotations...)
			cc.AnnotationBatches = append([]int(nil), c.AnnotationBatches...)
			cc.StatusHistory = append([]string(nil), c.StatusHistory...)
			cc.SummaryHistory = append([]string(nil), c.SummaryHistory...)
			out = append(out, cc)
		}
	}
	return out
}

// AddCheckRun seeds a check run (e.g. a completed one a user re-requests)
// and returns its id.
func (r *Repo) AddCheckRun(c CheckRun) int64 {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	if c.ID == 0 {
		c.ID = r.s.id()
	}
	cc := c
	r.runs = append(r.runs, &cc)
	return cc.ID
}

// RefuseCommentsOn makes review comments on line of path (RIGHT side)
// fail with 422 "Line could not be resolved" even though the line is in
// the diff, as GitHub occasionally does (e.g. when its diff of the file
// differs from the patch it listed). Tests use it to exercise recovery.
func (r *Repo) RefuseCommentsOn(path string, lines ...int) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	if r.refuse == nil {
		r.refuse = map[string]map[int]bool{}
	}
	if r.refuse[path] == nil {
		r.refuse[path] = map[int]bool{}
	}
	for _, l := range lines {
		r.refuse[path][l] = true
	}
}
