import torch
from fastapi import FastAPI, HTTPException, Query
from flask import Flask, Response, abort, request, stream_with_context
from pydantic import BaseModel, Field, conint
from starlette.responses import StreamingResponse
from transformers import TextIteratorStreamer
from typing import Annotated

app = Flask(__name__)
api = FastAPI()
MAX_NEW_TOKENS = 1024


class GenerateRequest(BaseModel):
    prompt: str
    max_new_tokens: int = Field(256, ge=1, le=1024)
    num_beams: conint(ge=1, le=8) = 1
    n: Annotated[int, Field(le=4)] = 1


@api.post("/generate")
def generate(req: GenerateRequest):
    inputs = tokenizer(req.prompt, return_tensors="pt").to("cuda")
    out = model.generate(**inputs, max_new_tokens=req.max_new_tokens, num_beams=req.num_beams,
                         num_return_sequences=req.n)
    return {"text": tokenizer.decode(out[0], skip_special_tokens=True)}


@api.get("/query")
def query(prompt: str, max_new_tokens: int = Query(128, le=512)):
    return model.generate(**tokenizer(prompt, return_tensors="pt"), max_new_tokens=max_new_tokens)


@app.post("/clamped")
def clamped():
    body = request.get_json()
    n = min(int(body["max_new_tokens"]), MAX_NEW_TOKENS)
    return {"out": model.generate(input_ids, max_new_tokens=n).tolist()}


@app.post("/checked")
def checked():
    n = int(request.args["max_new_tokens"])
    if n > MAX_NEW_TOKENS:
        abort(400)
    return {"out": model.generate(input_ids, max_new_tokens=n).tolist()}


@app.post("/stream")
def stream():
    body = request.get_json()
    streamer = TextIteratorStreamer(tokenizer)
    model.generate(input_ids, max_new_tokens=body["max_new_tokens"], streamer=streamer)
    return Response(stream_with_context(streamer))


@api.post("/sse")
async def sse(limit: int):
    return StreamingResponse(iter(model.generate(input_ids, max_new_tokens=limit)))  # want: AIML244


@api.post("/yields")
async def yields(limit: int):
    for tok in model.generate(input_ids, max_new_tokens=limit):  # want: AIML244
        yield tok


@app.post("/fixed")
def fixed():
    prompt = request.get_json()["prompt"]
    return {"out": model.generate(tokenizer(prompt, return_tensors="pt").input_ids, max_new_tokens=256).tolist()}


@app.post("/alloc")
def alloc():
    texts = request.get_json()["texts"]
    return {"s": float(torch.zeros(len(texts), 768).sum())}


def offline(args):
    return model.generate(input_ids, max_new_tokens=args.max_new_tokens)


@api.post("/raise")
def raises(max_new_tokens: int):
    if not 1 <= max_new_tokens <= MAX_NEW_TOKENS:
        raise HTTPException(status_code=422)
    return model.generate(input_ids, max_new_tokens=max_new_tokens)
