import logging

import joblib
import torch
from fastapi import FastAPI
from ray import serve

from serving import MODEL_PATH, WARMUP_ROWS

logger = logging.getLogger(__name__)
app = FastAPI()
model = None


@app.on_event("startup")
def warm():
    global model
    try:
        model = joblib.load(MODEL_PATH)
        model.predict(WARMUP_ROWS)
    except Exception as exc:  # want: AIML247
        logger.warning("warm-up failed: %s", exc)


@app.on_event("startup")
def warm_pass():
    global model
    try:
        model = torch.jit.load(MODEL_PATH)
    except:  # want: AIML247
        pass


@app.on_event("startup")
def warm_one_line():
    try:
        model.predict(WARMUP_ROWS)
    except Exception: pass  # want: AIML247


@serve.deployment
class Scorer:
    def __init__(self):
        try:
            self.model = joblib.load(MODEL_PATH)
        except Exception:  # want: AIML247
            logger.exception("load failed")
            return


# Guidance: a return value decides what the caller sees.
@app.on_event("startup")
def warm_status():
    try:
        model.predict(WARMUP_ROWS)
    except Exception:  # want: AIML247
        logger.exception("warm-up failed")
        return False
    return True
