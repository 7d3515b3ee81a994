import torch.distributed.rpc as rpc
import pipeline_stages
from flask import Flask, request

app = Flask(__name__)


@app.post("/run_stage")
def run_stage():
    body = request.get_json()
    fn = getattr(pipeline_stages, body["stage"])
    fut = rpc.rpc_async(body["worker"], fn, args=(body["batch_id"],))  # want: AIML201
    return {"result": fut.wait()}
