import logging
import subprocess
import sys
import time

import joblib
from fastapi import FastAPI

from serving import MODEL_PATH, WARMUP_ROWS

logger = logging.getLogger(__name__)
app = FastAPI()
model = None


# The spec's silent example: the handler re-raises.
@app.on_event("startup")
def warm():
    global model
    try:
        model = joblib.load(MODEL_PATH)
        model.predict(WARMUP_ROWS)
    except Exception as exc:
        logger.warning("warm-up failed: %s", exc)
        raise


# A narrower exception is a decision about one failure mode.
@app.on_event("startup")
def warm_narrow():
    global model
    try:
        model = joblib.load(MODEL_PATH)
    except FileNotFoundError:
        logger.warning("no model file yet")


# The process exits.
@app.on_event("startup")
def warm_exit():
    global model
    try:
        model = joblib.load(MODEL_PATH)
    except Exception:
        logger.exception("cannot load")
        sys.exit(1)


# Not a startup hook.
def reload_model():
    global model
    try:
        model = joblib.load(MODEL_PATH)
    except Exception:
        logger.exception("reload failed")


# A retry loop: the code after the loop decides.
@app.on_event("startup")
def warm_retry():
    global model
    for attempt in range(5):
        try:
            model = joblib.load(MODEL_PATH)
            break
        except Exception:
            time.sleep(2**attempt)
    else:
        raise RuntimeError("model did not load")


# The try does not load or warm up a model (subprocess.run is a module function).
@app.on_event("startup")
def fetch_assets():
    try:
        subprocess.run(["aws", "s3", "sync", "s3://bucket/assets", "/srv/assets"], check=True)
    except Exception:
        logger.exception("asset sync failed")


# A shutdown hook.
@app.on_event("shutdown")
def bye():
    try:
        model.predict(WARMUP_ROWS)
    except Exception:
        pass


# The site builtin exit() stops the worker too.
@app.on_event("startup")
def warm_quit():
    global model
    try:
        model = joblib.load(MODEL_PATH)
    except Exception as e:
        logger.error("loading the model failed: %s", e)
        exit(0)


# The failure is recorded where the readiness probe reads it: not fail-open.
class Model:
    def __init__(self):
        self.ready = True
        self.model = None

    @app.on_event("startup")
    def load(self):
        try:
            self.model = joblib.load(MODEL_PATH)
        except Exception:
            logger.exception("load failed")
            self.ready = False
