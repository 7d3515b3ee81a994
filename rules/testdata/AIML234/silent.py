# Spec example (silent): min(...) caps the request value.
from fastapi import FastAPI, Query
from pydantic import BaseModel, Field, conint
from sentence_transformers import SentenceTransformer

app = FastAPI()
encoder = SentenceTransformer("all-MiniLM-L6-v2")
MAX_BATCH = 64


class EmbedRequest(BaseModel):
    texts: list[str]
    batch_size: int = 32


@app.post("/embed")
def embed(req: EmbedRequest):
    vecs = encoder.encode(req.texts, batch_size=min(req.batch_size, 64))
    return {"vectors": vecs.tolist()}


# A literal, a module constant, and a server-side config value.
@app.post("/fixed")
def fixed(req: EmbedRequest):
    a = encoder.encode(req.texts, batch_size=32)
    b = encoder.encode(req.texts, batch_size=MAX_BATCH)
    return {"a": a.tolist(), "b": b.tolist()}


# Query(..., le=N) on the parameter, and Annotated[int, Query(lt=N)].
from typing import Annotated


@app.get("/q")
def q(text: str, batch_size: int = Query(16, le=128)):
    return {"v": encoder.encode([text], batch_size=batch_size).tolist()}


@app.get("/q2")
def q2(text: str, bs: Annotated[int, Query(lt=65)] = 8):
    return {"v": encoder.encode([text], batch_size=bs).tolist()}


# pydantic Field(le=...) and conint(le=...) on a field of the same name.
class Bounded(BaseModel):
    texts: list[str]
    chunk_size: int = Field(16, ge=1, le=128)
    page: conint(ge=1, le=50) = 1


@app.post("/bounded")
def bounded(req: Bounded):
    a = encoder.encode(req.texts, batch_size=req.chunk_size)
    b = encoder.encode(req.texts, batch_size=req.page)
    return {"a": a.tolist(), "b": b.tolist()}


# Compared against a bound in an if that raises before the call.
from fastapi import HTTPException


@app.post("/checked")
def checked(req: EmbedRequest):
    bs = int(req.batch_size)
    if bs < 1 or bs > MAX_BATCH:
        raise HTTPException(status_code=422, detail="batch_size out of range")
    return {"v": encoder.encode(req.texts, batch_size=bs).tolist()}


# max(lo, min(...)) and numpy.clip.
import numpy as np


@app.post("/clamped")
def clamped(req: EmbedRequest):
    a = encoder.encode(req.texts, batch_size=max(1, min(req.batch_size, 64)))
    b = encoder.encode(req.texts, batch_size=int(np.clip(req.batch_size, 1, 64)))
    return {"a": a.tolist(), "b": b.tolist()}


# Outside a request handler: offline embedding job with a CLI value.
import sys


def offline(texts):
    return encoder.encode(texts, batch_size=int(sys.argv[1]))


# A size derived with len() is not request-controlled data.
@app.post("/len")
def by_len(req: EmbedRequest):
    return {"v": encoder.encode(req.texts, batch_size=len(req.texts)).tolist()}


# A module function called only with server-side values.
def embed_fixed(texts, bs):
    return encoder.encode(texts, batch_size=bs)


@app.post("/embed-fixed")
def embed_fixed_route(req: EmbedRequest):
    return {"v": embed_fixed(req.texts, MAX_BATCH).tolist()}
