package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML201 = &Rule{
	ID:         "AIML201",
	Title:      "Pipeline parallel injection",
	Section:    "2.2.1",
	Severity:   Critical,
	References: []string{"CWE-94", "CWE-470", "MITRE ATLAS AML.T0050", "CVE-2024-5480", "CVE-2024-48063"},
	Fix:        Guidance,
	Message:    "RPC target function is chosen by untrusted input (or is eval/exec/os.system); the caller can run any code on the remote stage.",
	Doc: "A `torch.distributed.rpc` call (`rpc_sync`, `rpc_async`, `remote`) runs its `func` on a remote pipeline " +
		"stage. When that function is `eval`/`exec`/`os.system`/`subprocess.*`/`importlib.import_module`, or is looked " +
		"up by a request- or network-supplied name (`getattr(module, name)`, `globals()[name]`, `vars(x)[name]`, " +
		"`x.__dict__[name]`), whoever supplies the input runs arbitrary Python on that stage.",
	FixDoc: "Dispatch through an explicit allow-list dict of stage functions (`STAGES = {\"embed\": stages.embed, ...}`; " +
		"`fn = STAGES[name]`) and reject unknown names before calling the RPC.",
	Example: `@app.post("/run_stage")
def run_stage():
    body = request.get_json()
    fn = getattr(pipeline_stages, body["stage"])
    fut = rpc.rpc_async(body["worker"], fn, args=(body["batch_id"],))
    return {"result": fut.wait()}`,
	SafeExample: `STAGES = {"embed": pipeline_stages.embed, "decode": pipeline_stages.decode}

@app.post("/run_stage")
def run_stage():
    body = request.get_json()
    fn = STAGES[body["stage"]]
    fut = rpc.rpc_async("worker1", fn, args=(body["batch_id"],))
    return {"result": fut.wait()}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		fn := rpcFuncArg201(p, c)
		if fn == nil {
			return
		}
		bad, lookup := rpcInjection201(p, fn)
		if !bad {
			return
		}
		fd := p.ReportCall(c, p.Guidance())
		// The spec's message names both forms; say which one this is.
		if lookup == nil {
			fd.Message = "RPC target function is " + codeText(fn, 30) + ": the caller can run any code on the remote stage."
		} else if key := dynamicLookupKey201(p, lookup); key != nil {
			fd.Message = "RPC target function is chosen by " + SourceName(p.Taint(key, nil)&RemoteTaint) +
				"; the caller can run any code on the remote stage."
		}
	},
}

func init() { register(AIML201) }
