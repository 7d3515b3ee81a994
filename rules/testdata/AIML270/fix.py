from flask import Flask, request
import joblib

app = Flask(__name__)
model = joblib.load("spam_sgd.joblib")


@app.post("/feedback")
def feedback():
    x = vectorizer.transform([request.json["text"]])
    model.partial_fit(x, [request.json["is_spam"]])  # want: AIML270
    return {"status": "learned"}
