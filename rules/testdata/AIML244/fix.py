import websockets
from fastapi import FastAPI
from fastapi.responses import StreamingResponse

app = FastAPI()


@app.post("/chat/stream")
def chat(req: ChatRequest):
    out = lm.generate(**tok(req.prompt, return_tensors="pt"), max_new_tokens=req.max_new_tokens)  # want: AIML244
    return StreamingResponse(iter(tok.batch_decode(out, skip_special_tokens=True)), media_type="text/plain")


@app.post("/beams")
def beams(req: ChatRequest):
    for t in lm.generate(ids, max_length=int(req.max_length), num_beams=req.num_beams):  # want: AIML244 AIML244
        yield t


async def main():
    async with websockets.serve(handler, "localhost", 8765, max_size=None):  # want: AIML244
        pass
