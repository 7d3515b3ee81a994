# Spec example (fires), then variants.
import httpx
from fastapi import FastAPI, Request

from serving import model

app = FastAPI()
SHADOW_URL = "http://shadow:8080/predict"
shadow_client = httpx.AsyncClient()


@app.post("/predict")
async def predict(request: Request):
    body = await request.json()
    await shadow_client.post(SHADOW_URL, json=body, headers=dict(request.headers), timeout=2)  # want: AIML240
    return {"y": model.predict([body["x"]]).tolist()}


# Flask global request, requests module, headers passed as-is.
import requests
from flask import Flask, jsonify
from flask import request as flask_request

web = Flask(__name__)


@web.post("/mirror")
def mirror():
    requests.post(SHADOW_URL, json=flask_request.json, headers=flask_request.headers, timeout=1)  # want: AIML240
    return jsonify(model.predict([flask_request.json["x"]]).tolist())


# .copy() through one local variable, a requests.Session, multi-line call.
session = requests.Session()


@web.post("/mirror2")
def mirror2():
    fwd = flask_request.headers.copy()
    session.post(
        SHADOW_URL,
        json=flask_request.json,
        headers=fwd,  # want: AIML240
        timeout=1,
    )
    return jsonify(ok=True)


# {**request.headers} on an httpx.Client in a with block.
@app.post("/mirror3")
def mirror3(request: Request, rows: list):
    with httpx.Client(timeout=2) as client:
        client.post(SHADOW_URL, json=rows, headers={**request.headers})  # want: AIML240
    return {"y": model.predict(rows).tolist()}


# dict(request.headers.items()) with aiohttp.
import aiohttp


@app.post("/mirror4")
async def mirror4(request: Request):
    body = await request.json()
    async with aiohttp.ClientSession() as s:
        await s.post(SHADOW_URL, json=body, headers=dict(request.headers.items()))  # want: AIML240
    return {"y": model.predict([body["x"]]).tolist()}


# Django request.META.
import django  # noqa: F401


def django_mirror(request):
    httpx.post(SHADOW_URL, content=request.body, headers=request.META, timeout=2)  # want: AIML240
    return model.predict([[1.0]])


# A copy that gets an extra header before it is sent.
@app.post("/mirror5")
async def mirror5(request: Request):
    headers = dict(request.headers)
    headers["X-Shadow"] = "1"
    await shadow_client.post(SHADOW_URL, content=await request.body(), headers=headers)  # want: AIML240
    return {"ok": True}


# The mirror's response is only inspected; the handler serves its own model.
import asyncio


@app.post("/mirror6")
async def mirror6(request: Request):
    body = await request.json()
    r = await shadow_client.post(SHADOW_URL, json=body, headers=request.headers.copy())  # want: AIML240
    if r.status_code != 200:
        log_failure(r.status_code)
    asyncio.create_task(shadow_client.post(SHADOW_URL, json=body, headers=dict(request.headers)))  # want: AIML240
    return {"y": model.predict([body["x"]]).tolist()}
