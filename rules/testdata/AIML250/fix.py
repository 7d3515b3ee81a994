from fastapi import FastAPI
from flask import Flask, jsonify

from serving import VERSION, clf, net

web = Flask(__name__)
app = FastAPI()


@web.get("/model/info")
def info():
    return jsonify({"version": VERSION, "coef": clf.coef_.tolist()})  # want: AIML250


@app.get("/model/params")
def params():
    return {
        "version": VERSION,
        "params": clf.get_params(),  # want: AIML250
    }


# Guidance: the whole response is the parameters.
@app.get("/model/weights")
def weights():
    return {k: v.tolist() for k, v in net.state_dict().items()}  # want: AIML250
