package main

import (
	"fmt"
	"runtime/debug"
	"strings"
)

// buildVersion is set at release time:
// go build -ldflags "-X main.buildVersion=1.2.3" ./cmd/pyguard
var buildVersion = ""

// devVersion is reported by a plain `go build` of a checkout.
const devVersion = "0.1.0"

// version is the release version, else the module version `go install`
// recorded, else devVersion.
func version() string {
	if buildVersion != "" {
		return strings.TrimPrefix(buildVersion, "v")
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return strings.TrimPrefix(bi.Main.Version, "v")
	}
	return devVersion
}

func runVersion(std stdio, args []string) int {
	fs := newFlagSet("version", "pyguard version", std)
	operands, exit, ok := parseFlags(fs, args)
	if !ok {
		return exit
	}
	if len(operands) > 0 {
		fmt.Fprintf(std.errout, "pyguard version: unexpected argument %q\n", operands[0])
		return exitError
	}
	fmt.Fprintf(std.out, "pyguard %s\n", version())
	return exitOK
}
