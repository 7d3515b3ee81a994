package review

import (
	"context"
	"strings"

	"github.com/google/go-github/v62/github"
)

// existing is what the pull request's review comments say.
type existing struct {
	// markers are the finding keys present in any comment.
	markers map[string]bool
	// bot are the app's own top-level comments that carry a marker.
	bot []*github.PullRequestComment
	// replied holds the ids of comments someone replied to.
	replied map[int64]bool
}

// listExisting lists every review comment of the pull request.
func (j *job) listExisting(ctx context.Context) (*existing, error) {
	t := j.t
	all, err := allPages(ctx, func(opt github.ListOptions) ([]*github.PullRequestComment, *github.Response, error) {
		return j.gh.PullRequests.ListComments(ctx, t.Owner, t.Repo, j.number, &github.PullRequestListCommentsOptions{ListOptions: opt})
	})
	if err != nil {
		return nil, err
	}
	ex := &existing{markers: map[string]bool{}, replied: map[int64]bool{}}
	for _, c := range all {
		if id := c.GetInReplyTo(); id != 0 {
			ex.replied[id] = true
		}
		key := markerKey(c.GetBody())
		if key == "" {
			continue
		}
		ex.markers[key] = true
		if c.GetInReplyTo() == 0 && isBot(c.GetUser()) {
			ex.bot = append(ex.bot, c)
		}
	}
	return ex, nil
}

// isBot reports whether a comment's author is an app (ours, since the
// comment carries our marker) rather than a person quoting it.
func isBot(u *github.User) bool {
	return u == nil || u.GetType() == "Bot" || strings.HasSuffix(u.GetLogin(), "[bot]")
}

// deleteStale deletes the app's comments whose finding the current head
// no longer produces, unless someone replied to them. known reports
// whether the review knows a path's findings (a file that could not be
// fetched or lies past GitHub's file-list cap is not known). Deletions
// are sequential: GitHub's secondary rate limits punish concurrent
// writes. A failed deletion is logged and does not fail the review.
func (j *job) deleteStale(ctx context.Context, ex *existing, produced map[string]bool, known func(string) bool) (deleted, replied int) {
	for _, c := range ex.bot {
		key := markerKey(c.GetBody())
		if produced[key] || !known(c.GetPath()) {
			continue
		}
		if ex.replied[c.GetID()] {
			replied++
			j.log.Info().Int64("comment_id", c.GetID()).Str("key", key).Msg("finding gone, but someone replied to its comment; leaving it")
			continue
		}
		if _, err := j.gh.PullRequests.DeleteComment(ctx, j.t.Owner, j.t.Repo, c.GetID()); err != nil && !isStatus(err, 404) {
			j.log.Warn().Err(err).Int64("comment_id", c.GetID()).Msg("could not delete a stale comment")
			if ctx.Err() != nil {
				return deleted, replied
			}
			continue
		}
		deleted++
		j.log.Info().Int64("comment_id", c.GetID()).Str("key", key).Msg("deleted the comment of a finding that is gone")
	}
	return deleted, replied
}
