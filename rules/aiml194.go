package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML194 = &Rule{
	ID:         "AIML194",
	Title:      "All-Reduce manipulation",
	Section:    "2.2.1",
	Severity:   Medium,
	References: []string{"CWE-377", "CWE-379", "MITRE ATLAS AML.T0031"},
	Fix:        Guidance,
	Message:    "Process-group rendezvous file sits in a world-writable dir; a local user can join the group and skew all-reduce results.",
	Doc: "The process-group rendezvous is a `FileStore` file with a predictable name in a world-writable directory " +
		"(`file:///tmp/...` as `init_method` of `init_process_group` or `TensorPipeRpcBackendOptions`, or a " +
		"`torch.distributed.FileStore` path under `/tmp`, `/var/tmp`, `/dev/shm`). Another local user can pre-create " +
		"or edit it, register as a rank and feed arbitrary values into every all-reduce.",
	FixDoc: "Put the rendezvous file in a directory only the job user can write (created once with " +
		"`tempfile.mkdtemp()` on the shared FS and passed to all ranks), or use `env://` inside a private network.",
	Example: `def setup(rank, world_size):
    dist.init_process_group(
        backend="gloo",
        init_method="file:///tmp/ddp_rendezvous",
        rank=rank,
        world_size=world_size,
    )`,
	SafeExample: `def setup(rank, world_size, shared_dir):
    dist.init_process_group(
        backend="gloo",
        init_method=f"file://{shared_dir}/rendezvous",
        rank=rank,
        world_size=world_size,
    )`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		switch {
		case c.Is(initProcessGroup194...), c.Is(tensorPipeOptions194...): // (a), (b)
			pos := -1
			if c.Is(initProcessGroup194...) {
				pos = 1
			}
			im := c.Arg(pos, "init_method")
			if im == nil || !p.IsWorldWritableFileURL(im) {
				return
			}
			if kw := c.Keyword("init_method"); kw != nil {
				p.Report(kw, p.Guidance())
				return
			}
			p.Report(im, p.Guidance())
		case c.Is(fileStores194...): // (c)
			if path := c.Arg(0, "file_name"); path != nil && p.IsWorldWritablePath(path) {
				p.Report(path, p.Guidance())
			}
		}
	},
}

func init() { register(AIML194) }
