package rules

import (
	"strings"
	"testing"

	"github.com/pyguard/pyguard/analyzer"
)

func TestAIML188Fix(t *testing.T) {
	src := `import numexpr
import numpy as np
from fastapi import FastAPI

api = FastAPI()


@api.post("/features/vector")
def vector(payload: dict):
    a = np.arange(10)
    return {"v": numexpr.evaluate(payload["expr"], local_dict={"a": a}, sanitize=False).tolist()}


@api.post("/features/eval")
def with_eval(payload: dict):
    return {"v": eval(payload["expr"])}
`
	fixed, suggested := editRoundTrip(t, src, AIML188, 11)
	want := `numexpr.evaluate(payload["expr"], local_dict={"a": a}, sanitize=True)`
	for _, out := range []string{fixed, suggested} {
		if !strings.Contains(out, want) || strings.Contains(out, "sanitize=False") {
			t.Errorf("got\n%s", out)
		}
	}
	if fx := fixOn(t, src, AIML188, 16); fx.Applicability != analyzer.Guidance {
		t.Errorf("eval: want guidance, got %+v", fx)
	}
}
