package rules

// Shared helpers of batch endpoint (AIML241–AIML246, section 2.3.2 API &
// Endpoint Security).

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// gradioAppTypesEndpoint are the Gradio app classes whose launch() can
// publish a share link (AIML241).
var gradioAppTypesEndpoint = map[string]bool{
	"gradio.Interface": true, "gradio.interface.Interface": true,
	"gradio.Blocks": true, "gradio.blocks.Blocks": true,
	"gradio.ChatInterface": true, "gradio.chat_interface.ChatInterface": true,
	"gradio.TabbedInterface": true, "gradio.interface.TabbedInterface": true,
	// gr.load(...) returns a gradio.Blocks.
	"gradio.load": true, "gradio.external.load": true,
}

// gradioAppEndpoint reports whether recv is typed (README §3.4) to a Gradio
// app, also through `<app>.queue(...)`, which returns the same app.
func gradioAppEndpoint(p *Pass, recv *Node) bool {
	for i := 0; i < 4; i++ {
		recv = Unparen(recv)
		if recv == nil {
			return false
		}
		if gradioAppTypesEndpoint[p.TypeOf(recv)] {
			return true
		}
		c, ok := p.AsCall(recv)
		if !ok || c.Method() != "queue" {
			return false
		}
		recv = c.Receiver()
	}
	return false
}

// lastComponentEndpoint is the last path component below the
// world-writable root of a directory literal, for AIML245's replacement
// (`/tmp/hf-cache/` -> "hf-cache"); "" when the path is the root itself
// (`/tmp`, `/dev/shm/`).
func lastComponentEndpoint(path string) string {
	for _, root := range []string{"/var/tmp", "/dev/shm", "/tmp"} {
		if path == root || strings.HasPrefix(path, root+"/") {
			rest := strings.Trim(path[len(root):], "/")
			if rest == "" {
				return ""
			}
			return rest[strings.LastIndexByte(rest, '/')+1:]
		}
	}
	return ""
}

// insertBeforeEndpoint inserts, before statement stmt and at its
// indentation, the lines of block (four spaces per relative level, written
// in the file's indent unit) with the file's line ending. ok is false when
// stmt does not start its line (`x = 1; y = f()`, `if c: y = f()`).
func insertBeforeEndpoint(p *Pass, stmt *Node, block string) (Edit, bool) {
	t := p.Tree
	nl, indent, unit := t.Newline(), Indent(stmt), t.IndentUnit()
	at := t.LineStart(stmt.Line())
	if stmt.Start != at+uint32(len(indent)) {
		return Edit{}, false
	}
	var b strings.Builder
	for _, l := range strings.Split(block, "\n") {
		rest := strings.TrimLeft(l, " ")
		b.WriteString(indent + strings.Repeat(unit, (len(l)-len(rest))/4) + rest + nl)
	}
	return Edit{Start: at, End: at, NewText: b.String()}, true
}
