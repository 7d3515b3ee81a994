// Command pyguard is an AI/ML security linter for Python.
//
//	pyguard scan [flags] [PATH...]   analyse files and directories
//	pyguard rules [--format F]       list the rule catalog
//	pyguard serve [flags]            run the GitHub App (webhook server)
//	pyguard setup --webhook-url URL  register the GitHub App from app.yml
//	pyguard healthcheck              probe a running server's /healthz
//	pyguard redeliver [--since D]    ask GitHub to redeliver failed webhooks
//	pyguard version                  print the version
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Exit codes shared by every subcommand.
const (
	exitOK       = 0 // success, nothing at or above the gate
	exitFindings = 1 // findings at or above the gate
	exitError    = 2 // usage, configuration or internal error
)

// stdio is what a command reads and writes; tests and main differ only here.
type stdio struct {
	in          io.Reader
	out, errout io.Writer
	// outIsTerminal enables colour in text output.
	outIsTerminal bool
}

// command is one subcommand: run gets the arguments after its name.
type command struct {
	summary string
	run     func(std stdio, args []string) int
}

// commands are the subcommands. (Set in init because help refers back to
// the table.)
var commands map[string]command

func init() {
	commands = map[string]command{
		"scan":        {"analyse Python files and directories", runScan},
		"rules":       {"list the rule catalog", runRules},
		"serve":       {"run the GitHub App webhook server", runServe},
		"setup":       {"register the GitHub App (manifest flow) and write its credentials", runSetup},
		"healthcheck": {"check a running pyguard serve (container HEALTHCHECK)", runHealthcheck},
		"redeliver":   {"ask GitHub to redeliver the App's failed webhook deliveries", runRedeliver},
		"version":     {"print the version", runVersion},
		"help":        {"show help for pyguard or a command", runHelp},
	}
}

func main() {
	os.Exit(run(stdio{in: os.Stdin, out: os.Stdout, errout: os.Stderr, outIsTerminal: isTerminal(os.Stdout)}, os.Args[1:]))
}

func run(std stdio, args []string) int {
	if len(args) == 0 {
		usage(std.errout)
		return exitError
	}
	switch args[0] {
	case "-h", "-help", "--help":
		usage(std.out)
		return exitOK
	case "-version", "--version", "-V":
		return runVersion(std, nil)
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(std.errout, "pyguard: unknown command %q\nRun 'pyguard help' for usage.\n", args[0])
		return exitError
	}
	return cmd.run(std, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "pyguard %s: an AI/ML security linter for Python\n\nUsage:\n  pyguard <command> [flags] [arguments]\n\nCommands:\n", version())
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-11s  %s\n", name, commands[name].summary)
	}
	fmt.Fprint(w, "\nRun 'pyguard help <command>' for a command's flags.\n"+
		"Exit codes: 0 nothing at or above the gate, 1 findings at or above the gate, 2 usage, configuration or internal error.\n")
}

// runHelp prints the overview, or a command's flags (its -h, on stdout).
func runHelp(std stdio, args []string) int {
	if len(args) == 0 || args[0] == "help" {
		usage(std.out)
		return exitOK
	}
	cmd, ok := commands[args[0]]
	if !ok || len(args) > 1 {
		fmt.Fprintf(std.errout, "pyguard help: unknown command %q\n", strings.Join(args, " "))
		return exitError
	}
	return cmd.run(stdio{in: std.in, out: std.out, errout: std.out}, []string{"-h"})
}

// isTerminal reports whether f is a character device (a terminal).
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
