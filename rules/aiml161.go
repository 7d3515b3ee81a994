package rules

import . "github.com/pyguard/pyguard/analyzer"

// pandasReaders are the readers whose path argument accepts URLs (AIML161).
var pandasReaders = qualify("pandas.", "read_csv", "read_table", "read_fwf", "read_json", "read_excel",
	"read_parquet", "read_feather", "read_orc", "read_xml", "read_html", "read_stata", "read_sas", "read_spss")

// taint161: STRING- and PATH-SANITIZERS; an in-memory buffer is not a path.
var taint161 = &TaintSpec{
	Sanitizers:   Set(StringSanitizers, PathSanitizers, []string{"io.StringIO", "io.BytesIO"}),
	PathNameSafe: true,
}

var AIML161 = &Rule{
	ID:         "AIML161",
	Title:      "Missing input validation in preprocessing",
	Section:    "2.1.1",
	Severity:   High,
	References: []string{"CWE-918", "CWE-73", "OWASP A10:2021"},
	Fix:        Guidance,
	Message:    "Request value used as pandas read path/URL: clients can make the server fetch internal URLs or local files. Use an allow-list.",
	Doc: "A request value is used as the path or URL of a pandas reader. pandas `read_*` functions accept " +
		"http(s)/ftp/s3/gs/file URLs, so any client can make the server fetch internal URLs (cloud metadata " +
		"endpoints) or read local files into the preprocessing pipeline.",
	FixDoc: "Map the request value to an entry of a server-side allow-list (dict of dataset name → fixed path), or accept the data as an upload (`request.files`).",
	Example: `@app.get("/features/preview")
def preview():
    df = pd.read_csv(request.args["source"])
    return df.head().to_json()`,
	SafeExample: `DATASETS = {"rides": "data/rides.csv", "users": "data/users.csv"}

@app.get("/features/preview")
def preview():
    name = request.args["name"]
    if name not in DATASETS:
        abort(404)
    return pd.read_csv(DATASETS[name]).head().to_json()`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !c.Is(pandasReaders...) {
			return
		}
		arg := c.Arg(0, "filepath_or_buffer", "path_or_buf", "path", "io")
		if arg == nil || p.Taint(arg, taint161)&WebField == 0 {
			return
		}
		p.ReportCall(c, p.Guidance())
	},
}

func init() { register(AIML161) }
