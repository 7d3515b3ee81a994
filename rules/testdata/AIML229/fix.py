import tritonclient.http as httpclient
from fastapi import FastAPI

app = FastAPI()
client = httpclient.InferenceServerClient("triton:8000")


@app.post("/ops/logging")
def set_logging(cfg: dict):
    return client.update_log_settings({"log_file": cfg["path"], "log_info": True})  # want: AIML229


@app.post("/ops/logging/last")
def set_logging_last(cfg: dict):
    client.update_log_settings({"log_verbose_level": 1, "log_file": cfg["path"]})  # want: AIML229
    client.update_log_settings(  # want: AIML229
        {
            "log_info": True,
            "log_file": cfg["path"],
        }
    )
    return client.update_log_settings(settings=dict(log_error=True, log_file=cfg["file"]))  # want: AIML229


@app.post("/ops/logging/raw")
def set_logging_raw(cfg: dict):
    return client.update_log_settings(cfg)  # want: AIML229
