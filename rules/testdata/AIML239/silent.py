# Spec example (silent): the switch route has an AUTH MARKER.
import joblib
from fastapi import BackgroundTasks, Depends, FastAPI, Request

from auth import require_admin, verify_token

app = FastAPI()
SLOTS = {"blue": "models/blue.joblib", "green": "models/green.joblib"}
MODEL = joblib.load(SLOTS["blue"])


@app.post("/admin/switch", dependencies=[Depends(require_admin)])
def switch(color: str):
    global MODEL
    MODEL = joblib.load(SLOTS[color])
    return {"active": color}


# Auth through a Depends parameter.
@app.post("/switch2")
def switch2(color: str, user=Depends(verify_token)):
    global MODEL
    MODEL = joblib.load(SLOTS[color])
    return {"active": color}


# Startup hook and lifespan-style loading.
@app.on_event("startup")
def load_on_startup():
    global MODEL
    MODEL = joblib.load(SLOTS["blue"])


# A background task (not a route) does the swap.
def do_swap(color):
    global MODEL
    MODEL = joblib.load(SLOTS[color])


@app.post("/schedule")
def schedule(color: str, tasks: BackgroundTasks):
    tasks.add_task(do_swap, color)
    return {"scheduled": color}


# A local load in a route: not shared with other requests.
@app.post("/score")
def score(rows: list):
    model = joblib.load(SLOTS["blue"])
    return {"y": model.predict(rows).tolist()}


# A request-chosen artifact: the loader's rule owns the line (AIML192).
@app.post("/upload")
async def upload(request: Request):
    global MODEL
    MODEL = joblib.load(await request.body())  # want: AIML192
    return {"ok": True}


# Not a model load, and a non-dict module global.
import json

CONFIG = {}


@app.post("/config")
def set_config(body: dict):
    global CONFIG
    CONFIG = json.loads(json.dumps(body))
    return {"ok": True}


# CLI code.
if __name__ == "__main__":
    MODEL = joblib.load("models/green.joblib")


# The request picks the registered version (AIML236) or the whole URI (AIML216).
import mlflow


@app.post("/promote/{version}")
def promote(version: str, uri: str):
    global MODEL
    MODEL = mlflow.pyfunc.load_model(f"models:/fraud/{version}")  # want: AIML236
    MODEL = mlflow.pyfunc.load_model(uri)  # want: AIML216
    return {"ok": True}
