import logging
import os
import traceback

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from flask import Flask, jsonify

from serving import PROBE, model

app = FastAPI()
web = Flask(__name__)
logger = logging.getLogger(__name__)


# The spec's silent example: no trace in the body.
@app.get("/healthz")
def healthz():
    try:
        model.predict(PROBE)
        return {"ok": True}
    except Exception:
        return JSONResponse({"ok": False}, status_code=503)


# Single, non-secret env keys are fine.
@app.get("/health")
def health():
    return {"ok": True, "version": os.environ.get("MODEL_VERSION"), "region": os.environ["REGION"]}


# The trace is logged, not returned.
@web.route("/ready")
def ready():
    try:
        model.predict(PROBE)
    except Exception:
        logger.error("probe failed: %s", traceback.format_exc())
        return jsonify(ok=False), 503
    return jsonify(ok=True)


# Counts and tests of the environment reveal nothing.
@app.get("/status")
def status():
    return {"ok": True, "n_env": len(os.environ), "debug": "DEBUG" in os.environ}


# Not a health route: another rule's business, not this one's.
@app.get("/debug/env")
def debug_env():
    return dict(os.environ)


# A parameterised sub-path is not the probe itself.
@app.get("/health/{component}")
def component_health(component: str):
    return {"component": component, "trace": traceback.format_exc()}


# A nested helper's return is not the route's response.
@app.get("/livez")
def livez():
    def dump():
        return dict(os.environ)

    logger.debug("env: %s", dump())
    return {"ok": True}


# A generic error string.
@app.get("/ping")
def ping():
    try:
        model.predict(PROBE)
    except Exception:
        return JSONResponse({"ok": False, "error": "model unavailable"}, status_code=503)
    return {"ok": True}


# Not a route: a health function called by a CLI.
def health_report():
    return {"env": dict(os.environ), "trace": traceback.format_exc()}
