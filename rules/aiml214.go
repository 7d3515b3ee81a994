package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML214 = &Rule{
	ID:         "AIML214",
	Title:      "Kernel launch parameter tampering",
	Section:    "2.2.2",
	Severity:   High,
	References: []string{"CWE-787", "CWE-1284", "CWE-20"},
	Fix:        Guidance,
	Message:    "Kernel launch grid/block/shared memory come from the request; a client can drive threads past buffer bounds on the GPU.",
	Doc: "The grid or block dimensions, the shared-memory size or the element count of a raw GPU kernel launch " +
		"(`cupy.RawKernel`/`RawModule.get_function` kernels, `cupy.ElementwiseKernel(size=...)`, PyCUDA " +
		"`SourceModule.get_function` kernels) come from a request or a network response. Raw kernels rarely check " +
		"their index against the buffer, so a client can make threads write past the output buffer (GPU memory " +
		"corruption across tenants) or stall the device.",
	FixDoc: "Derive grid and block from the sizes of the server-allocated buffers (`(x.size + threads - 1) // threads`) " +
		"and clamp anything request-controlled with `min(<value>, <limit>)`.",
	Example: `kernel = cp.RawKernel(SAXPY_SRC, "saxpy")

@app.post("/saxpy")
def saxpy():
    body = request.get_json()
    x = cp.asarray(body["x"], dtype=cp.float32)
    y = cp.zeros_like(x)
    kernel((body["blocks"],), (body["threads"],), (x, y, cp.float32(2.0)))
    return {"y": y.get().tolist()}`,
	SafeExample: `@app.post("/saxpy")
def saxpy():
    body = request.get_json()
    x = cp.asarray(body["x"], dtype=cp.float32)
    y = cp.zeros_like(x)
    threads = 256
    kernel(((x.size + threads - 1) // threads,), (threads,), (x, y, cp.float32(2.0), cp.int32(x.size)))
    return {"y": y.get().tolist()}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		var args []*Node
		switch kernelKind214(p, c.Func) {
		case "cupy.RawKernel":
			args = []*Node{c.Arg(0, "grid"), c.Arg(1, "block"), c.Kwarg("shared_mem")}
		case "cupy.ElementwiseKernel":
			args = []*Node{c.Kwarg("size")}
		case "pycuda":
			args = []*Node{c.Kwarg("block"), c.Kwarg("grid"), c.Kwarg("shared")}
		default:
			return
		}
		var label Label
		for _, a := range args {
			label |= sizeTaint(p, n, a, nil)
		}
		if label &= RemoteTaint; label == 0 {
			return
		}
		fd := p.ReportCall(c, p.Guidance())
		fd.Message = "Kernel launch grid/block/shared memory come from " + SourceName(label) +
			"; a client can drive threads past buffer bounds on the GPU."
	},
}

// kernelKind214 classifies the launched callee: "cupy.RawKernel",
// "cupy.ElementwiseKernel", "pycuda" (a function from
// SourceModule.get_function), or "".
func kernelKind214(p *Pass, fn *Node) string {
	fn = Unparen(fn)
	if fn == nil {
		return ""
	}
	switch t := p.TypeOf(fn); t {
	case "cupy.RawKernel", "cupy.ElementwiseKernel":
		return t
	}
	ctor, ok := p.TypingCall(fn)
	if !ok || ctor.Method() != "get_function" {
		return ""
	}
	switch p.TypeOf(ctor.Receiver()) {
	case "pycuda.compiler.SourceModule", "pycuda.compiler.DynamicSourceModule":
		return "pycuda"
	}
	return ""
}

func init() { register(AIML214) }
