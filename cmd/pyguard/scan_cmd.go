package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/pyguard/pyguard/analyzer"
	"github.com/pyguard/pyguard/internal/config"
	"github.com/pyguard/pyguard/internal/report"
	"github.com/pyguard/pyguard/internal/scan"
	"github.com/pyguard/pyguard/rules"
)

// scanFlags are the flags of `pyguard scan`.
type scanFlags struct {
	format, diff, failOn, config string
	selects, ignores             listFlag
	fix, unsafeFixes             bool
}

func runScan(std stdio, args []string) int {
	var f scanFlags
	fs := newFlagSet("scan", "pyguard scan [flags] [PATH...]", std)
	fs.StringVar(&f.format, "format", "text", "output format: text, json, sarif or github")
	fs.StringVar(&f.diff, "diff", "", "unified diff `FILE` (- for stdin): keep only findings on added lines")
	fs.Var(&f.selects, "select", "comma-separated rule `IDS` or prefixes to run (replaces the config's select)")
	fs.Var(&f.ignores, "ignore", "comma-separated rule `IDS` or prefixes to skip (added to the config's ignore)")
	fs.StringVar(&f.failOn, "fail-on", "low", "exit 1 on a finding of this `SEVERITY` or higher: critical, high, medium, low or never")
	fs.BoolVar(&f.fix, "fix", false, "apply safe fixes in place")
	fs.BoolVar(&f.unsafeFixes, "unsafe-fixes", false, "with --fix, also apply unsafe fixes")
	fs.StringVar(&f.config, "config", "", "configuration `FILE` (default: the nearest .pyguard.yml upward from the working directory)")
	operands, exit, ok := parseFlags(fs, args)
	if !ok {
		return exit
	}
	code, err := scanCommand(std, f, operands)
	if err != nil {
		fmt.Fprintf(std.errout, "pyguard scan: %v\n", err)
	}
	return code
}

func scanCommand(std stdio, f scanFlags, operands []string) (int, error) {
	if !slices.Contains(report.Formats, f.format) {
		return exitError, fmt.Errorf("unknown --format %q (want %s)", f.format, strings.Join(report.Formats, ", "))
	}
	gate, err := parseGate(f.failOn)
	if err != nil {
		return exitError, err
	}
	cwd, err := os.Getwd()
	if err != nil {
		return exitError, err
	}
	cfg, err := loadConfig(f.config, cwd)
	if err != nil {
		return exitError, err
	}
	selected, err := selectRules(std, cfg, f)
	if err != nil {
		return exitError, err
	}
	opt := scan.Options{Rules: selected, Fix: f.fix, UnsafeFixes: f.unsafeFixes, Exclude: excluder(cfg), Root: projectRoot(cfg, cwd)}
	if f.unsafeFixes && !f.fix {
		fmt.Fprintln(std.errout, "pyguard scan: note: --unsafe-fixes applies fixes only together with --fix")
	}
	if f.diff != "" {
		if opt.Scope, err = loadDiffScope(std, f.diff, cwd); err != nil {
			return exitError, err
		}
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, err := scan.Run(ctx, operands, opt)
	if err != nil {
		return exitError, err
	}

	r := &report.Report{Version: version(), FilesScanned: res.FilesScanned, Findings: res.Findings,
		Errors: res.Errors, Notes: res.Notes, Rules: selected, BaseDir: cwd}
	if err := report.Write(std.out, f.format, r, report.Options{Color: useColor(std, f.format)}); err != nil {
		return exitError, fmt.Errorf("write output: %w", err)
	}
	if f.fix {
		fmt.Fprintf(std.errout, "pyguard scan: applied %s in %s\n", count(res.FixesApplied, "fix", "fixes"), count(res.FilesFixed, "file", "files"))
		for _, e := range res.Errors {
			if strings.HasPrefix(e.Message, "fixes not written: ") {
				fmt.Fprintf(std.errout, "pyguard scan: %s: %s\n", e.Path, e.Message)
			}
		}
	}
	if len(res.Missing) > 0 {
		return exitError, fmt.Errorf("no such file or directory: %s", strings.Join(res.Missing, ", "))
	}
	for _, fd := range res.Findings {
		if fd.Rule.Severity >= gate {
			return exitFindings, nil
		}
	}
	return exitOK, nil
}

// neverGate is above every severity: --fail-on never exits 0 on findings.
const neverGate = analyzer.Critical + 1

func parseGate(s string) (analyzer.Severity, error) {
	if strings.EqualFold(s, config.Never) {
		return neverGate, nil
	}
	sev, err := analyzer.ParseSeverity(s)
	if err != nil {
		return 0, fmt.Errorf("--fail-on: unknown severity %q (want critical, high, medium, low or never)", s)
	}
	return sev, nil
}

// loadConfig reads --config, else the nearest .pyguard.yml upward from
// the working directory, else the defaults.
func loadConfig(path, cwd string) (*config.Config, error) {
	if path == "" {
		found, err := config.FindUp(cwd)
		if err != nil || found == "" {
			return config.Default(), err
		}
		path = found
	}
	cfg, err := config.Load(path)
	if err != nil {
		return nil, fmt.Errorf("invalid configuration: %w", err)
	}
	return cfg, nil
}

// selectRules combines the configuration with --select (which replaces
// the configured select) and --ignore (which adds to the configured
// ignore). A selector that matches no rule is worth a warning: it is
// usually a typo.
func selectRules(std stdio, cfg *config.Config, f scanFlags) ([]*analyzer.Rule, error) {
	selects, ignores := cfg.Select, append([]string{}, cfg.Ignore...)
	if len(f.selects) > 0 {
		cli, err := splitFlag("--select", f.selects)
		if err != nil {
			return nil, err
		}
		selects = cli
	}
	cli, err := splitFlag("--ignore", f.ignores)
	if err != nil {
		return nil, err
	}
	ignores = append(ignores, cli...)
	all := rules.All()
	for _, s := range append(slices.Clone(selects), ignores...) {
		if len(rules.Select(all, []string{s}, nil)) == 0 {
			fmt.Fprintf(std.errout, "pyguard scan: warning: %s matches no rule\n", s)
		}
	}
	return rules.Select(all, selects, ignores), nil
}

func splitFlag(name string, values []string) ([]string, error) {
	var out []string
	for _, v := range values {
		ids, err := config.SplitRuleIDs(v)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		out = append(out, ids...)
	}
	if len(values) > 0 && len(out) == 0 {
		return nil, fmt.Errorf("%s: no rule IDs given", name)
	}
	return out, nil
}

// excluder applies paths.exclude, whose globs are relative to the
// directory holding the configuration file.
func excluder(cfg *config.Config) func(string) bool {
	if cfg.Root == "" || len(cfg.Exclude) == 0 {
		return nil
	}
	return func(p string) bool {
		abs, err := filepath.Abs(p)
		if err != nil {
			return false
		}
		rel, err := filepath.Rel(cfg.Root, abs)
		return err == nil && cfg.Excluded(rel)
	}
}

// projectRoot is the directory of the configuration file, else the
// enclosing git repository's root, else the working directory.
func projectRoot(cfg *config.Config, cwd string) string {
	if cfg.Root != "" {
		return cfg.Root
	}
	if top := gitTopLevel(cwd); top != "" {
		return top
	}
	return cwd
}

// useColor: text on a terminal, unless NO_COLOR is set (no-color.org) or
// the terminal is dumb.
func useColor(std stdio, format string) bool {
	return format == "text" && std.outIsTerminal && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
