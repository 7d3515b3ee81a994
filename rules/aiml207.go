package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML207 = &Rule{
	ID:         "AIML207",
	Title:      "CUDA kernel injection",
	Section:    "2.2.2",
	Severity:   Critical,
	References: []string{"CWE-94", "CWE-88", "MITRE ATLAS AML.T0050"},
	Fix:        Guidance,
	Message:    "GPU kernel source or compile flags come from untrusted input; the sender can run arbitrary device and host code.",
	Doc: "GPU kernel source, a compiled-module path or compiler flags that come from a request or a network response " +
		"are compiled or loaded at runtime (`cupy.RawKernel`/`RawModule`/`ElementwiseKernel`/`ReductionKernel`, " +
		"`pycuda.compiler.SourceModule`, `pycuda.driver.module_from_file`/`module_from_buffer`, " +
		"`torch.utils.cpp_extension.load_inline`/`load`). The sender runs arbitrary device code, which can read other " +
		"tenants' GPU memory, and through host-side extension code, the compiler executable or its flags, arbitrary " +
		"host code.",
	FixDoc: "Never compile request-supplied code: ship fixed kernels (module constants or files in the image) and pass " +
		"user data only as kernel arguments.",
	Example: `@app.post("/custom_op")
def custom_op():
    body = request.get_json()
    kernel = cp.RawKernel(body["source"], "user_op")
    x = cp.asarray(body["data"], dtype=cp.float32)
    kernel((1,), (x.size,), (x,))
    return {"out": cp.asnumpy(x).tolist()}`,
	SafeExample: `SCALE_SRC = r'''extern "C" __global__ void scale(float* x, float a, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x; if (i < n) x[i] *= a; }'''
scale_kernel = cp.RawKernel(SCALE_SRC, "scale")`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		args, ok := kernelSourceArgs207[c.Callee()]
		if !ok {
			return
		}
		var label Label
		for _, a := range args {
			var v *Node
			if a.pos >= 0 {
				v = c.Pos(a.pos)
			}
			if v != nil {
				label |= p.Taint(v, nil) & RemoteTaint
			}
			if a.kw != "" {
				if kv := c.Kwarg(a.kw); kv != nil {
					label |= p.Taint(kv, nil) & RemoteTaint
				}
			}
		}
		if label == 0 {
			return
		}
		fd := p.ReportCall(c, p.Guidance())
		fd.Message = "GPU kernel source or compile flags come from " + SourceName(label) +
			"; the sender can run arbitrary device and host code."
	},
}

// arg207 is one code-carrying argument: its position (-1 when keyword-only)
// and keyword name ("" when positional-only).
type arg207 struct {
	pos int
	kw  string
}

// kernelSourceArgs207 are the compile/load entry points and their
// code-carrying arguments (source, module path, compiler and flags). Symbol
// selection (`name=`) is not among them.
var kernelSourceArgs207 = map[string][]arg207{
	"cupy.RawKernel": {{0, "code"}},
	"cupy.RawModule": {{0, "code"}, {-1, "path"}},
	"cupy.ElementwiseKernel": {{0, "in_params"}, {1, "out_params"}, {2, "operation"}, {5, "preamble"},
		{-1, "loop_prep"}, {-1, "after_loop"}},
	"cupy.ReductionKernel": {{0, "in_params"}, {1, "out_params"}, {2, "map_expr"}, {3, "reduce_expr"},
		{4, "post_map_expr"}, {5, "identity"}, {9, "preamble"}},
	"pycuda.compiler.SourceModule":     {{0, "source"}, {1, "nvcc"}, {2, "options"}},
	"pycuda.driver.module_from_file":   {{0, "filename"}},
	"pycuda.driver.module_from_buffer": {{0, "buffer"}},
	// torch >= 2.7 inserts sycl_sources before functions (and
	// extra_sycl_cflags among the flags); positions 1-4 carry code or flags
	// in every version.
	"torch.utils.cpp_extension.load_inline": {{1, "cpp_sources"}, {2, "cuda_sources"}, {3, "functions"},
		{4, "sycl_sources"}, {-1, "extra_cflags"}, {-1, "extra_cuda_cflags"}, {-1, "extra_sycl_cflags"},
		{-1, "extra_ldflags"}, {-1, "extra_include_paths"}},
	"torch.utils.cpp_extension.load": {{1, "sources"}, {2, "extra_cflags"}, {3, "extra_cuda_cflags"},
		{4, "extra_ldflags"}, {5, "extra_include_paths"}, {-1, "extra_sycl_cflags"}},
}

func init() { register(AIML207) }
