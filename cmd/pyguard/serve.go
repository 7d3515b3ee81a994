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
	"github.com/pyguard/pyguard/webhook"
)

// HTTP server limits. Webhook bodies are at most 25 MB (GitHub's cap, and
// the receiver's 413); the receiver answers as soon as a job is queued.
const (
	serveReadHeaderTimeout = 10 * time.Second
	serveReadTimeout       = 2 * time.Minute // a 25 MB body over a slow proxy link
	serveWriteTimeout      = 2 * time.Minute
	serveIdleTimeout       = 2 * time.Minute
	serveMaxHeaderBytes    = 1 << 20
	// githubCallTimeout bounds one GitHub API call, retries and rate limit
	// waits included (ghretry waits at most 3 minutes in all per call).
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
	operands, exit, ok := parseFlags(fs, args)
	if !ok {
		return exit
	}
	if len(operands) > 0 {
		fmt.Fprintf(std.errout, "pyguard serve: unexpected argument %q\n", operands[0])
		return exitError
	}
	cfg, err := loadServeConfig(f, os.Getenv)
	if err != nil {
		fmt.Fprintf(std.errout, "pyguard serve: invalid configuration:\n  %s\nSee 'pyguard serve -h' and docs/installing.md.\n",
			strings.ReplaceAll(err.Error(), "\n", "\n  "))
		return exitError
	}
	logger := newServeLogger(cfg, std.errout)

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	if err := serve(ctx, cfg, logger); err != nil {
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
// connections, drains the review queue for at most cfg.ShutdownTimeout and
// returns nil.
func serve(ctx context.Context, cfg serveConfig, logger zerolog.Logger) error {
	// Libraries that log through zerolog.Ctx without a logger in the
	// context (a GitHub call made outside a job) still reach the log.
	zerolog.DefaultContextLogger = &logger

	creator, err := newClientCreator(cfg)
	if err != nil {
		return fmt.Errorf("GitHub client: %w", err)
	}
	runner, err := newRunner(cfg, creator, logger)
	if err != nil {
		return err
	}
	wh, err := webhook.NewHandler(webhook.Config{
		Secret:  cfg.WebhookSecret,
		AppID:   cfg.AppID,
		Runner:  runner,
		Workers: cfg.Workers,
		Logger:  logger,
	})
	if err != nil {
		return err
	}

	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		// Nothing was accepted; stop the idle workers.
		_ = wh.Shutdown(context.Background())
		return err
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

	logger.Info().
		Str("version", version()).
		Str("addr", ln.Addr().String()).
		Int64("app_id", cfg.AppID).
		Str("github_url", cfg.GitHubURL).
		Str("private_key_from", cfg.KeySource).
		Int("workers", cfg.Workers).
		Dur("shutdown_timeout", cfg.ShutdownTimeout).
		Str("log_level", cfg.LogLevel.String()).
		Msg("pyguard serve listening")

	select {
	case err := <-served:
		// The listener failed; drain what was accepted before returning.
		drainCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
		defer cancel()
		_ = wh.Shutdown(drainCtx)
		return fmt.Errorf("http server: %w", err)
	case <-ctx.Done():
	}

	logger.Info().Dur("shutdown_timeout", cfg.ShutdownTimeout).
		Msg("shutting down: no new connections; draining reviews")
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
	// only parse and enqueue) finish; then drain the queue.
	if err := srv.Shutdown(graceCtx); err != nil {
		logger.Warn().Err(err).Msg("http server did not stop in time; closing connections")
		_ = srv.Close()
	}
	if err := wh.Shutdown(graceCtx); err != nil {
		// The queue logged each review it could not finish, with its
		// delivery id; GitHub can redeliver those.
		logger.Error().Err(err).Dur("elapsed", time.Since(start)).
			Msg("shutdown grace period over: some reviews did not finish")
		return nil
	}
	logger.Info().Dur("elapsed", time.Since(start)).Msg("drained; bye")
	return nil
}

// newClientCreator builds go-githubapp's installation client factory: app
// JWT → installation token (ghinstallation, cached and refreshed per
// installation), clients cached per installation, every call through
// ghretry.
func newClientCreator(cfg serveConfig) (githubapp.ClientCreator, error) {
	var gh githubapp.Config
	gh.V3APIURL = cfg.GitHubURL
	gh.V4APIURL = graphQLURL(cfg.GitHubURL)
	gh.App.IntegrationID = cfg.AppID
	gh.App.WebhookSecret = cfg.WebhookSecret
	gh.App.PrivateKey = string(cfg.PrivateKey)

	base := http.DefaultTransport.(*http.Transport).Clone()
	base.ResponseHeaderTimeout = githubHeaderTimeout
	base.MaxIdleConnsPerHost = 32 // one host, many concurrent calls

	cc, err := githubapp.NewDefaultCachingClientCreator(gh,
		githubapp.WithClientUserAgent("pyguard/"+version()),
		githubapp.WithClientTimeout(githubCallTimeout),
		githubapp.WithTransport(base),
		// The first middleware is the outermost: ghretry sees every
		// attempt's outcome, including a failed installation token fetch,
		// and each attempt is logged at debug level.
		githubapp.WithClientMiddleware(
			ghretry.Middleware(ghretry.Options{}),
			githubapp.ClientLogging(zerolog.DebugLevel),
		),
	)
	if err != nil {
		return nil, err
	}
	// Fail at startup, not on the first webhook, when the key is unusable.
	if _, err := cc.NewAppClient(); err != nil {
		return nil, errors.New("the private key cannot sign app tokens: " + err.Error())
	}
	return cc, nil
}
