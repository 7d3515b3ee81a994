from fastapi import FastAPI
from sklearn.linear_model import SGDClassifier

app = FastAPI()
clf = SGDClassifier(loss="log_loss")


@app.post("/label")
def label(features: list, y: int):
    clf.partial_fit([features], [y], classes=[0, 1])  # want: AIML259
    return {"ok": True}
