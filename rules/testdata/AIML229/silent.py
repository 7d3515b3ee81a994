# Spec example (silent), then look-alikes that must not fire.
import os

import tritonclient.http as httpclient
from fastapi import FastAPI

app = FastAPI()
client = httpclient.InferenceServerClient("triton:8000")


@app.post("/ops/logging")
def set_logging(cfg: dict):
    return client.update_log_settings({"log_info": bool(cfg.get("info", True))})


@app.post("/ops/logging/fixed")
def set_logging_fixed(cfg: dict):
    # log_file absent or a literal; other settings from literals.
    client.update_log_settings({"log_file": "/var/log/triton/server.log", "log_info": True})
    client.update_log_settings({"log_verbose_level": 1})
    return client.update_log_settings({"log_file": os.environ["TRITON_LOG_FILE"]})


@app.post("/models/{name}/load")
def load(name: str):
    # Only a name: repository-managed models, not this rule.
    return client.load_model(name)


@app.post("/models/reviewed")
def load_reviewed(name: str):
    with open("reviewed/config.json") as fh:
        cfg = fh.read()
    return client.load_model("reviewed", config=cfg)


class FakeClient:
    def update_log_settings(self, settings):
        return settings


fake = FakeClient()


@app.post("/ops/fake")
def fake_logging(cfg: dict):
    # Not a tritonclient receiver.
    return fake.update_log_settings({"log_file": cfg["path"]})
