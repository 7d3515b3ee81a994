from fastapi import FastAPI

app = FastAPI()


@app.post("/decide")
def decide(features: list[float], gender: str):
    return fair_model.predict([features], sensitive_features=[gender]).tolist()
