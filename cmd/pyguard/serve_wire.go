package main

import (
	"context"
	"sync"

	"github.com/google/go-github/v62/github"
	"github.com/palantir/go-githubapp/githubapp"
	"github.com/rs/zerolog"

	"github.com/pyguard/pyguard/internal/metrics"
	"github.com/pyguard/pyguard/review"
	"github.com/pyguard/pyguard/rules"
	"github.com/pyguard/pyguard/webhook"
)

// newRunner builds the reviewer the job queue runs.
func newRunner(clients *installationClients, logger zerolog.Logger) webhook.Runner {
	return &review.Reviewer{
		Clients: clients.get,
		Refresh: clients.forget,
		Rules:   rules.All(),
		Logger:  logger,
	}
}

// installationClients caches one client (and so one token and one ghretry
// rate-limit state) per installation; forget drops one after a 401 so the
// next client fetches a new token.
type installationClients struct {
	cc githubapp.ClientCreator
	mu sync.Mutex
	by map[int64]*github.Client
}

// maxCachedClients bounds the cache; past it, it starts over.
const maxCachedClients = 4096

func newClients(cfg serveConfig, m *metrics.Metrics) (*installationClients, error) {
	cc, err := newClientCreator(cfg, m)
	if err != nil {
		return nil, err
	}
	return &installationClients{cc: cc, by: map[int64]*github.Client{}}, nil
}

func (c *installationClients) get(_ context.Context, id int64) (*github.Client, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gh, ok := c.by[id]; ok {
		return gh, nil
	}
	gh, err := c.cc.NewInstallationClient(id)
	if err != nil {
		return nil, err
	}
	if len(c.by) >= maxCachedClients {
		c.by = map[int64]*github.Client{}
	}
	c.by[id] = gh
	return gh, nil
}

func (c *installationClients) forget(id int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.by, id)
}
