# Guidance only: the finding carries prose, the code is unchanged.
import mlflow
from fastapi import FastAPI

app = FastAPI()


@app.post("/predict")
def predict(version: str, rows: list):
    model = mlflow.pyfunc.load_model(f"models:/fraud/{version}")  # want: AIML236
    return {"score": model.predict(rows).tolist()}
