package webhook

import (
	"github.com/palantir/go-githubapp/githubapp"
	"github.com/rs/zerolog"

	"github.com/pyguard/pyguard/review"
)

// Log keys of a job's fields. The first ones are go-githubapp's, so lines
// written by its client logging and by ours line up.
const (
	LogKeyDeliveryID      = githubapp.LogKeyDeliveryID      // "github_delivery_id"
	LogKeyInstallationID  = githubapp.LogKeyInstallationID  // "github_installation_id"
	LogKeyRepositoryOwner = githubapp.LogKeyRepositoryOwner // "github_repository_owner"
	LogKeyRepositoryName  = githubapp.LogKeyRepositoryName  // "github_repository_name"
	LogKeyPRNum           = githubapp.LogKeyPRNum           // "github_pr_num"
	LogKeyEvent           = "github_event"                  // "pull_request.synchronize", …
	LogKeyHeadSHA         = "github_head_sha"
	LogKeyCheckRunID      = "github_check_run_id"
)

// JobLogger returns base with the fields that identify t: delivery id,
// event, installation, repository, PR number (0 when not known yet), head
// SHA and, when set, the re-requested check run. Every line about a job is
// written through such a logger; the Runner gets it from zerolog.Ctx(ctx).
func JobLogger(base zerolog.Logger, t review.Target) *zerolog.Logger {
	c := base.With().
		Str(LogKeyDeliveryID, t.DeliveryID).
		Str(LogKeyEvent, t.Event).
		Int64(LogKeyInstallationID, t.InstallationID).
		Str(LogKeyRepositoryOwner, t.Owner).
		Str(LogKeyRepositoryName, t.Repo).
		Int(LogKeyPRNum, t.Number).
		Str(LogKeyHeadSHA, t.HeadSHA)
	if t.CheckRunID != 0 {
		c = c.Int64(LogKeyCheckRunID, t.CheckRunID)
	}
	l := c.Logger()
	return &l
}
