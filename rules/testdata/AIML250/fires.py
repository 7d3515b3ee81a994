import torch
import xgboost as xgb
from fastapi import APIRouter, FastAPI
from fastapi.responses import JSONResponse
from flask import Flask, jsonify

from serving import VERSION, booster, clf, keras_model, net

web = Flask(__name__)
app = FastAPI()
router = APIRouter()


@web.get("/model/info")
def info():
    return jsonify({"version": VERSION, "coef": clf.coef_.tolist()})  # want: AIML250


@app.get("/model/params")
def params():
    return {"version": VERSION, "params": clf.get_params()}  # want: AIML250


@app.get("/model/weights")
def weights():
    state = {k: v.tolist() for k, v in net.state_dict().items()}  # want: AIML250
    return JSONResponse(state)


@router.get("/model/importances")
async def importances():
    return dict(zip(clf.feature_names_in_, clf.feature_importances_.tolist()))  # want: AIML250


@app.get("/model/config")
def config():
    cfg = keras_model.get_config()  # want: AIML250
    return {"config": cfg}


@web.get("/model/trees")
def trees():
    return jsonify(trees=booster.get_dump(dump_format="json"))  # want: AIML250


@app.get("/model/layers")
def layers():
    return [{"name": name, "values": p.detach().tolist()} for name, p in net.named_parameters()]  # want: AIML250


class ModelAPI:
    def __init__(self):
        self.model = xgb.XGBClassifier()

    @app.get("/model/raw")
    def raw(self):
        return {"raw": bytes(self.model.get_booster().save_raw()).hex()}  # want: AIML250 AIML250


@app.get("/model/torch")
def torch_params():
    out = {"version": VERSION}
    out["intercept"] = float(clf.intercept_[0])  # want: AIML250
    out["bias"] = torch.tensor(0.0).item()
    return out
