# No `import os` yet: the fix adds it.
import onnxruntime as ort
from flask import Flask, request

app = Flask(__name__)


@app.get("/run")
def run():
    return str(ort.InferenceSession(f"models/{request.args['name']}"))  # want: AIML228
