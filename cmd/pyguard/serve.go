package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	stdlog "log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/palantir/go-githubapp/githubapp"
	"github.com/rs/zerolog"

	"github.com/pyguard/pyguard/internal/ghretry"
	"github.com/pyguard/pyguard/internal/metrics"
	"github.com/pyguard/pyguard/webhook"
)

// HTTP server limits, sized for GitHub's deliveries: GitHub gives up on a
// delivery after 10 seconds, so a request that takes longer to arrive is
// not GitHub's and only holds a read slot; bodies are at most 25 MB (the
// receiver's 413), which a datacenter link sends in well under that.
const (
	serveReadHeaderTimeout = 5 * time.Second
	serveReadTimeout       = 20 * time.Second
	serveWriteTimeout      = 20 * time.Second
	serveIdleTimeout       = 90 * time.Second // GitHub reuses connections
	// GitHub's deliveries carry a few KB of headers.
	serveMaxHeaderBytes = 64 << 10
	// githubAttemptTimeout bounds one attempt of a GitHub API call, its
	// body included; ghretry bounds the attempts and waits of a call, and
	// the job's timeout the whole review.
	githubAttemptTimeout = 2 * time.Minute
	// githubCallTimeout bounds one call of a one-shot command (redeliver),
	// retries included; the server uses githubAttemptTimeout instead.
	githubCallTimeout = 5 * time.Minute
	// githubHeaderTimeout bounds one attempt's wait for response headers.
	githubHeaderTimeout = time.Minute
)

func runServe(std stdio, args []string) int {
	fs := newFlagSet("serve", "pyguard serve [flags]\n\n"+
		"Runs the GitHub App: POST /webhook receives GitHub's webhooks, GET /healthz\n"+
		"answers liveness probes. Configuration comes from the environment; the flags\n"+
		"below override it. "+envPrivateKey+" (the PEM key, or base64 of it) and\n"+
		envWebhookSecret+" are read from the environment only.", std)
	var f serveFlags
	f.register(fs)
	var of opsFlags
	of.register(fs)
	operands, exit, ok := parseFlags(fs, args)
	if !ok {
		return exit
	}
	if len(operands) > 0 {
		fmt.Fprintf(std.errout, "pyguard serve: unexpected argument %q\n", operands[0])
		return exitError
	}
	cfg, err := loadServeConfig(f, os.Getenv)
	ops, opsErr := loadOpsConfig(of, os.Getenv)
	err = errors.Join(err, opsErr)
	if err != nil {
		fmt.Fprintf(std.errout, "pyguard serve: invalid configuration:\n  %s\nSee 'pyguard serve -h' and docs/installing.md.\n",
			strings.ReplaceAll(err.Error(), "\n", "\n  "))
		return exitError
	}
	logger := newServeLogger(cfg, std.errout)

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	if err := serve(ctx, cfg, ops, logger); err != nil {
		logger.Error().Err(err).Msg("pyguard serve failed")
		fmt.Fprintf(std.errout, "pyguard serve: %v\n", err)
		return exitError
	}
	return exitOK
}

// newServeLogger writes JSON lines (or zerolog's console format) to w.
func newServeLogger(cfg serveConfig, w io.Writer) zerolog.Logger {
	// Millisecond timestamps; durations are milliseconds (zerolog's default).
	zerolog.TimeFieldFormat = "2006-01-02T15:04:05.000Z07:00"
	out := w
	if cfg.LogFormat == "console" {
		f, isFile := w.(*os.File)
		out = zerolog.ConsoleWriter{Out: w, TimeFormat: time.RFC3339, NoColor: !isFile || !isTerminal(f)}
	}
	return zerolog.New(out).Level(cfg.LogLevel).With().Timestamp().Logger()
}

// serve runs the App until ctx ends (SIGTERM, SIGINT), then stops accepting
// connections, lets running reviews finish for at most cfg.ShutdownTimeout
// and returns nil; reviews still running then are interrupted and resume at
// the next start (their jobs stay in the database).
func serve(ctx context.Context, cfg serveConfig, ops opsConfig, logger zerolog.Logger) error {
	// Libraries that log through zerolog.Ctx without a logger in the
	// context (a GitHub call made outside a job) still reach the log.
	zerolog.DefaultContextLogger = &logger
	for _, w := range cfg.Warnings {
		logger.Warn().Msg(w)
	}

	m := metrics.New()
	clients, err := newClients(cfg, m)
	if err != nil {
		return fmt.Errorf("GitHub client: %w", err)
	}
	queue, err := webhook.OpenQueue(ctx, webhook.QueueConfig{
		DatabaseURL: ops.DatabaseURL,
		Runner:      newRunner(clients, logger),
		Workers:     cfg.Workers,
		Metrics:     m,
		Logger:      logger,
	})
	if err != nil {
		return fmt.Errorf("job queue: %w", err)
	}
	wh, err := webhook.NewHandler(webhook.Config{
		Secret:  cfg.WebhookSecret,
		AppID:   cfg.AppID,
		Queue:   queue,
		Metrics: m,
		Logger:  logger,
	})
	if err != nil {
		_ = queue.Shutdown(context.Background())
		return err
	}

	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		_ = queue.Shutdown(context.Background())
		return err
	}
	var ms *metrics.Server
	if ops.MetricsAddr != "" {
		if ms, err = metrics.Start(ops.MetricsAddr, m.Handler(), logger); err != nil {
			_ = ln.Close()
			_ = queue.Shutdown(context.Background())
			return fmt.Errorf("metrics: %w", err)
		}
	}
	// Jobs left by an earlier run start now, with the receiver up.
	if err := queue.Start(ctx); err != nil {
		_ = ln.Close()
		_ = queue.Shutdown(context.Background())
		return fmt.Errorf("job queue: %w", err)
	}
	srv := &http.Server{
		Handler:           wh,
		ReadHeaderTimeout: serveReadHeaderTimeout,
		ReadTimeout:       serveReadTimeout,
		WriteTimeout:      serveWriteTimeout,
		IdleTimeout:       serveIdleTimeout,
		MaxHeaderBytes:    serveMaxHeaderBytes,
		ErrorLog:          stdlog.New(logger.With().Str("component", "http").Logger(), "", 0),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	ev := logger.Info().
		Str("version", version()).
		Str("addr", ln.Addr().String()).
		Int64("app_id", cfg.AppID).
		Str("github_url", cfg.GitHubURL).
		Str("private_key_from", cfg.KeySource).
		Str("database", ops.DatabaseLabel).
		Int("workers", cfg.Workers).
		Dur("shutdown_timeout", cfg.ShutdownTimeout).
		Str("log_level", cfg.LogLevel.String())
	if ms != nil {
		ev = ev.Str("metrics_addr", ms.Addr())
	}
	ev.Msg("pyguard serve listening")

	stopMetrics := func() {
		if ms != nil {
			sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_ = ms.Shutdown(sctx)
		}
	}
	select {
	case err := <-served:
		// The listener failed; stop the workers (their jobs stay queued).
		drainCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
		defer cancel()
		_ = wh.Shutdown(drainCtx)
		stopMetrics()
		return fmt.Errorf("http server: %w", err)
	case <-ctx.Done():
	}

	logger.Info().Dur("shutdown_timeout", cfg.ShutdownTimeout).
		Msg("shutting down: no new connections; letting running reviews finish")
	graceCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	// A second signal ends the grace period at once.
	again := make(chan os.Signal, 1)
	signal.Notify(again, syscall.SIGTERM, os.Interrupt)
	defer signal.Stop(again)
	go func() {
		select {
		case <-again:
			logger.Warn().Msg("second signal: ending the grace period now")
			cancel()
		case <-graceCtx.Done():
		}
	}()

	start := time.Now()
	// Stop accepting: close the listener and let in-flight requests (which
	// only parse and commit a job) finish; then stop the workers.
	if err := srv.Shutdown(graceCtx); err != nil {
		logger.Warn().Err(err).Msg("http server did not stop in time; closing connections")
		_ = srv.Close()
	}
	if err := wh.Shutdown(graceCtx); err != nil {
		logger.Warn().Err(err).Dur("elapsed", time.Since(start)).
			Msg("shutdown: reviews still running were interrupted; they resume at the next start")
	} else {
		logger.Info().Dur("elapsed", time.Since(start)).Msg("drained: no review running; queued reviews wait in the database; bye")
	}
	stopMetrics()
	return nil
}

// newClientCreator builds go-githubapp's installation client factory: app
// JWT → installation token (ghinstallation, cached and refreshed per
// client), every call through ghretry, each attempt bounded by
// ghretry.AttemptTimeout and counted by the metrics.
func newClientCreator(cfg serveConfig, m *metrics.Metrics) (githubapp.ClientCreator, error) {
	base := http.DefaultTransport.(*http.Transport).Clone()
	base.ResponseHeaderTimeout = githubHeaderTimeout
	base.MaxIdleConnsPerHost = 32 // one host, many concurrent calls

	guarded, err := ghretry.OnlyHost(cfg.GitHubURL, base)
	if err != nil {
		return nil, err
	}
	cc := githubapp.NewClientCreator(cfg.GitHubURL, graphQLURL(cfg.GitHubURL), cfg.AppID, cfg.PrivateKey,
		githubapp.WithClientUserAgent("pyguard/"+version()),
		// No WithClientTimeout: http.Client.Timeout leaks a timer per error
		// response with go-github v62 (see ghretry.AttemptTimeout).
		githubapp.WithTransport(m.Transport(guarded)),
		// The first middleware is the outermost: ghretry sees every
		// attempt's outcome, including a failed installation token fetch,
		// and each attempt is logged at debug level.
		githubapp.WithClientMiddleware(
			ghretry.Middleware(ghretry.Options{}),
			githubapp.ClientLogging(zerolog.DebugLevel),
			ghretry.AttemptTimeout(githubAttemptTimeout),
		),
	)
	// Fail at startup, not on the first webhook, when the key is unusable.
	if _, err := cc.NewAppClient(); err != nil {
		return nil, errors.New("the private key cannot sign app tokens: " + err.Error())
	}
	return cc, nil
}
