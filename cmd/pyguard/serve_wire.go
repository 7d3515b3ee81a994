package main

import (
	"context"

	"github.com/google/go-github/v62/github"
	"github.com/palantir/go-githubapp/githubapp"
	"github.com/rs/zerolog"

	"github.com/pyguard/pyguard/review"
	"github.com/pyguard/pyguard/rules"
	"github.com/pyguard/pyguard/webhook"
)

// newRunner builds the reviewer the webhook queue runs: installation
// clients come from go-githubapp's caching creator (one client, token and
// ghretry transport per installation).
func newRunner(cfg serveConfig, cc githubapp.ClientCreator, logger zerolog.Logger) (webhook.Runner, error) {
	return &review.Reviewer{
		Clients: func(_ context.Context, installationID int64) (*github.Client, error) {
			return cc.NewInstallationClient(installationID)
		},
		Rules:  rules.All(),
		Logger: logger,
	}, nil
}
