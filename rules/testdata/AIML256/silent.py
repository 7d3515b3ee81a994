# Spec example (silent), then look-alikes.
import torch
from fastapi import FastAPI

app = FastAPI()
float_model = torch.nn.Linear(4, 2)
calibration_loader = []

if __name__ == "__main__":
    prepared = torch.ao.quantization.prepare(float_model)
    for x in calibration_loader:
        prepared(x)


# An offline calibration helper (not a handler).
def calibrate(model, loader):
    prepared = torch.ao.quantization.prepare(model)
    for x in loader:
        prepared(x)
    return torch.ao.quantization.convert(prepared)


# Dynamic quantization needs no calibration.
@app.post("/dynamic")
def dynamic():
    q = torch.ao.quantization.quantize_dynamic(float_model, {torch.nn.Linear}, dtype=torch.qint8)
    return {"ok": q is not None}


# Converting an already calibrated model in a handler.
@app.post("/convert")
def convert():
    return {"ok": torch.ao.quantization.convert(float_model) is not None}


# Startup hook prepares the model once.
@app.on_event("startup")
def startup():
    app.state.prepared = torch.ao.quantization.prepare(float_model)


# A nested helper defined inside a handler is its own SCOPE.
@app.post("/schedule")
def schedule():
    def job():
        return torch.ao.quantization.prepare(float_model)

    return {"queued": job is not None}


# A method named prepare on some other object.
@app.post("/other")
def other(data: dict):
    return {"ok": Tokenizer().prepare(data["text"])}


class Tokenizer:
    def prepare(self, text):
        return text
