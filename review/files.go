package review

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/google/go-github/v62/github"

	"github.com/pyguard/pyguard/internal/config"
	"github.com/pyguard/pyguard/internal/pysource"
	"github.com/pyguard/pyguard/internal/scan"
)

// maxListedFiles is how many files GitHub lists for a pull request.
const maxListedFiles = 3000

// maxFileSize is the largest file analysed, as in `pyguard scan`.
const maxFileSize = scan.MaxFileSize

// prFile is one changed file of the pull request.
type prFile struct {
	path, prevPath, status, sha string
	patch                       string
	hasPatch                    bool
	diff                        *fileDiff // nil without a patch
	// patchNote says why the file gets no inline comments (no patch, or
	// one that could not be read), or is "".
	patchNote string
}

// skipped is a changed Python file and what happened to it: in
// result.skipped, one that was not analysed or not fully (the gate counts
// it); in result.notes, one analysed without inline comments, or not
// Python source at all.
type skipped struct {
	path, reason string
}

// fileList is the pull request's changed files as GitHub lists them.
type fileList struct {
	files []prFile
	// capped: GitHub stopped listing at 3,000 files.
	capped       bool
	changedFiles int // the pull request's changed_files count
}

// listFiles lists every page of the pull request's files.
func (j *job) listFiles(ctx context.Context, changedFiles int) (*fileList, error) {
	t := j.t
	all, err := allPages(ctx, func(opt github.ListOptions) ([]*github.CommitFile, *github.Response, error) {
		return j.gh.PullRequests.ListFiles(ctx, t.Owner, t.Repo, j.number, &opt)
	})
	if err != nil {
		return nil, fmt.Errorf("list pull request files: %w", err)
	}
	fl := &fileList{changedFiles: changedFiles}
	for _, f := range all {
		pf := prFile{path: f.GetFilename(), prevPath: f.GetPreviousFilename(), status: f.GetStatus(), sha: f.GetSHA(), patch: f.GetPatch()}
		pf.hasPatch = f.Patch != nil && f.GetPatch() != ""
		fl.files = append(fl.files, pf)
	}
	// changed_files tells whether the list is complete; without it, a
	// full list may have been cut.
	fl.capped = changedFiles > len(all) || changedFiles == 0 && len(all) >= maxListedFiles
	return fl, nil
}

// reviewable reports whether a changed file is one to analyse: a .py file
// that exists at the head.
func reviewable(f prFile) bool {
	if !strings.HasSuffix(f.path, ".py") {
		return false
	}
	switch f.status {
	case "added", "modified", "renamed", "copied", "changed":
		return true
	}
	return false
}

// fetched is one file's content, or why it has none.
type fetched struct {
	src []byte // UTF-8 text
	// encoding is the encoding the file was decoded from when that changed
	// its bytes (a PEP 263 declaration), or "".
	encoding string
	reason   string // set when the file is skipped
	// notSource: the path is not a Python source at all (a symlink, a
	// submodule), so skipping it leaves nothing unanalysed.
	notSource bool
}

// notAnalysed is a file skipped for reason: the gate counts it.
func notAnalysed(format string, args ...any) fetched {
	return fetched{reason: fmt.Sprintf(format, args...)}
}

func tooLarge(size int) fetched {
	return notAnalysed("too large to analyse (%d bytes; the limit is %d MiB)", size, maxFileSize>>20)
}

// fetchAll fetches the files' content at the head SHA, at most n at a
// time, calling analyse for each as soon as it arrives. A file GitHub
// cannot give arrives with a reason; fetchAll stops at the first other
// error (a server or network error, a rate limit, a revoked token), so
// the job fails and is retried rather than passing files it never saw.
func (j *job) fetchAll(ctx context.Context, files []prFile, n int, analyse func(i int, f fetched)) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	setErr := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
			cancel()
		}
		mu.Unlock()
	}
	idx := make(chan int)
	for range min(n, len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if p := recover(); p != nil {
					setErr(fmt.Errorf("internal error fetching files: %v", p))
				}
			}()
			for i := range idx {
				f, err := j.fetch(ctx, files[i])
				if err != nil {
					setErr(err)
					continue
				}
				analyse(i, f)
			}
		}()
	}
feed:
	for i := range files {
		select {
		case idx <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(idx)
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}

// fetch gets one file at the head SHA through the contents API, or the
// blobs API for files GitHub does not return inline (over 1 MB). A file
// GitHub answers 404 for (a blob gone from the repository) or refuses is
// skipped with the reason; the rest of the review goes on.
func (j *job) fetch(ctx context.Context, f prFile) (fetched, error) {
	t := j.t
	j.r.hook("fetch:" + f.path)
	fc, _, _, err := j.gh.Repositories.GetContents(ctx, t.Owner, t.Repo, f.path, &github.RepositoryContentGetOptions{Ref: j.headSHA})
	blobSHA, size := f.sha, -1
	switch {
	case err == nil && fc == nil:
		return fetched{reason: "a directory at the head commit", notSource: true}, nil
	case err == nil:
		switch fc.GetType() {
		case "", "file":
		case "symlink":
			return fetched{reason: "a symbolic link (its target is reviewed where it changes)", notSource: true}, nil
		default:
			return fetched{reason: "not a regular file (" + fc.GetType() + ")", notSource: true}, nil
		}
		if fc.GetSize() > maxFileSize {
			return tooLarge(fc.GetSize()), nil
		}
		if fc.GetSHA() != "" {
			blobSHA = fc.GetSHA()
		}
		if enc := fc.GetEncoding(); enc == "base64" && (fc.Content != nil && *fc.Content != "" || fc.GetSize() == 0) {
			s, err := fc.GetContent()
			if err != nil {
				return fetched{}, fmt.Errorf("decode %s: %w", f.path, err)
			}
			return check([]byte(s)), nil
		}
		// "encoding": "none" (a file over 1 MB): through the blobs API.
		size = fc.GetSize()
	case errors.Is(err, github.ErrPathForbidden) || isStatus(err, 403, 404):
		// A path the contents API refuses ("..") or a file too large for
		// it (older GitHub answers 403 too_large): the blob has it.
		if blobSHA == "" {
			return refused("its contents", err), nil
		}
	default:
		return fetched{}, fmt.Errorf("fetch %s: %w", f.path, err)
	}
	return j.fetchBlob(ctx, f.path, blobSHA, size)
}

// refused is a file GitHub will not give: 404 (gone at the head), 403 (too
// large, or a path it refuses) or 422. Rate limits are not refusals:
// go-github reports them as other errors, which fail the fetch.
func refused(what string, err error) fetched {
	var er *github.ErrorResponse
	if errors.As(err, &er) && er.Response != nil {
		msg := strings.TrimSpace(er.Message)
		if msg == "" {
			msg = http.StatusText(er.Response.StatusCode)
		}
		return notAnalysed("GitHub could not give %s (%d %s)", what, er.Response.StatusCode, clip(msg, 120))
	}
	return notAnalysed("GitHub could not give %s (%s)", what, clip(err.Error(), 120))
}

// fetchBlob gets a blob's raw bytes (no JSON, no base64: the least
// memory); size is its size when known, else -1. More than maxFileSize
// bytes are not read.
func (j *job) fetchBlob(ctx context.Context, p, sha string, size int) (fetched, error) {
	release, err := reserveMemory(ctx, blobCost(size))
	if err != nil {
		return fetched{}, err
	}
	defer release()
	req, err := j.gh.NewRequest("GET", fmt.Sprintf("repos/%v/%v/git/blobs/%v", j.t.Owner, j.t.Repo, sha), nil)
	if err != nil {
		return fetched{}, err
	}
	req.Header.Set("Accept", "application/vnd.github.v3.raw") // as go-github's GetBlobRaw
	buf := &cappedBuffer{limit: maxFileSize}
	if size >= 0 {
		buf.b.Grow(size)
	}
	_, err = j.gh.Do(ctx, req, buf)
	switch {
	case errors.Is(err, errTooLarge):
		return notAnalysed("too large to analyse (over %d MiB)", maxFileSize>>20), nil
	case errors.Is(err, github.ErrPathForbidden) || isStatus(err, 403, 404, 422):
		return refused("its blob "+short(sha), err), nil
	case err != nil:
		return fetched{}, fmt.Errorf("fetch blob of %s: %w", p, err)
	}
	return check(buf.b.Bytes()), nil
}

var errTooLarge = errors.New("too large")

// cappedBuffer takes at most limit bytes; a write beyond them fails, which
// stops the download.
type cappedBuffer struct {
	b     bytes.Buffer
	limit int
}

func (c *cappedBuffer) Write(p []byte) (int, error) {
	if c.b.Len()+len(p) > c.limit {
		return 0, errTooLarge
	}
	return c.b.Write(p)
}

// check refuses what `pyguard scan` refuses: oversized and binary files,
// and text that is neither UTF-8 nor in the encoding its PEP 263
// declaration names. Declared encodings are decoded to UTF-8, with the
// same lines.
func check(src []byte) fetched {
	switch {
	case len(src) > maxFileSize:
		return tooLarge(len(src))
	case bytes.IndexByte(src, 0) >= 0:
		return notAnalysed("binary file (contains NUL bytes)")
	}
	text, err := pysource.Decode(src)
	if err != nil {
		return notAnalysed("%s", err)
	}
	f := fetched{src: text}
	if !bytes.Equal(text, src) {
		f.encoding, _ = pysource.Encoding(src)
	}
	return f
}

// loadConfig reads .pyguard.yml from the base branch (its tip, so that a
// maintainer's change applies to re-runs at once; the base commit when the
// branch is unknown): a pull request cannot change the configuration it is
// checked with. No file means defaults.
func (j *job) loadConfig(ctx context.Context) (*config.Config, error, error) {
	t := j.t
	ref := j.baseRef
	if ref == "" {
		ref = j.baseSHA
	}
	fc, dir, _, err := j.gh.Repositories.GetContents(ctx, t.Owner, t.Repo, config.FileName, &github.RepositoryContentGetOptions{Ref: ref})
	if isStatus(err, 404) {
		return config.Default(), nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read %s from the base branch: %w", config.FileName, err)
	}
	if fc == nil || dir != nil {
		return nil, errors.New("is not a file"), nil
	}
	var data []byte
	switch {
	case fc.GetEncoding() == "none" || fc.GetSize() > config.MaxSize:
		return nil, fmt.Errorf("larger than %d KiB; a configuration this big is a mistake", config.MaxSize>>10), nil
	default:
		s, err := fc.GetContent()
		if err != nil {
			return nil, nil, fmt.Errorf("decode %s: %w", config.FileName, err)
		}
		data = []byte(s)
	}
	cfg, perr := config.Parse(data)
	if perr != nil {
		return nil, perr, nil
	}
	return cfg, nil, nil
}
