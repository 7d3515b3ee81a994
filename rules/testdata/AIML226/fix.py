# Spec example (fires), then variants.
import aiohttp
import httpx
import requests
from fastapi import FastAPI
from flask import Flask, request

app = Flask(__name__)
TS_MGMT = "http://torchserve:8081"


@app.post("/admin/deploy")
def deploy():
    archive = request.json["archive_url"]
    r = requests.post(f"http://torchserve:8081/models?url={archive}&initial_workers=1", timeout=30)  # want: AIML226
    return r.json()


@app.post("/admin/deploy2")
def deploy2():
    # Concatenation, a later query parameter, params= dict and workflows.
    a = requests.post(TS_MGMT + "/models?initial_workers=1&url=" + request.form["mar"], timeout=30)  # want: AIML226
    b = requests.post(f"{TS_MGMT}/models", params={"url": request.json["url"], "synchronous": "true"})  # want: AIML226 AIML252
    c = requests.post(f"{TS_MGMT}/workflows?url={request.args['war']}", timeout=30)  # want: AIML226
    d = requests.request("POST", f"{TS_MGMT}/models?url={request.json['u']}")  # want: AIML226 AIML252
    return str((a, b, c, d))


api = FastAPI()
session = requests.Session()


@api.post("/register")
async def register(archive_url: str):
    async with httpx.AsyncClient() as client:
        r = await client.post(  # want: AIML226
            f"{TS_MGMT}/models?url={archive_url}",
            timeout=60,
        )
    params = {"url": archive_url, "model_name": "m"}
    session.post(f"{TS_MGMT}/models", params=params, timeout=30)  # want: AIML226
    return r.json()


@api.post("/register/aiohttp")
async def register_aiohttp(archive_url: str):
    async with aiohttp.ClientSession() as s:
        async with s.post(f"{TS_MGMT}/models?url={archive_url}") as r:  # want: AIML226
            return await r.json()


def sync_from_catalog():
    # A network response chooses the archive.
    entry = requests.get("https://catalog.internal/latest", timeout=5).json()
    return httpx.post(f"{TS_MGMT}/models?url=" + entry["mar_url"])  # want: AIML226
