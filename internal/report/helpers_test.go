package report

import "github.com/pyguard/pyguard/analyzer"

var (
	ruleHigh = &analyzer.Rule{ID: "AIML161", Title: "Missing input validation in preprocessing", Section: "2.1.1",
		Severity: analyzer.High, References: []string{"CWE-918", "CWE-73", "OWASP A10:2021"}, Fix: analyzer.Guidance,
		Doc: "A request value is used as a pandas path.", FixDoc: "Use an allow-list."}
	ruleLow = &analyzer.Rule{ID: "AIML173", Title: "Pipeline versioning gaps", Section: "2.1.1",
		Severity: analyzer.Low, References: []string{"CWE-390"}, Fix: analyzer.Unsafe,
		Doc: "The version warning is silenced.", FixDoc: `Replace "ignore" with "error".`}
)

const sampleSrc = "import warnings\n" +
	"warnings.filterwarnings(\"ignore\", category=W)\n" +
	"\tdf = pd.read_csv(request.args[\"é\"])  # 😀\n"

// sample is a report with one finding of each kind on sampleSrc.
func sample() *Report {
	src := NewSource([]byte(sampleSrc))
	return &Report{
		Version: "1.2.3", FilesScanned: 2, Rules: []*analyzer.Rule{ruleHigh, ruleLow}, BaseDir: "/repo",
		Findings: []Finding{
			{RuleID: "AIML173", Severity: "low", Title: ruleLow.Title, Message: "InconsistentVersionWarning silenced.",
				Path: "src/load.py", Line: 2, Column: 25, EndLine: 2, EndColumn: 33, References: []string{"CWE-390"},
				Fix: &Fix{Applicability: "unsafe", Description: `Replace "ignore" with "error".`,
					Edits: []Edit{{StartLine: 2, StartColumn: 26, EndLine: 2, EndColumn: 32, NewText: "error"}}},
				Rule: ruleLow, Source: src},
			{RuleID: "AIML161", Severity: "high", Title: ruleHigh.Title, Message: "Request value used as pandas read path.",
				Path: "src/load.py", Line: 3, Column: 10, EndLine: 3, EndColumn: 38, References: []string{"CWE-918"},
				Fix: &Fix{Applicability: "guidance", Description: "Use an allow-list."}, Rule: ruleHigh, Source: src},
		},
		Errors: []FileError{{Path: "bad.py", Message: "not valid UTF-8"}},
	}
}
