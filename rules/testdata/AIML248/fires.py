import os
import traceback
from os import environ

from fastapi import APIRouter, FastAPI, HTTPException
from fastapi.responses import JSONResponse, ORJSONResponse
from flask import Flask, jsonify

from serving import PROBE, model

app = FastAPI()
router = APIRouter()
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


@router.get("/api/v1/ready/")
async def ready():
    return {"ready": model is not None, "env": os.environ.copy()}  # want: AIML248


@app.get("/status")
def status():
    return {**os.environ}  # want: AIML248


@app.get("/livez")
def livez():
    try:
        model.predict(PROBE)
    except Exception as exc:
        return ORJSONResponse(
            {
                "ok": False,
                "trace": "".join(traceback.format_exception(exc)),  # want: AIML248
            },
            status_code=500,
        )
    return ORJSONResponse({"ok": True})


@web.get("/ping")
def ping():
    info = {"ok": True}
    try:
        model.predict(PROBE)
    except Exception as exc:
        info["ok"] = False
        info["tb"] = traceback.format_tb(exc.__traceback__)  # want: AIML248
    return jsonify(info)


@app.get("/readiness")
def readiness():
    return {"ok": True, "environment": environ}  # want: AIML248


class Probes:
    @router.get("/liveness")
    def liveness(self):
        return {"alive": True, **os.environ}  # want: AIML248


@app.get("/health-check")
def health_check():
    try:
        model.predict(PROBE)
    except Exception:
        raise HTTPException(status_code=503, detail=traceback.format_exc())  # want: AIML248
    return {"ok": True}
