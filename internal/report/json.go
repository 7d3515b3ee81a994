package report

import (
	"encoding/json"
	"io"
	"sort"
)

// Tool is the tool name in machine-readable output.
const Tool = "pyguard"

type jsonReport struct {
	Tool         string      `json:"tool"`
	Version      string      `json:"version"`
	FilesScanned int         `json:"files_scanned"`
	Findings     []Finding   `json:"findings"`
	Errors       []FileError `json:"errors"`
}

// WriteJSON writes the contract's JSON object. Lists are always arrays,
// never null.
func WriteJSON(w io.Writer, r *Report) error {
	out := jsonReport{Tool: Tool, Version: r.Version, FilesScanned: r.FilesScanned,
		Findings: make([]Finding, len(r.Findings)), Errors: errorsAndNotes(r)}
	for i, f := range r.Findings {
		if f.References == nil {
			f.References = []string{}
		}
		out.Findings[i] = f
	}
	return encodeJSON(w, out)
}

// errorsAndNotes lists the file errors and, since the contract's object
// has no other place for them, the files analysed only in part, by path.
func errorsAndNotes(r *Report) []FileError {
	out := append([]FileError{}, r.Errors...)
	for _, n := range r.Notes {
		out = append(out, FileError{Path: n.Path, Message: n.Message})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // messages quote code such as "<" and "&"
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
