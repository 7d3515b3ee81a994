import websockets
from fastapi import FastAPI, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field
from transformers import TextIteratorStreamer

app = FastAPI()
MAX_TOKENS = 512


class ChatRequest(BaseModel):
    prompt: str
    max_new_tokens: int = 256
    num_beams: int = Field(1, le=4)


@app.post("/chat/stream")
def chat(req: ChatRequest):
    out = lm.generate(**tok(req.prompt, return_tensors="pt"), max_new_tokens=min(req.max_new_tokens, 512))
    return StreamingResponse(iter(tok.batch_decode(out, skip_special_tokens=True)), media_type="text/plain")


@app.post("/checked")
def checked(req: ChatRequest, n: int = Query(64, le=1024)):
    if req.max_new_tokens > MAX_TOKENS:
        raise ValueError("too long")
    streamer = TextIteratorStreamer(tok)
    lm.generate(ids, streamer=streamer, max_new_tokens=req.max_new_tokens, num_beams=req.num_beams)
    lm.generate(ids, streamer=streamer, max_length=n)
    # Literals, config and sizes of received data.
    lm.generate(ids, streamer=streamer, max_new_tokens=256, num_return_sequences=len(req.prompt))
    lm.generate(ids, streamer=streamer, max_length=ids.shape[1] + 64)
    return {}


@app.post("/nonstream")
def nonstream(req: ChatRequest):
    # Not streaming: AIML215's.
    out = lm.generate(ids, max_new_tokens=req.max_new_tokens)  # want: AIML215
    return {"text": tok.decode(out[0])}


async def main():
    async with websockets.serve(handler, "localhost", 8765):
        pass
    async with websockets.serve(handler, "localhost", 8765, max_size=2**22):
        pass
    async with websockets.serve(handler, "localhost", 8765, max_size=LIMIT):
        pass
    other.serve(handler, max_size=None)
