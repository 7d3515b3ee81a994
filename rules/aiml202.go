package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML202 = &Rule{
	ID:         "AIML202",
	Title:      "Tensor parallel tampering",
	Section:    "2.2.1",
	Severity:   Critical,
	References: []string{"CWE-502", "MITRE ATLAS AML.T0049", "CVE-2025-30165", "CVE-2025-32444"},
	Fix:        Unsafe,
	Message:    "recv_pyobj() unpickles data from a network-reachable ZeroMQ socket; any peer that can connect can run code on this worker.",
	Doc: "pyzmq's `recv_pyobj()` unpickles whatever arrives on the socket. When the socket binds or connects to an " +
		"address other hosts can reach (anything but `inproc://`, `ipc://` or loopback TCP), any sender gets code " +
		"execution on the tensor-parallel worker (vLLM CVE-2025-30165, CVE-2025-32444).",
	FixDoc: "Replace `recv_pyobj(` with `recv_json(`. The peer must switch `send_pyobj` to `send_json`, and tensors " +
		"need an explicit encoding (e.g. safetensors bytes with `recv`/`send`).",
	Example: `def worker_loop(master_host, port, shard):
    ctx = zmq.Context()
    sub = ctx.socket(zmq.SUB)
    sub.connect(f"tcp://{master_host}:{port}")
    sub.setsockopt_string(zmq.SUBSCRIBE, "")
    while True:
        msg = sub.recv_pyobj()
        shard.apply(msg)`,
	SafeExample: `def worker_loop(master_host, port, shard):
    ctx = zmq.Context()
    sub = ctx.socket(zmq.SUB)
    sub.connect(f"tcp://{master_host}:{port}")
    sub.setsockopt_string(zmq.SUBSCRIBE, "")
    while True:
        msg = sub.recv_json()
        shard.apply(msg)`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if c.Method() != "recv_pyobj" {
			return
		}
		sock := c.Receiver()
		if !isZMQSocket202(p, sock) || !exposedSocket202(p, sock) {
			return
		}
		e, ok := RenameMethod(c, "recv_json")
		if !ok {
			p.ReportCall(c, p.Guidance())
			return
		}
		s := codeText(sock, 40)
		p.ReportCall(c, p.Edits(Unsafe, "Call `"+s+".recv_json()` instead of `recv_pyobj`, so messages on this socket "+
			"are parsed as JSON and never unpickled.", e).
			Changing("the peer must send with `send_json`; messages it sends with `send_pyobj` (tensors, Python "+
				"objects) no longer decode, so tensors need an explicit encoding."))
	},
}

func init() { register(AIML202) }
