import asyncio
import websockets
from websockets.asyncio.server import serve
from fastapi import FastAPI, WebSocket
from fastapi.responses import StreamingResponse
from flask import Flask, Response, request, stream_with_context
from pydantic import BaseModel
from transformers import TextIteratorStreamer, pipeline
from vllm import LLM, SamplingParams

app = FastAPI()
web = Flask(__name__)
generator = pipeline("text-generation", model="gpt2")
llm = LLM("facebook/opt-125m")


class ChatRequest(BaseModel):
    prompt: str
    max_new_tokens: int = 256
    num_beams: int = 1


@app.post("/chat/stream")
def chat(req: ChatRequest):
    out = lm.generate(**tok(req.prompt, return_tensors="pt"), max_new_tokens=req.max_new_tokens)  # want: AIML244
    return StreamingResponse(iter(tok.batch_decode(out, skip_special_tokens=True)), media_type="text/plain")


@app.post("/chat/streamer")
def chat_streamer(req: ChatRequest):
    streamer = TextIteratorStreamer(tok)
    kwargs = dict(streamer=streamer)
    lm.generate(
        **tok(req.prompt, return_tensors="pt"),
        streamer=streamer,
        num_beams=req.num_beams,  # want: AIML244
    )
    return {"ok": True}


@web.post("/sse")
def sse():
    body = request.get_json()

    def gen():
        for chunk in generator(body["prompt"], max_new_tokens=body["n"]):
            yield chunk["generated_text"]

    n = int(body["max_tokens"]) * 2
    params = SamplingParams(max_tokens=n, best_of=body["best_of"])  # want: AIML244 AIML244
    return Response(stream_with_context(gen()))


@app.websocket("/ws")
async def ws(websocket: WebSocket):
    msg = await websocket.receive_json()
    out = lm.generate(ids, max_length=msg["max_length"])  # want: AIML244
    await websocket.send_text(tok.decode(out[0]))


@app.post("/vllm")
async def vllm_stream(req: ChatRequest):
    async for out in engine.generate(req.prompt, SamplingParams(n=max(req.num_beams, 1)), "id"):  # want: AIML244
        yield out.outputs[0].text


async def main():
    async with websockets.serve(handler, "localhost", 8765, max_size=None):  # want: AIML244
        await asyncio.Future()
    async with serve(handler, "localhost", 8766, max_size=(None)):  # want: AIML244
        await asyncio.Future()
