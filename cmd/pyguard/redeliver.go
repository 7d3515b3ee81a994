package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/bradleyfalzon/ghinstallation/v2"
	"github.com/google/go-github/v62/github"
	"github.com/rs/zerolog"

	"github.com/pyguard/pyguard/internal/ghretry"
)

// GitHub never retries a failed webhook delivery: `pyguard redeliver` asks
// it to, for the deliveries that never reached a working receiver (the
// server was down, a proxy answered 502, the request timed out).

const (
	defaultRedeliverSince = 24 * time.Hour
	// deliveryRetention is how long GitHub lists deliveries.
	deliveryRetention = 72 * time.Hour
	// maxDeliveryPages bounds the listing (100 per page) should GitHub
	// keep handing out cursors.
	maxDeliveryPages = 1000
)

// Outcomes of one failed delivery, as printed.
const (
	resultRedelivered    = "redelivered"
	resultWouldRedeliver = "would_redeliver"
	resultFailed         = "failed"
)

// appAuthFlags are the App credentials flags shared with serve's environment.
type appAuthFlags struct{ appID, keyPath, githubURL string }

// appAuthConfig is what an app-JWT client needs. No String(): never print
// the key.
type appAuthConfig struct {
	AppID      int64
	PrivateKey []byte // PEM
	GitHubURL  string // REST API base ending in "/"
}

func runRedeliver(std stdio, args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	return redeliverCommand(ctx, std, args, os.Getenv)
}

// redeliverCommand is runRedeliver with the environment given (tests).
func redeliverCommand(ctx context.Context, std stdio, args []string, getenv func(string) string) int {
	fs := newFlagSet("redeliver", "pyguard redeliver [--since 24h] [--event E]... [--dry-run] [--json]\n\n"+
		"Lists the App's webhook deliveries of the last --since (GitHub keeps 3 days)\n"+
		"and asks GitHub to redeliver each delivery that no attempt got through (no\n"+
		"2xx answer), once per delivery GUID. Authenticates as the App\n"+
		"with the configuration of pyguard serve ("+envAppID+", "+envPrivateKey+" or\n"+
		envPrivateKeyPath+", "+envGitHubURL+"); the webhook secret is not needed.\n"+
		"Exit codes: 0 every redelivery accepted (or none needed), 1 some were\n"+
		"refused, 2 usage or configuration error, or the deliveries cannot be listed.", std)
	var f appAuthFlags
	fs.StringVar(&f.appID, "app-id", "", "the GitHub App's numeric id (env "+envAppID+")")
	fs.StringVar(&f.keyPath, "private-key-path", "", "file holding the App's PEM private key (env "+envPrivateKeyPath+"; or the key itself in "+envPrivateKey+")")
	fs.StringVar(&f.githubURL, "github-url", "", "REST API base URL (env "+envGitHubURL+", default "+defaultGitHubURL+")")
	since := fs.String("since", "24h", "look at deliveries this recent: a duration such as 90m, 24h or 3d")
	dryRun := fs.Bool("dry-run", false, "list the failed deliveries, redeliver nothing")
	asJSON := fs.Bool("json", false, "write one JSON document to stdout")
	var events listFlag
	fs.Var(&events, "event", "only deliveries of this event (e.g. pull_request); repeatable or comma-separated")
	operands, exit, ok := parseFlags(fs, args)
	if !ok {
		return exit
	}
	if len(operands) > 0 {
		fmt.Fprintf(std.errout, "pyguard redeliver: unexpected argument %q\n", operands[0])
		return exitError
	}
	window, err := parseSince(*since)
	if err != nil {
		fmt.Fprintf(std.errout, "pyguard redeliver: --since: %v\n", err)
		return exitError
	}
	if window > deliveryRetention {
		fmt.Fprintf(std.errout, "pyguard redeliver: note: GitHub keeps deliveries for 3 days; older ones cannot be redelivered\n")
	}
	creds, err := loadAppAuthConfig(f, getenv)
	if err != nil {
		fmt.Fprintf(std.errout, "pyguard redeliver: invalid configuration:\n  %s\nSee 'pyguard redeliver -h' and docs/installing.md.\n",
			strings.ReplaceAll(err.Error(), "\n", "\n  "))
		return exitError
	}
	client, err := newAppJWTClient(creds)
	if err != nil {
		fmt.Fprintf(std.errout, "pyguard redeliver: %v\n", err)
		return exitError
	}
	// ghretry reports its waits (rate limits, 5xx) through the context's
	// logger; they go to stderr so that --json output stays clean.
	logger := zerolog.New(zerolog.ConsoleWriter{Out: std.errout, NoColor: true, TimeFormat: time.RFC3339}).
		Level(zerolog.WarnLevel).With().Timestamp().Logger()
	ctx = logger.WithContext(ctx)

	r := redeliverRun{apps: client.Apps, events: eventSet(events), dryRun: *dryRun}
	r.cutoff = time.Now().Add(-window).Truncate(time.Second)
	failed, listed, err := r.findFailed(ctx)
	if err != nil {
		fmt.Fprintf(std.errout, "pyguard redeliver: cannot list the App's deliveries (GET %sapp/hook/deliveries): %v\n",
			creds.GitHubURL, explainGitHubError(err))
		return exitError
	}
	results := r.redeliver(ctx, failed)
	rep := redeliverReport{Since: *since, Cutoff: r.cutoff.UTC(), DryRun: *dryRun, Listed: listed, Deliveries: results}
	for _, res := range results {
		switch res.Result {
		case resultRedelivered:
			rep.Redelivered++
		case resultFailed:
			rep.Failed++
		}
	}
	if *asJSON {
		enc := json.NewEncoder(std.out)
		enc.SetIndent("", "  ")
		_ = enc.Encode(rep)
	} else {
		rep.writeText(std)
	}
	if rep.Failed > 0 {
		return exitFindings
	}
	return exitOK
}

// parseSince accepts Go durations, bare seconds, and whole days ("3d").
func parseSince(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	var d time.Duration
	var err error
	if days, ok := strings.CutSuffix(s, "d"); ok {
		var n int
		if n, err = strconv.Atoi(days); err == nil {
			d = time.Duration(n) * 24 * time.Hour
		}
	} else {
		d, err = parseDurationOrSeconds(s)
	}
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("must be a positive duration such as 90m, 24h or 3d, got %q", s)
	}
	return d, nil
}

func eventSet(values []string) map[string]bool {
	set := map[string]bool{}
	for _, v := range values {
		for _, e := range strings.Split(v, ",") {
			if e = strings.TrimSpace(e); e != "" {
				set[e] = true
			}
		}
	}
	return set
}

// loadAppAuthConfig reads the App id, key and API URL as loadServeConfig
// does (flags over the environment). Errors name the variable at fault and
// never contain the key.
func loadAppAuthConfig(f appAuthFlags, getenv func(string) string) (appAuthConfig, error) {
	pick := func(flagVal, env string) (string, string) {
		if flagVal != "" {
			return flagVal, "--" + flagName(env)
		}
		return strings.TrimSpace(getenv(env)), env
	}
	var c appAuthConfig
	var errs []error
	if v, src := pick(f.appID, envAppID); v == "" {
		errs = append(errs, fmt.Errorf("%s is required (the GitHub App's numeric id, on the App's settings page)", envAppID))
	} else if id, err := strconv.ParseInt(v, 10, 64); err != nil || id <= 0 {
		errs = append(errs, fmt.Errorf("%s must be a positive number, got %q", src, v))
	} else {
		c.AppID = id
	}

	inline := strings.TrimSpace(getenv(envPrivateKey))
	path, pathSrc := pick(f.keyPath, envPrivateKeyPath)
	switch {
	case inline != "" && path != "":
		errs = append(errs, fmt.Errorf("set only one of %s and %s", envPrivateKey, pathSrc))
	case inline != "":
		if key, err := decodePrivateKey(inline); err != nil {
			errs = append(errs, fmt.Errorf("%s: %v", envPrivateKey, err))
		} else {
			c.PrivateKey = key
		}
	case path != "":
		if key, err := readPrivateKeyFile(path); err != nil {
			errs = append(errs, fmt.Errorf("%s: %v", pathSrc, err))
		} else {
			c.PrivateKey = key
		}
	default:
		errs = append(errs, fmt.Errorf("the App's private key is required: set %s (the PEM text) or %s (a file)", envPrivateKey, envPrivateKeyPath))
	}

	v, src := pick(f.githubURL, envGitHubURL)
	if v == "" {
		v = defaultGitHubURL
	}
	if u, err := normalizeAPIURL(v); err != nil {
		errs = append(errs, fmt.Errorf("%s: %v", src, err))
	} else {
		c.GitHubURL = u
	}
	return c, errors.Join(errs...)
}

// newAppJWTClient is a go-github client authenticated as the App (a fresh
// JWT per request, ghinstallation), retrying through ghretry above it so
// that each attempt is signed anew.
func newAppJWTClient(c appAuthConfig) (*github.Client, error) {
	base := http.DefaultTransport.(*http.Transport).Clone()
	base.ResponseHeaderTimeout = githubHeaderTimeout
	apps, err := ghinstallation.NewAppsTransport(base, c.AppID, c.PrivateKey)
	if err != nil {
		return nil, errors.New("the private key cannot sign app tokens")
	}
	u, err := url.Parse(c.GitHubURL)
	if err != nil {
		return nil, fmt.Errorf("%s: not a URL", envGitHubURL)
	}
	client := github.NewClient(&http.Client{Transport: ghretry.New(apps, ghretry.Options{}), Timeout: githubCallTimeout})
	// Set as is: WithEnterpriseURLs would append api/v3/ to a stand-in's URL.
	client.BaseURL = u
	client.UserAgent = "pyguard/" + version()
	return client, nil
}

// explainGitHubError shortens go-github's errors to GitHub's answer and
// says what to check when GitHub refused the App's credentials.
func explainGitHubError(err error) error {
	var ge *github.ErrorResponse
	if errors.As(err, &ge) && ge.Response != nil {
		if ge.Response.StatusCode == http.StatusUnauthorized {
			return fmt.Errorf("GitHub refused the App's credentials (401 %s): check %s and that the private key is a current key of that App, and the clock of this machine",
				ge.Message, envAppID)
		}
		msg := ge.Message
		if msg == "" {
			msg = http.StatusText(ge.Response.StatusCode)
		}
		return fmt.Errorf("GitHub answered %d %s", ge.Response.StatusCode, msg)
	}
	return err
}

// redeliverRun is one run of the command.
type redeliverRun struct {
	apps   *github.AppsService
	cutoff time.Time
	events map[string]bool // empty: all
	dryRun bool
}

// failedDelivery is a delivery GUID none of whose attempts in the window
// succeeded.
type failedDelivery struct {
	guid     string
	first    time.Time            // earliest attempt seen
	latest   *github.HookDelivery // the attempt that is redelivered
	attempts int
}

// deliverySucceeded: the receiver answered 2xx (GitHub's status "OK").
func deliverySucceeded(d *github.HookDelivery) bool {
	code := d.GetStatusCode()
	st := d.GetStatus()
	return code >= 200 && code < 300 && (st == "" || strings.EqualFold(st, "OK"))
}

// findFailed pages through the deliveries (newest first) until one is
// older than the cutoff, and returns the failed GUIDs oldest first, with
// the number of attempts listed in the window.
func (r *redeliverRun) findFailed(ctx context.Context) ([]*failedDelivery, int, error) {
	type guidState struct {
		failedDelivery
		succeeded bool
	}
	byGUID := map[string]*guidState{}
	opts := &github.ListCursorOptions{PerPage: 100}
	seenCursors := map[string]bool{}
	listed := 0
	for page := 0; ; page++ {
		if page == maxDeliveryPages {
			return nil, listed, fmt.Errorf("more than %d pages of deliveries", maxDeliveryPages)
		}
		ds, resp, err := r.apps.ListHookDeliveries(ctx, opts)
		if err != nil {
			return nil, listed, err
		}
		reachedCutoff := false
		for _, d := range ds {
			at := d.GetDeliveredAt().Time
			if at.Before(r.cutoff) {
				reachedCutoff = true
				continue
			}
			listed++
			if len(r.events) > 0 && !r.events[d.GetEvent()] {
				continue
			}
			key := d.GetGUID()
			if key == "" {
				key = "id:" + strconv.FormatInt(d.GetID(), 10)
			}
			g := byGUID[key]
			if g == nil {
				g = &guidState{failedDelivery: failedDelivery{guid: d.GetGUID(), first: at}}
				byGUID[key] = g
			}
			g.attempts++
			g.succeeded = g.succeeded || deliverySucceeded(d)
			if at.Before(g.first) {
				g.first = at
			}
			if g.latest == nil || at.After(g.latest.GetDeliveredAt().Time) ||
				(at.Equal(g.latest.GetDeliveredAt().Time) && d.GetID() > g.latest.GetID()) {
				g.latest = d
			}
		}
		if reachedCutoff || resp.Cursor == "" {
			break
		}
		if seenCursors[resp.Cursor] {
			return nil, listed, errors.New("GitHub handed out the same page cursor twice")
		}
		seenCursors[resp.Cursor] = true
		opts.Cursor = resp.Cursor
	}
	var failed []*failedDelivery
	for _, g := range byGUID {
		if !g.succeeded {
			failed = append(failed, &g.failedDelivery)
		}
	}
	sort.Slice(failed, func(i, j int) bool {
		if !failed[i].first.Equal(failed[j].first) {
			return failed[i].first.Before(failed[j].first)
		}
		return failed[i].latest.GetID() < failed[j].latest.GetID()
	})
	return failed, listed, nil
}

// redeliveryResult is one failed delivery and what was done about it.
type redeliveryResult struct {
	DeliveredAt    time.Time `json:"delivered_at"` // earliest attempt in the window
	LastAttemptAt  time.Time `json:"last_attempt_at"`
	Event          string    `json:"event"`
	Action         string    `json:"action,omitempty"`
	StatusCode     int       `json:"status_code"` // of the last attempt
	Status         string    `json:"status"`
	GUID           string    `json:"guid"`
	DeliveryID     int64     `json:"delivery_id"` // the attempt redelivered
	Attempts       int       `json:"attempts"`
	InstallationID int64     `json:"installation_id,omitempty"`
	RepositoryID   int64     `json:"repository_id,omitempty"`
	Result         string    `json:"result"` // redelivered | would_redeliver | failed
	Error          string    `json:"error,omitempty"`
}

// redeliver asks GitHub to redeliver each failed delivery once (unless dry
// run). GitHub answers 202 Accepted, which go-github reports as an
// *AcceptedError.
func (r *redeliverRun) redeliver(ctx context.Context, failed []*failedDelivery) []redeliveryResult {
	results := make([]redeliveryResult, 0, len(failed))
	for _, f := range failed {
		d := f.latest
		res := redeliveryResult{
			DeliveredAt: f.first.UTC(), LastAttemptAt: d.GetDeliveredAt().UTC(),
			Event: d.GetEvent(), Action: d.GetAction(), StatusCode: d.GetStatusCode(), Status: d.GetStatus(),
			GUID: f.guid, DeliveryID: d.GetID(), Attempts: f.attempts,
			InstallationID: d.GetInstallationID(), RepositoryID: d.GetRepositoryID(),
		}
		switch {
		case r.dryRun:
			res.Result = resultWouldRedeliver
		case ctx.Err() != nil:
			res.Result, res.Error = resultFailed, ctx.Err().Error()
		default:
			_, resp, err := r.apps.RedeliverHookDelivery(ctx, d.GetID())
			var accepted *github.AcceptedError
			if errors.As(err, &accepted) || (err == nil && resp != nil && resp.StatusCode/100 == 2) {
				res.Result = resultRedelivered
			} else {
				if err == nil {
					err = errors.New("no response")
				}
				res.Result, res.Error = resultFailed, explainGitHubError(err).Error()
			}
		}
		results = append(results, res)
	}
	return results
}

// redeliverReport is the --json document.
type redeliverReport struct {
	Since       string             `json:"since"`
	Cutoff      time.Time          `json:"cutoff"`
	DryRun      bool               `json:"dry_run"`
	Listed      int                `json:"listed"` // attempts listed in the window
	Redelivered int                `json:"redelivered"`
	Failed      int                `json:"failed"`
	Deliveries  []redeliveryResult `json:"deliveries"`
}

func (rep redeliverReport) writeText(std stdio) {
	if len(rep.Deliveries) == 0 {
		fmt.Fprintf(std.out, "No failed deliveries since %s (%d attempts listed).\n", rep.Cutoff.Format(time.RFC3339), rep.Listed)
		return
	}
	tw := tabwriter.NewWriter(std.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DELIVERED\tEVENT\tACTION\tSTATUS\tGUID\tDELIVERY\tREPOSITORY\tRESULT")
	for _, d := range rep.Deliveries {
		status := strconv.Itoa(d.StatusCode)
		if d.StatusCode == 0 && d.Status != "" {
			status = "0 (" + d.Status + ")"
		}
		repo := "-"
		if d.RepositoryID != 0 {
			repo = strconv.FormatInt(d.RepositoryID, 10)
		}
		action := d.Action
		if action == "" {
			action = "-"
		}
		result := strings.ReplaceAll(d.Result, "_", " ")
		if d.Error != "" {
			result += ": " + d.Error
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", d.DeliveredAt.Format(time.RFC3339), d.Event, action,
			status, d.GUID, d.DeliveryID, repo, result)
	}
	_ = tw.Flush()
	switch {
	case rep.DryRun:
		fmt.Fprintf(std.out, "Failed deliveries since %s: %d; dry run, nothing was redelivered.\n", rep.Cutoff.Format(time.RFC3339), len(rep.Deliveries))
	default:
		fmt.Fprintf(std.out, "Failed deliveries since %s: %d; redelivery requests accepted: %d, refused: %d.\n",
			rep.Cutoff.Format(time.RFC3339), len(rep.Deliveries), rep.Redelivered, rep.Failed)
	}
}
