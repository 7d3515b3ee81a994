package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML212 = &Rule{
	ID:         "AIML212",
	Title:      "Device placement manipulation",
	Section:    "2.2.2",
	Severity:   Medium,
	References: []string{"CWE-15", "CWE-400", "CWE-639"},
	Fix:        Guidance,
	Message:    "Compute device is chosen by the request; clients can move work onto other tenants' GPUs or crash the worker.",
	Doc: "The compute device is taken from request data: `torch.device(...)`, `.to(...)`, `.cuda(...)`, " +
		"`torch.cuda.set_device`/`torch.cuda.device`, `tf.device`, `device=`/`device_map=` of `transformers.pipeline` " +
		"or `from_pretrained`, or `CUDA_VISIBLE_DEVICES`/`HIP_VISIBLE_DEVICES`/`ROCR_VISIBLE_DEVICES`. A client can pin " +
		"its work onto GPUs reserved for other tenants or models, force slow CPU fallback, or crash the worker with an " +
		"invalid ordinal.",
	FixDoc: "Map a request field to an allow-listed device through a server-side table, e.g. " +
		"`device = DEVICE_BY_TIER[tier]` with `DEVICE_BY_TIER = {\"free\": \"cuda:1\", \"paid\": \"cuda:0\"}`, or reject " +
		"values outside a fixed set before use.",
	Example: `@app.post("/infer")
async def infer(req: InferRequest):
    device = torch.device(req.device)
    model = MODELS[req.model_name].to(device)
    x = torch.tensor(req.inputs, device=device)
    return {"y": model(x).tolist()}`,
	SafeExample: `DEVICE_BY_TIER = {"free": "cuda:1", "paid": "cuda:0"}

@app.post("/infer")
async def infer(req: InferRequest):
    device = torch.device(DEVICE_BY_TIER[req.tier])
    model = MODELS[req.model_name].to(device)
    return {"y": model(torch.tensor(req.inputs, device=device)).tolist()}`,
	Kinds: EnvSetKinds(), // assignments (ENV-SET) and calls
	Check: func(p *Pass, n *Node) {
		for _, e := range p.EnvSets(n) {
			if visibleDevices212[e.Key] && p.Taint(e.Value, nil)&WebTaint != 0 {
				p.ReportEnvSet(e, p.Guidance())
				return
			}
		}
		c, ok := p.AsCall(n)
		if !ok {
			return
		}
		for _, v := range deviceArgs212(p, c) {
			if v != nil && !tensorPlacement212(p, v, 0) && p.Taint(v, nil)&WebTaint != 0 {
				p.ReportCall(c, p.Guidance())
				return
			}
		}
	},
}

var visibleDevices212 = map[string]bool{"CUDA_VISIBLE_DEVICES": true, "HIP_VISIBLE_DEVICES": true, "ROCR_VISIBLE_DEVICES": true}

// deviceArgs212 returns the device-selecting arguments of c, if c is one of
// the placement APIs.
func deviceArgs212(p *Pass, c Call) []*Node {
	switch c.Callee() {
	case "torch.device":
		// torch.device(type, index): the index picks the GPU as well.
		return []*Node{c.Arg(0, "type"), c.Arg(1, "index")}
	case "torch.cuda.set_device", "torch.cuda.device":
		return []*Node{c.Arg(0, "device")}
	case "tensorflow.device":
		return []*Node{c.Arg(0, "device_name")}
	case "transformers.pipeline":
		return []*Node{c.Kwarg("device"), c.Kwarg("device_map")}
	}
	switch c.Method() {
	case "to", "cuda":
		if p.Imports("torch") {
			return []*Node{c.Pos(0), c.Kwarg("device")}
		}
	case "from_pretrained":
		return []*Node{c.Kwarg("device"), c.Kwarg("device_map")}
	}
	return nil
}

// tensorPlacement212: v is where an existing tensor or module already
// lives — `t.device`, `t.get_device()`, `next(m.parameters()).device` —
// directly or through one local name: a server-side placement, even when
// the tensor holds request data.
func tensorPlacement212(p *Pass, v *Node, depth int) bool {
	v = Unparen(v)
	if v == nil || depth > 2 {
		return false
	}
	switch v.Kind {
	case KAttribute:
		// t.device; not a string field of a request model (req.device):
		// only a tensor (a body value or server data) has a placement.
		return v.Field("attribute").Is("device") && p.Taint(v.Field("object"), nil)&(WebField|WebOther) == 0
	case KCall:
		c, _ := p.AsCall(v)
		return c.Method() == "get_device" && c.Callee() == "" // torch.Tensor.get_device
	case KIdentifier:
		if d := p.ScopeOf(v).DefAt(v.Text(), v.Start); d != nil && d.Kind == DefAssign && !d.Unpacked {
			return tensorPlacement212(p, d.Value, depth+1)
		}
	}
	return false
}

func init() { register(AIML212) }
