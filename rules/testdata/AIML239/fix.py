# Guidance only: the finding carries prose, the code is unchanged.
import joblib
from fastapi import FastAPI

app = FastAPI()
SLOTS = {"blue": "models/blue.joblib", "green": "models/green.joblib"}
MODEL = joblib.load(SLOTS["blue"])


@app.post("/admin/switch")
def switch(color: str):
    global MODEL
    MODEL = joblib.load(SLOTS[color])  # want: AIML239
    return {"active": color}
