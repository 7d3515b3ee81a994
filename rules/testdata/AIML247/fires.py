import logging
from contextlib import asynccontextmanager

import bentoml
import joblib
import kserve
import onnxruntime as ort
import torch
from fastapi import FastAPI
from flask import Flask
from ray import serve
from transformers import AutoModelForCausalLM, AutoTokenizer
from ts.torch_handler.base_handler import BaseHandler

from serving import MODEL_PATH, WARMUP_ROWS

logger = logging.getLogger(__name__)
model = None


@asynccontextmanager
async def lifespan(app):
    try:
        app.state.session = ort.InferenceSession(MODEL_PATH)
    except BaseException:  # want: AIML247
        logger.exception("no model")
    yield


app = FastAPI(lifespan=lifespan)
web = Flask(__name__)


@app.on_event("startup")
def warm():
    global model
    try:
        model = joblib.load(MODEL_PATH)
        model.predict(WARMUP_ROWS)
    except Exception as exc:  # want: AIML247
        logger.warning("warm-up failed: %s", exc)


@web.before_first_request
def load_flask_model():
    global model
    try:
        model = torch.jit.load(MODEL_PATH)
    except:  # want: AIML247
        pass


@serve.deployment
class Generator:
    def __init__(self):
        self.tok = AutoTokenizer.from_pretrained("org/model")
        try:
            self.model = AutoModelForCausalLM.from_pretrained("org/model")
            self.model.generate(**self.tok("warm up", return_tensors="pt"), max_new_tokens=1)
        except (RuntimeError, Exception) as err:  # want: AIML247
            logger.error("falling back: %s", err)
            self.model = None


@bentoml.service
class Scorer:
    def __init__(self):
        try:
            self.model = joblib.load(MODEL_PATH)
        except Exception:  # want: AIML247
            self.model = None
            return


class Custom(kserve.Model):
    def load(self):
        try:
            self.model = torch.load(MODEL_PATH, weights_only=True)
        except Exception:  # want: AIML247
            logger.exception("load failed")
        self.ready = True


class Handler(BaseHandler):
    def initialize(self, context):
        super().initialize(context)
        try:
            self.model.infer(WARMUP_ROWS)
        except Exception:  # want: AIML247
            if self.model is None:
                logger.error("no model")
            else:
                logger.error("warm-up failed")
