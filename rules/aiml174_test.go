package rules

import "testing"

// TestAIML174Owned: the look-alikes other rules own (README §4 rows 1 and
// 3), checked with AIML174 alone so the fixtures stay free of them.
func TestAIML174Owned(t *testing.T) {
	src := `import bentoml
import joblib
import pickle
import pandas as pd
from fastapi import FastAPI, UploadFile
from flask import Flask, request

app = Flask(__name__)
api = FastAPI()
svc = bentoml.Service("scaler")


@bentoml.api
def transform(path: str):
    return joblib.load(path)


@svc.api(input=None, output=None)
def transform2(name: str):
    with open(name, "rb") as f:
        return pickle.load(f)


@bentoml.api
def transform3(x: str):
    return joblib.load("/tmp/scaler.joblib")


@app.post("/upload")
def upload():
    a = joblib.load(request.files["model"])
    b = pd.read_pickle(request.files["frame"].stream)
    c = pickle.load(request.files["state"])
    d = joblib.load(request.stream)
    return str((a, b, c, d))


@api.post("/upload2")
async def upload2(file: UploadFile, raw: bytes):
    return str(joblib.load(file.file)) + str(pd.read_pickle(raw))
`
	got := runOnly(t, src, AIML174)
	// Only the world-writable path inside the BentoML API (case (b)).
	if len(got) != 1 || !got["26:AIML174"] {
		t.Errorf("findings = %v, want only 26:AIML174", got)
	}
}
