# Spec example (silent): headers built from specific keys.
import httpx
from fastapi import FastAPI, Request

from serving import model

app = FastAPI()
SHADOW_URL = "http://shadow:8080/predict"
shadow_client = httpx.AsyncClient()
STRIP = ("authorization", "cookie")


@app.post("/predict")
async def predict(request: Request):
    body = await request.json()
    await shadow_client.post(SHADOW_URL, json=body, headers={"X-Request-ID": request.headers.get("X-Request-ID", "")}, timeout=2)
    return {"y": model.predict([body["x"]]).tolist()}


# A filtered comprehension over request.headers.items().
@app.post("/filtered")
async def filtered(request: Request):
    body = await request.json()
    safe = {k: v for k, v in request.headers.items() if k.lower() not in STRIP}
    await shadow_client.post(SHADOW_URL, json=body, headers=safe)
    return {"ok": True}


# Outside a request handler: a batch job forwarding a stored header map.
def replay(stored_headers, payload):
    return httpx.post(SHADOW_URL, json=payload, headers=stored_headers)


# Service credentials from config, not the client's.
import os


@app.post("/upstream")
async def upstream(request: Request):
    token = os.environ["SHADOW_TOKEN"]
    await shadow_client.post(SHADOW_URL, json=await request.json(), headers={"Authorization": f"Bearer {token}"})
    return {"ok": True}


# Headers passed to something that is not an outbound HTTP call.
from fastapi.responses import JSONResponse


@app.post("/echo")
async def echo(request: Request):
    return JSONResponse({"y": 1}, headers=dict(request.headers))


# Only one extra header merged after a splat is not the whole-copy form.
@app.post("/merged")
async def merged(request: Request):
    await shadow_client.post(SHADOW_URL, json=await request.json(), headers={"X-Id": request.headers.get("X-Id", "")})
    return {"ok": True}


# An API gateway: the upstream response is what the handler returns.
SERVICE_URLS = {"users": "http://users:8000"}


@app.api_route("/{service}/{path:path}", methods=["GET", "POST"])
async def gateway(service: str, path: str, request: Request):
    async with httpx.AsyncClient() as client:
        response = await client.request(
            method=request.method,
            url=f"{SERVICE_URLS[service]}/{path}",
            headers=dict(request.headers),
            content=await request.body(),
        )
        return JSONResponse(response.json(), status_code=response.status_code)


@app.post("/stream-proxy")
async def stream_proxy(request: Request):
    async with shadow_client.stream("POST", SHADOW_URL, headers=request.headers) as upstream:
        return JSONResponse(await upstream.aread())


@app.post("/direct-proxy")
def direct_proxy(request: Request):
    return httpx.post(SHADOW_URL, headers=dict(request.headers)).json()
