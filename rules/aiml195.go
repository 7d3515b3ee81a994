package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML195 = &Rule{
	ID:         "AIML195",
	Title:      "Ring-All-Reduce injection",
	Section:    "2.2.1",
	Severity:   High,
	References: []string{"CWE-427", "CWE-426", "CWE-94", "MITRE ATLAS AML.T0010"},
	Fix:        Guidance,
	Message:    "NCCL plugin library path is world-writable or request-controlled; whoever writes it runs code inside every training rank.",
	Doc: "NCCL/RCCL `dlopen`s the plugin library named by `NCCL_NET_PLUGIN`, `NCCL_TUNER_PLUGIN` or " +
		"`NCCL_PROFILER_PLUGIN` into every rank. Setting one of them to a path in a world-writable directory " +
		"(`/tmp`, `/var/tmp`, `/dev/shm`) or to request/network-controlled text lets someone else inject code " +
		"into the ring transport of all ranks.",
	FixDoc: "Install the plugin in a root-owned directory (`/usr/lib/...`, `/opt/...`) and reference that path.",
	Example: `def configure_nccl():
    os.environ["NCCL_NET_PLUGIN"] = "/tmp/plugins/libnccl-net-custom.so"
    os.environ["NCCL_DEBUG"] = "WARN"`,
	SafeExample: `def configure_nccl():
    os.environ["NCCL_NET_PLUGIN"] = "/opt/amazon/ofi-nccl/lib/libnccl-net.so"
    os.environ["NCCL_DEBUG"] = "WARN"`,
	Kinds: EnvSetKinds(),
	Check: func(p *Pass, n *Node) {
		for _, e := range p.EnvSets(n) {
			if !ncclPluginVars195[e.Key] {
				continue
			}
			// The spec's message names both causes; say which one this is.
			msg := "NCCL plugin library path is world-writable; whoever writes it runs code inside every training rank."
			if !p.IsWorldWritablePath(e.Value) {
				label := p.Taint(e.Value, nil) & RemoteTaint
				if label == 0 {
					continue
				}
				msg = "NCCL plugin library path comes from " + SourceName(label) + "; its sender runs code inside every training rank."
			}
			p.ReportEnvSet(e, p.Guidance()).Message = msg
			return // one finding per reported statement or call
		}
	},
}

func init() { register(AIML195) }
