import torch
from fastapi import FastAPI
from flask import Flask, request
from pydantic import BaseModel
from transformers import pipeline
from vllm import LLM, SamplingParams

app = Flask(__name__)
api = FastAPI()
generator = pipeline("text-generation", model="gpt2")
llm = LLM("facebook/opt-125m")


class GenerateRequest(BaseModel):
    prompt: str
    max_new_tokens: int = 256
    num_beams: int = 1


@api.post("/generate")
def generate(req: GenerateRequest):
    inputs = tokenizer(req.prompt, return_tensors="pt").to("cuda")
    out = model.generate(**inputs, max_new_tokens=req.max_new_tokens)  # want: AIML215
    return {"text": tokenizer.decode(out[0], skip_special_tokens=True)}


@api.post("/beams")
def beams(req: GenerateRequest):
    out = model.generate(
        **tokenizer(req.prompt, return_tensors="pt"),
        max_length=512,
        num_beams=req.num_beams,  # want: AIML215
    )
    return {"n": len(out)}


@app.post("/pipe")
def pipe():
    body = request.get_json()
    res = generator(body["prompt"], max_new_tokens=int(body["max_tokens"]), num_return_sequences=body["n"])  # want: AIML215 AIML215
    return {"out": res}


@app.post("/vllm")
def vllm_generate():
    body = request.get_json()
    params = SamplingParams(temperature=0.7, max_tokens=body["max_tokens"], n=max(body.get("n", 1), 1))  # want: AIML215 AIML215
    outs = llm.generate([body["prompt"]], params)
    return {"text": outs[0].outputs[0].text}


@app.post("/alloc")
def alloc():
    n = int(request.args["n"])
    buf = torch.zeros(n, 768, device="cuda")  # want: AIML215
    noise = torch.randn((4, request.json["dim"]))  # want: AIML215
    return {"s": float(buf.sum() + noise.sum())}


class Generator:
    def __init__(self):
        self.pipe = pipeline("text2text-generation", model="t5-small")

    @app.post("/t5")
    def run(self):
        length = request.args.get("len", 64, type=int)
        return self.pipe(request.args["q"], max_length=length)  # want: AIML215
