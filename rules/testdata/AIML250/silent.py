import sklearn
import xgboost
import xgboost as xgb
from fastapi import FastAPI
from flask import Flask, jsonify

from serving import VERSION, clf, forest, net

web = Flask(__name__)
app = FastAPI()


# The spec's silent example: model type and version.
@web.get("/model/info")
def info():
    return jsonify({"version": VERSION, "type": type(clf).__name__})


# Predictions and labels.
@app.post("/predict")
def predict(rows: list):
    return {"y": clf.predict(rows).tolist(), "classes": [str(c) for c in clf.classes_]}


# Library settings, not model parameters.
@app.get("/settings")
def settings():
    return {"xgb": xgboost.get_config(), "xgb2": xgb.config.get_config(), "sk": sklearn.get_config()}


# Counts and shapes only.
@app.get("/model/summary")
def summary():
    return {
        "n_trees": len(forest.estimators_),
        "n_coef": clf.coef_.shape[1],
        "depth": forest.estimators_[0].tree_.max_depth,
        "n_params": sum(p.numel() for _, p in net.named_parameters()),
        "layers": list(net.state_dict().keys()),
    }


# Outside request handlers: a training/export script.
def export():
    return {"coef": clf.coef_.tolist(), "state": net.state_dict()}


# Parameters used inside the handler but not returned.
@app.get("/model/check")
def check():
    ok = bool(clf.coef_.any())
    net.load_state_dict(net.state_dict())
    return {"ok": ok}


# One named setting, not the full configuration.
@app.get("/model/name")
def model_name():
    return {"name": net.get_config()["name"], "trees": forest.get_params().get("n_estimators")}
