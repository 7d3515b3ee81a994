package report

import (
	"encoding/json"
	"io"
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
		Findings: make([]Finding, len(r.Findings)), Errors: append([]FileError{}, r.Errors...)}
	for i, f := range r.Findings {
		if f.References == nil {
			f.References = []string{}
		}
		out.Findings[i] = f
	}
	return encodeJSON(w, out)
}

func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // messages quote code such as "<" and "&"
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
