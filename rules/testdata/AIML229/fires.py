# Spec example (fires), then variants.
import requests
import tritonclient.grpc as grpcclient
import tritonclient.http as httpclient
import tritonclient.http.aio as aiohttpclient
from fastapi import FastAPI, UploadFile
from flask import Flask, request
from tritonclient.grpc import InferenceServerClient

app = FastAPI()
client = httpclient.InferenceServerClient("triton:8000")


@app.post("/ops/logging")
def set_logging(cfg: dict):
    return client.update_log_settings({"log_file": cfg["path"], "log_info": True})  # want: AIML229


@app.post("/ops/logging/raw")
def set_logging_raw(cfg: dict):
    # The whole settings dict comes from the request.
    return client.update_log_settings(cfg)  # want: AIML229


@app.post("/ops/logging/var")
def set_logging_var(path: str):
    settings = {"log_file": path, "log_verbose_level": 1}
    return client.update_log_settings(settings)  # want: AIML229


@app.post("/ops/logging/extra")
def set_logging_extra(overrides: dict):
    return client.update_log_settings({"log_info": True, **overrides})  # want: AIML229


@app.post("/models/upload")
async def upload_model(name: str, code: UploadFile):
    files = {"file:1/model.py": await code.read()}
    client.load_model(name, files=files)  # want: AIML229
    return {"loaded": name}


aio_client = aiohttpclient.InferenceServerClient("triton:8000")


@app.post("/ops/logging/async")
async def set_logging_async(path: str):
    return await aio_client.update_log_settings(settings=dict(log_file=path))  # want: AIML229


flask_app = Flask(__name__)
grpc_client = grpcclient.InferenceServerClient(url="triton:8001")


@flask_app.post("/reload")
def reload_model():
    grpc_client.load_model(  # want: AIML229
        request.json["model"],
        config=request.json["config"],
    )
    return "ok"


class Ops:
    def __init__(self):
        self.triton = InferenceServerClient("triton:8001")

    def sync_from_control_plane(self):
        remote = requests.get("https://control/logging", timeout=5).json()
        # grpc load_model(model_name, headers, config, files): config passed positionally.
        self.triton.load_model("ensemble", None, remote["config"])  # want: AIML229
        return self.triton.update_log_settings(settings={"log_file": remote["file"]})  # want: AIML229
