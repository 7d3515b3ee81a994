package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

var AIML243 = &Rule{
	ID:         "AIML243",
	Title:      "Batch inference injection",
	Section:    "2.3.2",
	Severity:   High,
	References: []string{"CWE-89", "CWE-95", "OWASP ML06"},
	Fix:        Guidance,
	Message:    "Request data is spliced into the batch query/expression (SQL or pandas eval injection). Use bound parameters.",
	Doc: "A batch-scoring endpoint builds the SQL that selects its batch (`pandas.read_sql`/`read_sql_query`) or a " +
		"pandas `query`/`eval` expression from request or network data. The caller can rewrite the query (SQL " +
		"injection: other tenants' rows, writes through multi-statement drivers) or, for `DataFrame.query`/`eval` " +
		"and `pandas.eval`, evaluate expressions over the frame and the local namespace.",
	FixDoc: "Use bound parameters for SQL (`pd.read_sql(text(\"... WHERE tenant = :t\"), engine, params={\"t\": v})`); " +
		"for filters, map request fields to column names from an allow-list and compare with `@var` references " +
		"(`df.query(\"tenant == @tenant\")`).",
	Example: `@app.post("/batch-score")
def batch_score(job: Job):
    df = pd.read_sql(f"SELECT * FROM events WHERE tenant = '{job.tenant}'", engine)
    return {"n": int(model.predict(df[FEATURES]).sum())}`,
	SafeExample: `    df = pd.read_sql(text("SELECT * FROM events WHERE tenant = :t"), engine, params={"t": job.tenant})`,
	Kinds:       []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		var arg *Node
		kind, advice := "", "Use @var references."
		switch {
		case c.Is("pandas.read_sql", "pandas.read_sql_query", "pandas.io.sql.read_sql", "pandas.io.sql.read_sql_query"):
			arg, kind, advice = sqlText243(p, c.Arg(0, "sql")), "batch SQL query (SQL injection)", "Use bound parameters."
		case c.Is("pandas.eval"):
			arg, kind = c.Arg(0, "expr"), "pandas.eval expression (eval injection)"
		case (c.Method() == "query" || c.Method() == "eval") && frameReceiver243(p, c.Receiver()):
			arg, kind = c.Arg(0, "expr"), "DataFrame."+c.Method()+" expression (eval injection)"
		default:
			return
		}
		if arg == nil {
			return
		}
		label := p.StringTaint(arg) & RemoteTaint
		if label == 0 {
			return
		}
		fd := p.ReportCall(c, p.Guidance())
		src := SourceName(label)
		fd.Message = strings.ToUpper(src[:1]) + src[1:] + " is spliced into the " + kind + ". " + advice
	},
}

// sqlText243 is the SQL text of a read_sql argument, looking through
// sqlalchemy's text(...) wrapper.
func sqlText243(p *Pass, a *Node) *Node {
	if c, ok := p.AsCall(a); ok && c.Is("sqlalchemy.text", "sqlalchemy.sql.text", "sqlalchemy.sql.expression.text") {
		return c.Arg(0, "text")
	}
	return a
}

// frameReceiver243: the receiver is typed (README §3.4) as a pandas
// DataFrame: from pandas.read_*, pandas.DataFrame(...), pandas.json_normalize(...).
func frameReceiver243(p *Pass, recv *Node) bool {
	t := p.TypeOf(recv)
	switch {
	case t == "pandas.DataFrame", t == "pandas.json_normalize", t == "pandas.io.json.json_normalize",
		t == "pandas.DataFrame.from_dict", t == "pandas.DataFrame.from_records":
		return true
	case strings.HasPrefix(t, "pandas.read_"):
		return true
	}
	return false
}

func init() { register(AIML243) }
