# Spec example (silent), then look-alikes that must not fire.
import os
from urllib.parse import urlparse

import requests
from flask import Flask, abort, request

app = Flask(__name__)
ALLOWED_MARS = {"resnet": "resnet-18.mar", "bert": "bert.mar"}
TS_MGMT = "http://torchserve:8081"
DEFAULT_MAR = "https://models.internal/resnet-18.mar"


@app.post("/admin/deploy")
def deploy():
    name = request.json["model"]
    mar = ALLOWED_MARS[name]
    r = requests.post(f"http://torchserve:8081/models?url={mar}", timeout=30)
    return r.json()


@app.post("/admin/deploy/checked")
def deploy_checked():
    # The URL's host is inspected with urlparse in the same function.
    archive = request.json["archive_url"]
    if urlparse(archive).hostname != "models.internal":
        abort(400)
    return requests.post(f"{TS_MGMT}/models?url={archive}", timeout=30).json()


@app.post("/admin/scale")
def scale():
    # /models/<name> (scale/describe), /predictions, GET/DELETE, fixed URLs.
    name = request.json["model"]
    a = requests.put(f"{TS_MGMT}/models/{name}?min_worker=2&url={request.json['u']}", timeout=30)
    b = requests.post(f"{TS_MGMT}/models/{name}?url={request.json['u']}", timeout=30)
    c = requests.post(f"http://torchserve:8080/predictions/{name}", data=request.data, timeout=30)
    d = requests.get(f"{TS_MGMT}/models?url={request.json['u']}", timeout=30)
    e = requests.delete(f"{TS_MGMT}/models/{name}", timeout=30)
    f = requests.post(f"{TS_MGMT}/models?url={DEFAULT_MAR}", timeout=30)
    g = requests.post(f"{TS_MGMT}/models?url={os.environ['MAR_URL']}", timeout=30)
    h = requests.request("GET", f"{TS_MGMT}/models?url={request.json['u']}")  # want: AIML252
    return str((a, b, c, d, e, f, g, h))


@app.post("/admin/other")
def other():
    # Another API's url= parameter, and a model_url= query key.
    a = requests.post(f"http://indexer/models?callback_url={request.json['cb']}", timeout=30)
    b = requests.post(f"http://indexer/search?url={request.json['u']}", timeout=30)
    return str((a, b))


@app.post("/admin/proxy")
def proxy():
    # /models below another path is some other application's API.
    return requests.post(f"http://backend/api/models?url={request.json['u']}", timeout=30).json()
