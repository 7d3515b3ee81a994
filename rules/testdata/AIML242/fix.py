from fastapi import FastAPI
from flask import Flask, request

app = FastAPI()
web = Flask(__name__)


@app.post("/models/{method}")
def call_model(method: str, req: Rows):
    fn = getattr(model, method)  # want: AIML242
    return {"result": fn(req.rows).tolist()}


class Api:
    @app.post("/v2/{method}")
    async def call(self, method: str, req: Rows):
        if req.rows:
            return {"result": getattr(self.model, method)(req.rows)}  # want: AIML242


@web.post("/guidance")
def guidance():
    # Not a plain name: guidance.
    return getattr(model, request.json["method"])(request.json["rows"])  # want: AIML242
