package rules

import . "github.com/pyguard/pyguard/analyzer"

// calibrators256 insert observers whose ranges the following forward passes
// (or the calibration reader) set: static post-training quantization and
// QAT preparation in torch (torch/ao/quantization/quantize.py and
// quantize_fx.py, re-exported by torch.ao.quantization and the legacy
// torch.quantization), and ONNX Runtime's quantize_static.
var calibrators256 = []string{
	"torch.ao.quantization.prepare", "torch.quantization.prepare", "torch.ao.quantization.quantize.prepare",
	"torch.ao.quantization.prepare_qat", "torch.quantization.prepare_qat", "torch.ao.quantization.quantize.prepare_qat",
	"torch.ao.quantization.quantize_fx.prepare_fx", "torch.quantization.quantize_fx.prepare_fx",
	"onnxruntime.quantization.quantize_static", "onnxruntime.quantization.quantize.quantize_static",
}

var AIML256 = &Rule{
	ID:         "AIML256",
	Title:      "Quantized model vulnerabilities",
	Section:    "2.3.3",
	Severity:   Medium,
	References: []string{"CWE-20", "OWASP ML02", "MITRE ATLAS AML.T0020"},
	Fix:        Guidance,
	Message:    "Quantization calibration runs on live request data; callers can poison scale/zero-point of the quantized model.",
	Doc: "Static-quantization calibration (`torch.ao.quantization.prepare`/`prepare_qat`/`prepare_fx`, ONNX Runtime " +
		"`quantize_static`) runs inside a request handler, so observer ranges (scale and zero-point) are computed from " +
		"caller-supplied data. One extreme input can collapse the precision or shift the behaviour of the quantized " +
		"model that every later caller gets.",
	FixDoc: "Calibrate offline on a vetted dataset and ship the converted model; never calibrate on live requests.",
	Example: `@app.post("/optimize")
def optimize(batch: Batch):
    prepared = torch.ao.quantization.prepare(float_model)
    prepared(torch.tensor(batch.rows))
    app.state.model = torch.ao.quantization.convert(prepared)`,
	SafeExample: `if __name__ == "__main__":
    prepared = torch.ao.quantization.prepare(float_model)
    for x in calibration_loader:
        prepared(x)`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !c.Is(calibrators256...) || !p.FuncOf(n).IsRoute() {
			return
		}
		p.ReportCall(c, p.Guidance())
	},
}

func init() { register(AIML256) }
