package main

import (
	"bufio"
	"fmt"

	"github.com/pyguard/pyguard/internal/report"
	"github.com/pyguard/pyguard/rules"
)

func runRules(std stdio, args []string) int {
	fs := newFlagSet("rules", "pyguard rules [--format text|json]", std)
	format := fs.String("format", "text", "output format: text or json")
	operands, exit, ok := parseFlags(fs, args)
	if !ok {
		return exit
	}
	if len(operands) > 0 {
		fmt.Fprintf(std.errout, "pyguard rules: unexpected argument %q\n", operands[0])
		return exitError
	}
	out := bufio.NewWriter(std.out)
	var err error
	switch *format {
	case "text":
		err = report.WriteCatalogText(out, rules.All())
	case "json":
		err = report.WriteCatalogJSON(out, rules.All())
	default:
		fmt.Fprintf(std.errout, "pyguard rules: unknown --format %q (want text or json)\n", *format)
		return exitError
	}
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		fmt.Fprintf(std.errout, "pyguard rules: %v\n", err)
		return exitError
	}
	return exitOK
}
