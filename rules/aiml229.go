package rules

import . "github.com/pyguard/pyguard/analyzer"

// tritonClients229 are tritonclient's InferenceServerClient classes (the
// package re-exports and their defining modules), by protocol: the http and
// grpc clients take load_model's config/files at different positions.
var tritonClients229 = map[string]string{
	"tritonclient.http.InferenceServerClient":         "http",
	"tritonclient.http._client.InferenceServerClient": "http",
	"tritonclient.http.aio.InferenceServerClient":     "http",
	"tritonclient.grpc.InferenceServerClient":         "grpc",
	"tritonclient.grpc._client.InferenceServerClient": "grpc",
	"tritonclient.grpc.aio.InferenceServerClient":     "grpc",
}

// loadModelArgs229 are the positions of config and files in load_model:
// http load_model(model_name, headers, query_params, config, files), grpc
// load_model(model_name, headers, config, files, client_timeout).
var loadModelArgs229 = map[string][2]int{"http": {3, 4}, "grpc": {2, 3}}

var AIML229 = &Rule{
	ID:         "AIML229",
	Title:      "Triton Inference Server gaps",
	Section:    "2.3.1",
	Severity:   Critical,
	References: []string{"CWE-73", "CWE-94", "CVE-2024-0087"},
	Fix:        Unsafe,
	Message:    "Request data reaches Triton log_file/model files (CVE-2024-0087 class): arbitrary file write or model code upload.",
	Doc: "A tritonclient `InferenceServerClient` (http, grpc or their `aio` variants) forwards request or network data " +
		"into (a) `update_log_settings(...)` as the `\"log_file\"` setting (or as the whole settings dict), letting the " +
		"caller choose any file the server writes its log to (CVE-2024-0087), or (b) `load_model(..., files=..., " +
		"config=...)`, uploading model-repository files such as a Python-backend `model.py` that Triton executes.",
	FixDoc: "(a) Delete the `\"log_file\": ...` entry from the settings dict literal; the log stays where the server " +
		"was started with (`--log-file`). (b) Never forward uploaded files or configs to `load_model`; stage them " +
		"through review into the model repository.",
	Example: `client = httpclient.InferenceServerClient("triton:8000")

@app.post("/ops/logging")
def set_logging(cfg: dict):
    return client.update_log_settings({"log_file": cfg["path"], "log_info": True})`,
	SafeExample: `client = httpclient.InferenceServerClient("triton:8000")

@app.post("/ops/logging")
def set_logging(cfg: dict):
    return client.update_log_settings({"log_info": bool(cfg.get("info", True))})`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		proto := tritonClients229[c.ReceiverType()]
		if proto == "" {
			return
		}
		switch c.Method() {
		case "update_log_settings":
			check229Log(p, c)
		case "load_model":
			pos := loadModelArgs229[proto]
			for i, name := range []string{"config", "files"} {
				arg := c.Arg(pos[i], name)
				if arg == nil {
					continue
				}
				if l := p.Taint(arg, nil) & RemoteTaint; l != 0 {
					fd := p.ReportCall(c, GuidanceFix("Do not forward `"+codeText(arg, 40)+"` to `load_model`: "+
						"stage uploaded model files and configs through review into the model repository, and load "+
						"only reviewed models by name."))
					fd.Message = "Triton load_model takes " + name + "= from " + SourceName(l) +
						" (CVE-2024-0087 class): the sender uploads model code that Triton runs."
					return
				}
			}
		}
	},
}

// check229Log reports update_log_settings when its settings carry a
// tainted "log_file" entry, or are tainted as a whole (not built here as a
// dict literal whose other entries alone are tainted).
func check229Log(p *Pass, c Call) {
	settings := c.Arg(0, "settings")
	if settings == nil {
		return
	}
	dict := Unparen(settings)
	inline := true
	if dict.Kind == KIdentifier {
		if d := p.ScopeOf(dict).DefAt(dict.Text(), dict.Start); d != nil && d.Kind == DefAssign && !d.Unpacked && d.Value != nil {
			if v := Unparen(d.Value); v.Kind == KDict || isDictCall229(p, v) {
				dict, inline = v, false
			}
		}
	}
	var entry, value *Node // the log_file pair or keyword, and its value
	var splat Label
	switch {
	case dict.Kind == KDict:
		for _, e := range dict.NamedChildren() {
			switch e.Kind {
			case KPair:
				if IsStrLiteral(e.Field("key"), "log_file") {
					entry, value = e, e.Field("value")
				}
			case KDictSplat:
				splat |= p.Taint(e, nil) & RemoteTaint
			}
		}
	case isDictCall229(p, dict):
		dc, _ := p.AsCall(dict)
		entry = dc.Keyword("log_file")
		value = dc.Kwarg("log_file")
		for _, a := range dc.Positional() {
			splat |= p.Taint(a, nil) & RemoteTaint
		}
		if dc.HasKwargsSplat() {
			for _, a := range dc.Args.NamedChildren() {
				if a.Kind == KDictSplat {
					splat |= p.Taint(a, nil) & RemoteTaint
				}
			}
		}
	default:
		if l := p.Taint(settings, nil) & RemoteTaint; l != 0 {
			fd := p.ReportCall(c, GuidanceFix("Build the settings from literals and bounded values here instead of "+
				"passing `"+codeText(settings, 40)+"` through: never let a caller set `log_file`."))
			fd.Message = message229(l)
		}
		return
	}
	if value != nil {
		if l := p.Taint(value, nil) & RemoteTaint; l != 0 {
			fd := p.ReportCall(c, fix229(p, c, entry, value, inline))
			fd.Message = message229(l)
			return
		}
	}
	if splat != 0 {
		fd := p.ReportCall(c, GuidanceFix("Do not unpack caller data into the log settings: list the allowed keys "+
			"explicitly (never `log_file`)."))
		fd.Message = message229(splat)
	}
}

func message229(l Label) string {
	return "Triton log_file set from " + SourceName(l) + " (CVE-2024-0087 class): the sender picks the file the server writes."
}

// isDictCall229: dict(...) (keywords are the entries).
func isDictCall229(p *Pass, n *Node) bool {
	c, ok := p.AsCall(n)
	return ok && c.Is("builtins.dict")
}

// fix229 deletes the log_file entry when it is written in the call itself.
func fix229(p *Pass, c Call, entry, value *Node, inline bool) *Fix {
	if !inline || entry == nil {
		return GuidanceFix("Delete the `log_file` entry (`" + codeText(value, 40) + "`) from these settings, so callers " +
			"cannot choose the file Triton writes its log to.")
	}
	return p.Edits(Unsafe, "Delete `"+codeText(entry, 50)+"` from these log settings, so callers can no longer choose "+
		"the file Triton writes its log to.", RemoveKeyword(entry)).
		Changing("the server keeps logging to the file it was started with (`--log-file`); requests can no longer move the log.")
}

func init() { register(AIML229) }
