# Spec example (fires), then variants.
from fastapi import FastAPI
from pydantic import BaseModel
from sentence_transformers import SentenceTransformer

app = FastAPI()
encoder = SentenceTransformer("all-MiniLM-L6-v2")


class EmbedRequest(BaseModel):
    texts: list[str]
    batch_size: int = 32


@app.post("/embed")
def embed(req: EmbedRequest):
    vecs = encoder.encode(req.texts, batch_size=req.batch_size)  # want: AIML234
    return {"vectors": vecs.tolist()}


# A plain query parameter, through a local variable, multi-line call.
@app.get("/search")
async def search(q: str, bs: int = 16):
    size = int(bs)
    vecs = encoder.encode(
        [q],
        batch_size=size,  # want: AIML234
        show_progress_bar=False,
    )
    return {"vector": vecs[0].tolist()}


# Flask: request.args with type=int, and a JSON body field.
import flask
from flask import request
from torch.utils.data import DataLoader

web = flask.Flask(__name__)


@web.route("/score", methods=["POST"])
def score():
    loader = DataLoader(request.json["rows"], batch_size=request.args.get("bs", 8, type=int))  # want: AIML234
    return flask.jsonify([len(b) for b in loader])


@web.post("/generate")
def generate():
    body = request.get_json()
    out = pipe(body["prompts"], batch_size=int(body["batch_size"]))  # want: AIML234
    return flask.jsonify(out)


# Ray Serve deployment method (its parameters are request data).
from ray import serve


@serve.deployment
class Embedder:
    def __init__(self):
        self.model = SentenceTransformer("all-MiniLM-L6-v2")

    async def embed(self, texts: list, batch_size: int):
        return self.model.encode(texts, batch_size=batch_size).tolist()  # want: AIML234


# BentoML API with a dict payload.
import bentoml


@bentoml.api
def classify(payload: dict) -> list:
    return pipe(payload["inputs"], batch_size=payload.get("batch_size", 8))  # want: AIML234


# A bound declared on another field name does not bound this one.
from pydantic import Field


class Other(BaseModel):
    max_batch: int = Field(8, le=64)
    chunk: int = 8


@app.post("/chunked")
def chunked(req: Other):
    return {"v": encoder.encode(["a"], batch_size=req.chunk).tolist()}  # want: AIML234


# A module function the handler passes the request value to.
def embed_all(texts, bs):
    return encoder.encode(texts, batch_size=bs)  # want: AIML234


@app.post("/embed-all")
def embed_all_route(req: EmbedRequest):
    return {"v": embed_all(req.texts, req.batch_size).tolist()}
