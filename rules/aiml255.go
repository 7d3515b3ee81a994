package rules

import . "github.com/pyguard/pyguard/analyzer"

// sessions255 take model bytes as arg0: InferenceSession(path_or_bytes, ...)
// (onnxruntime/capi/onnxruntime_inference_collection.py, re-exported by
// onnxruntime) and onnx.load_model_from_string(s, format=None).
var sessions255 = []string{"onnxruntime.InferenceSession", "onnxruntime.capi.onnxruntime_inference_collection.InferenceSession"}
var fromString255 = []string{"onnx.load_model_from_string", "onnx.load_from_string"}

// fileLoaders255 read an ONNX file and, by default, its external data:
// onnx.load(f, format=None, load_external_data=True) and onnx.load_model.
var fileLoaders255 = []string{"onnx.load", "onnx.load_model"}

var AIML255 = &Rule{
	ID:         "AIML255",
	Title:      "ONNX mobile risks",
	Section:    "2.3.3",
	Severity:   High,
	References: []string{"CWE-494", "CWE-345", "CWE-22", "CVE-2024-27318", "CVE-2024-5187"},
	Fix:        Unsafe,
	Message:    "ONNX model from an unverified network/request source (tampering or external-data traversal); verify before loading.",
	Doc: "An over-the-air ONNX/ORT model update is loaded straight from a network response " +
		"(`onnxruntime.InferenceSession(resp.content)`, `onnx.load_model_from_string(...)`) with no digest or " +
		"signature check, or an ONNX file chosen by the request is parsed by `onnx.load` with external data enabled: " +
		"a crafted model's external-data locations can point outside the model directory (CVE-2024-27318, " +
		"CVE-2024-5187) and read or overwrite other files.",
	FixDoc: "For `onnx.load`/`onnx.load_model` of a request-chosen file, pass `load_external_data=False` (models that " +
		"keep weights in external files then load without them). For network bytes, verify a pinned SHA-256 before " +
		"creating the session.",
	Example: `def fetch_session(url):
    resp = requests.get(url, timeout=30)
    return ort.InferenceSession(resp.content, providers=["CPUExecutionProvider"])`,
	SafeExample: `def fetch_session(url):
    resp = requests.get(url, timeout=30)
    if not hmac.compare_digest(hashlib.sha256(resp.content).hexdigest(), EXPECTED):
        raise RuntimeError("bad model")
    return ort.InferenceSession(resp.content, providers=["CPUExecutionProvider"])`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		var data *Node
		switch {
		case c.Is(sessions255...):
			data = c.Arg(0, "path_or_bytes")
		case c.Is(fromString255...):
			data = c.Arg(0, "s")
		case c.Is(fileLoaders255...):
			check255File(p, c)
			return
		default:
			return
		}
		if data == nil {
			return
		}
		label := p.Taint(data, nil) & NetTaint
		if label == 0 || integrityCheckedEdge(p, n) {
			return
		}
		fd := p.ReportCall(c, GuidanceFix("Verify the downloaded bytes before creating the session: compare "+
			"`hashlib.sha256("+codeText(data, 40)+").hexdigest()` with a pinned digest (`hmac.compare_digest`) or check "+
			"a signature, and refuse the update on mismatch."))
		fd.Message = "ONNX model bytes from " + SourceName(label) + " loaded with no digest check; a tampered update runs on device. Verify a pinned SHA-256."
	},
}

// check255File is (b): onnx.load of a request-chosen file with external
// data loading on (absent or a literal True).
func check255File(p *Pass, c Call) {
	f := c.Arg(0, "f")
	if f == nil || isStream255(p, f) {
		return
	}
	label := p.Taint(f, nil) & WebTaint
	if label == 0 {
		return
	}
	led, known := c.LookupArg(2, "load_external_data")
	if !known {
		return
	}
	if led != nil && !IsTrue(led) {
		return // False, or a value that cannot be known
	}
	if integrityCheckedEdge(p, c.Node) {
		return
	}
	fd := p.ReportCall(c, fix255(p, c, led))
	fd.Message = "ONNX file chosen by " + SourceName(label) + " parsed with external data on: its tensor locations can " +
		"reach other files (CVE-2024-27318)."
}

// isStream255: an in-memory stream (`io.BytesIO(...)`, or a name bound to
// one) has no file name, so onnx never resolves external data for it.
func isStream255(p *Pass, f *Node) bool {
	f = Unparen(f)
	if f.Kind == KIdentifier {
		if d := p.ScopeOf(f).DefAt(f.Text(), f.Start); d != nil && (d.Kind == DefAssign || d.Kind == DefWith) && !d.Unpacked {
			f = Unparen(d.Value)
		}
	}
	k, ok := p.AsCall(f)
	return ok && k.Is("io.BytesIO", "_io.BytesIO")
}

// fix255 sets load_external_data=False on the call.
func fix255(p *Pass, c Call, led *Node) *Fix {
	var e Edit
	if led != nil {
		e = ReplaceNode(Unparen(led), "False")
	} else {
		var ok bool
		if e, ok = SetKeyword(c, "load_external_data", "False"); !ok {
			return GuidanceFix("Pass `load_external_data=False` to `" + codeText(c.Func, 30) + "` for request-chosen files.")
		}
	}
	return p.Edits(Unsafe, "Pass `load_external_data=False` to this `"+codeText(c.Func, 30)+"`, so tensor locations "+
		"written in the request-chosen model are never opened.", e).
		Changing("models that store their weights in external data files now load without those weights; load them " +
			"with `onnx.load_external_data_for_model` from a directory you trust.")
}

func init() { register(AIML255) }
