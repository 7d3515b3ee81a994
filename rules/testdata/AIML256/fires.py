# Spec example (fires), then variants.
import torch
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()
float_model = torch.nn.Linear(4, 2)


class Batch(BaseModel):
    rows: list


@app.post("/optimize")
def optimize(batch: Batch):
    prepared = torch.ao.quantization.prepare(float_model)  # want: AIML256
    prepared(torch.tensor(batch.rows))
    app.state.model = torch.ao.quantization.convert(prepared)


# Legacy torch.quantization, prepare_qat, FX spelling, from-imports.
from torch.quantization import prepare_qat
from torch.ao.quantization.quantize_fx import prepare_fx
import torch.quantization as tq


@app.post("/qat")
def qat(batch: Batch):
    m = prepare_qat(float_model.train())  # want: AIML256
    n = tq.prepare(float_model)  # want: AIML256
    fx = prepare_fx(  # want: AIML256
        float_model,
        {"": torch.ao.quantization.get_default_qconfig("x86")},
        example_inputs=(torch.tensor(batch.rows),),
    )
    return {"ok": m is not None and n is not None and fx is not None}


# ONNX Runtime static quantization in a Flask route.
from flask import Flask, request
from onnxruntime.quantization import quantize_static

web = Flask(__name__)


@web.post("/quantize")
def quantize():
    reader = RowsReader(request.json["rows"])
    quantize_static("model.onnx", "model.int8.onnx", reader)  # want: AIML256
    return {"ok": True}


# Ray Serve deployment method.
from ray import serve


@serve.deployment
class Optimizer:
    def __init__(self):
        self.model = torch.nn.Linear(4, 2)

    async def __call__(self, req):
        prepared = torch.ao.quantization.prepare(self.model)  # want: AIML256
        prepared(torch.tensor(await req.json()))
        return "ok"


class RowsReader:
    def __init__(self, rows):
        self.rows = rows
