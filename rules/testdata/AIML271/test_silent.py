import pandas as pd
import shap
from flask import Flask, request

app = Flask(__name__)


@app.post("/explain")
def explain():
    background = pd.DataFrame(request.json["background"])
    explainer = shap.KernelExplainer(model.predict_proba, background)
    return explainer.shap_values(pd.DataFrame([request.json["row"]])).tolist()
