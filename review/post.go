package review

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/google/go-github/v62/github"
)

// maxCommentsPerReview bounds one review: GitHub's secondary rate limits
// punish larger bursts of content creation.
const maxCommentsPerReview = 30

// plannedComment is an inline comment about to be posted.
type plannedComment struct {
	f         *finding
	path      string
	line      int
	startLine int // 0 for a one-line comment
	body      string
	// oneClick: the comment carries a suggestion that fixes its finding
	// (its own block, or a merged one on another comment).
	oneClick bool
}

func (c plannedComment) draft() *github.DraftReviewComment {
	d := &github.DraftReviewComment{
		Path: github.String(c.path), Body: github.String(c.body),
		Line: github.Int(c.line), Side: github.String("RIGHT"),
	}
	if c.startLine > 0 {
		d.StartLine, d.StartSide = github.Int(c.startLine), github.String("RIGHT")
	}
	return d
}

// postComments posts the comments as reviews of at most 30 comments. A
// review GitHub refuses with 422 is split in halves until the refused
// comments are found; they are dropped and logged, the rest posted. It
// returns what was posted and refused, and the error that stopped it.
func (j *job) postComments(ctx context.Context, cs []plannedComment, kept int) (posted, refused []*finding, err error) {
	if len(cs) == 0 {
		return nil, nil, nil
	}
	// The markers again, right before posting: whatever happened since the
	// review listed them (an earlier attempt whose create-review call
	// GitHub acted on before the connection dropped), a comment is never
	// posted twice.
	if cs, err = j.dropPresent(ctx, cs); err != nil {
		return nil, nil, err
	}
	batches := chunk(cs, maxCommentsPerReview)
	oneClick := 0
	for _, c := range cs {
		if c.oneClick {
			oneClick++
		}
	}
	for i, b := range batches {
		body := reviewBody(len(cs), oneClick, kept, i+1, len(batches))
		p, r, err := j.postReview(ctx, b, body)
		posted, refused = append(posted, p...), append(refused, r...)
		if err != nil {
			return posted, refused, err
		}
	}
	if len(cs) > 0 {
		j.log.Info().Int("posted", len(posted)).Int("refused", len(refused)).Int("reviews", len(batches)).Msg("review comments posted")
	}
	return posted, refused, nil
}

func (j *job) postReview(ctx context.Context, cs []plannedComment, body string) (posted, refused []*finding, err error) {
	if len(cs) == 0 {
		return nil, nil, nil
	}
	drafts := make([]*github.DraftReviewComment, len(cs))
	for i, c := range cs {
		drafts[i] = c.draft()
	}
	_, _, err = j.gh.PullRequests.CreateReview(ctx, j.t.Owner, j.t.Repo, j.number, &github.PullRequestReviewRequest{
		CommitID: github.String(j.headSHA), Body: github.String(body), Event: github.String("COMMENT"), Comments: drafts,
	})
	if err == nil {
		for _, c := range cs {
			posted = append(posted, c.f)
		}
		return posted, nil, nil
	}
	if !isStatus(err, 422) || mentionsCommit(err) {
		return nil, nil, fmt.Errorf("create review: %w", err)
	}
	if len(cs) == 1 {
		c := cs[0]
		j.log.Warn().Str("path", c.path).Int("line", c.line).Int("start_line", c.startLine).
			Str("rule", c.f.rule.ID).Str("github_error", errorText(err)).Msg("GitHub refused a review comment; dropped it")
		return nil, []*finding{c.f}, nil
	}
	mid := len(cs) / 2
	p1, r1, err := j.postReview(ctx, cs[:mid], body)
	if err != nil {
		return p1, r1, err
	}
	p2, r2, err := j.postReview(ctx, cs[mid:], body)
	return append(p1, p2...), append(r1, r2...), err
}

// dropPresent lists the pull request's markers and leaves out the comments
// already there.
func (j *job) dropPresent(ctx context.Context, cs []plannedComment) ([]plannedComment, error) {
	ex, err := j.listExisting(ctx)
	if err != nil {
		return nil, fmt.Errorf("list review comments before posting: %w", err)
	}
	out := cs[:0:0]
	for _, c := range cs {
		if ex.markers[c.f.key()] {
			j.log.Info().Str("rule", c.f.rule.ID).Str("path", c.path).Int("line", c.line).
				Msg("comment already on the pull request (posted by an earlier attempt); not posting it again")
			continue
		}
		out = append(out, c)
	}
	return out, nil
}

// mentionsCommit reports a 422 about the review's commit (the head moved
// during the review) rather than about a comment: splitting cannot help.
func mentionsCommit(err error) bool {
	return strings.Contains(strings.ToLower(errorText(err)), "commit")
}

// errorText is GitHub's message and errors, without the request URL.
func errorText(err error) string {
	var er *github.ErrorResponse
	if !errors.As(err, &er) {
		return err.Error()
	}
	parts := []string{er.Message}
	for _, e := range er.Errors {
		switch {
		case e.Message != "":
			parts = append(parts, e.Message)
		case e.Field != "":
			parts = append(parts, e.Field+" "+e.Code)
		}
	}
	return strings.Join(parts, ": ")
}

// reviewBody is the short text of a review.
func reviewBody(n, oneClick, kept, part, parts int) string {
	s := fmt.Sprintf("**PyGuard** found %d new %s on the changed lines of this push", n, plural(n, "issue", "issues"))
	switch {
	case oneClick == n && n > 1:
		s += "; each comes with a one-click fix (a suggested change you can commit from the comment)."
	case oneClick == n:
		s += "; it comes with a one-click fix (a suggested change you can commit from the comment)."
	case oneClick > 0:
		s += fmt.Sprintf("; %d of them %s with a one-click fix (a suggested change you can commit from the comment).", oneClick, plural(oneClick, "comes", "come"))
	default:
		s += "."
	}
	if parts > 1 {
		s += fmt.Sprintf(" (Part %d of %d.)", part, parts)
	}
	if kept > n {
		s += fmt.Sprintf(" The **PyGuard** check run lists all %d findings on changed lines.", kept)
	} else {
		s += " The **PyGuard** check run has the summary."
	}
	return s
}
