from fastapi import FastAPI
from flask import Flask, request
from pydantic import BaseModel
from vllm import SamplingParams

app = Flask(__name__)
api = FastAPI()


class GenerateRequest(BaseModel):
    prompt: str
    max_new_tokens: int = 256


@api.post("/generate")
def generate(req: GenerateRequest):
    inputs = tokenizer(req.prompt, return_tensors="pt").to("cuda")
    out = model.generate(**inputs, max_new_tokens=req.max_new_tokens)  # want: AIML215
    return {"text": tokenizer.decode(out[0], skip_special_tokens=True)}


@app.post("/vllm")
def vllm_generate():
    body = request.get_json()
    params = SamplingParams(
        max_tokens=body["max_tokens"],  # want: AIML215
        best_of=body["best_of"],  # want: AIML215
    )
    return {"p": str(params)}


@app.post("/shadowed")
def shadowed():
    min = 3
    return {"out": model.generate(ids, num_beams=request.json["beams"]).tolist()}  # want: AIML215
