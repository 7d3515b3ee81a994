from fastapi import FastAPI
from flask import Flask, request
from ray import serve

app = FastAPI()
web = Flask(__name__)


@app.post("/models/{method}")
def call_model(method: str, req: Rows):
    fn = getattr(model, method)  # want: AIML242
    return {"result": fn(req.rows).tolist()}


@web.route("/invoke", methods=["POST"])
def invoke():
    name = request.json["method"]
    return {"out": getattr(model, name)(request.json["rows"])}  # want: AIML242


@web.post("/invoke2")
def invoke2():
    # With a default, spread over lines.
    fn = getattr(  # want: AIML242
        model,
        request.args.get("fn", "predict"),
        None,
    )
    return fn(request.json)


@app.get("/attr")
async def attr(request: Request):
    params = request.query_params
    return {"value": str(getattr(model, params["name"]))}  # want: AIML242


@serve.deployment
class Router:
    async def __call__(self, http_request):
        body = await http_request.json()
        method = body["method"]
        result = getattr(self.model, method)(body["rows"])  # want: AIML242
        return {"result": result}


@app.post("/checked")
def checked(method: str):
    if not hasattr(model, method):
        raise HTTPException(404)
    return getattr(model, method)()  # want: AIML242
