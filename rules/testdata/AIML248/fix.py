import os
import traceback

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from flask import Flask, jsonify

from serving import PROBE, model

app = FastAPI()
web = Flask(__name__)


@app.get("/healthz")
def healthz():
    try:
        model.predict(PROBE)
        return {"ok": True}
    except Exception:
        return JSONResponse({"ok": False, "trace": traceback.format_exc()}, status_code=503)  # want: AIML248


@web.route("/health")
def flask_health():
    return jsonify(ok=True, env=dict(os.environ))  # want: AIML248


@app.get("/ready")
def ready():
    return {"ready": True, "env": os.environ.copy()}  # want: AIML248


@app.get("/status")
def status():
    return {"ok": True, **os.environ}  # want: AIML248


@app.get("/livez")
def livez():
    try:
        model.predict(PROBE)
    except Exception as exc:
        return JSONResponse({"ok": False, "trace": "\n".join(traceback.format_exception(exc))}, status_code=500)  # want: AIML248
    return {"ok": True}
