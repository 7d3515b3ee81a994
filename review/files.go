package review

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"

	"strings"
	"sync"
	"unicode/utf8"

	"github.com/google/go-github/v62/github"

	"github.com/pyguard/pyguard/internal/config"
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
}

// skipped is a changed Python file that was not analysed, analysed only in
// part, or analysed without inline comments, and why.
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
	fl.capped = len(all) >= maxListedFiles || changedFiles > len(all)
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
	src    []byte
	reason string // set when the file is skipped
}

// fetchAll fetches the files' content at the head SHA, at most n at a
// time, calling analyse for each as soon as it arrives. It stops at the
// first API error.
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
// blobs API for files GitHub does not return inline (over 1 MB).
func (j *job) fetch(ctx context.Context, f prFile) (fetched, error) {
	t := j.t
	j.r.hook("fetch:" + f.path)
	fc, _, _, err := j.gh.Repositories.GetContents(ctx, t.Owner, t.Repo, f.path, &github.RepositoryContentGetOptions{Ref: j.headSHA})
	blobSHA := f.sha
	switch {
	case err == nil && fc == nil:
		return fetched{reason: "not a file at the head commit"}, nil
	case err == nil:
		switch fc.GetType() {
		case "", "file":
		case "symlink":
			return fetched{reason: "a symbolic link"}, nil
		default:
			return fetched{reason: "not a regular file (" + fc.GetType() + ")"}, nil
		}
		if fc.GetSize() > maxFileSize {
			return fetched{reason: fmt.Sprintf("too large to analyse (%d bytes; the limit is %d MiB)", fc.GetSize(), maxFileSize>>20)}, nil
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
	case errors.Is(err, github.ErrPathForbidden) || isStatus(err, 403, 404):
		// A path the contents API refuses ("..") or a file too large for
		// it (older GitHub answers 403 too_large): the blob has it.
		if blobSHA == "" {
			return fetched{}, fmt.Errorf("fetch %s: %w", f.path, err)
		}
	default:
		return fetched{}, fmt.Errorf("fetch %s: %w", f.path, err)
	}
	return j.fetchBlob(ctx, f.path, blobSHA)
}

func (j *job) fetchBlob(ctx context.Context, p, sha string) (fetched, error) {
	if sha == "" {
		return fetched{}, fmt.Errorf("fetch %s: no blob SHA", p)
	}
	b, _, err := j.gh.Git.GetBlob(ctx, j.t.Owner, j.t.Repo, sha)
	if err != nil {
		return fetched{}, fmt.Errorf("fetch blob of %s: %w", p, err)
	}
	if b.GetSize() > maxFileSize {
		return fetched{reason: fmt.Sprintf("too large to analyse (%d bytes; the limit is %d MiB)", b.GetSize(), maxFileSize>>20)}, nil
	}
	var src []byte
	switch b.GetEncoding() {
	case "base64":
		src, err = base64.StdEncoding.DecodeString(strings.NewReplacer("\n", "", "\r", "").Replace(b.GetContent()))
		if err != nil {
			return fetched{}, fmt.Errorf("decode blob of %s: %w", p, err)
		}
	case "utf-8", "":
		src = []byte(b.GetContent())
	default:
		return fetched{}, fmt.Errorf("blob of %s: unsupported encoding %q", p, b.GetEncoding())
	}
	return check(src), nil
}

// check refuses what `pyguard scan` refuses: oversized, binary and
// non-UTF-8 files.
func check(src []byte) fetched {
	switch {
	case len(src) > maxFileSize:
		return fetched{reason: fmt.Sprintf("too large to analyse (%d bytes; the limit is %d MiB)", len(src), maxFileSize>>20)}
	case bytes.IndexByte(src, 0) >= 0:
		return fetched{reason: "binary file (contains NUL bytes)"}
	case !utf8.Valid(src):
		return fetched{reason: "not valid UTF-8"}
	}
	return fetched{src: src}
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
