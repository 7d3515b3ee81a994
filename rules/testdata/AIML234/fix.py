# The value is wrapped in min(int(...), 64).
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


# An int(...) value is not converted twice.
import flask
from flask import request

web = flask.Flask(__name__)


@web.post("/generate")
def generate():
    body = request.get_json()
    out = pipe(body["prompts"], batch_size=int(body["batch_size"]))  # want: AIML234
    return flask.jsonify(out)


# Guidance: this module shadows min.
@web.post("/shadowed")
def shadowed():
    min = 3
    return flask.jsonify(pipe(["x"], batch_size=request.args["bs"], top_k=min))  # want: AIML234
