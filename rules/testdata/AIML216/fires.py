import mlflow
import mlflow.sklearn
import pandas as pd
from fastapi import FastAPI
from flask import Flask, request
from mlflow.pyfunc import load_model, spark_udf
from pyspark.sql import SparkSession

app = Flask(__name__)
api = FastAPI()
spark = SparkSession.builder.getOrCreate()


@app.post("/score")
def score():
    body = request.get_json()
    model = mlflow.pyfunc.load_model(body["model_uri"])  # want: AIML216
    return {"pred": model.predict(pd.DataFrame(body["rows"])).tolist()}


@app.get("/sk")
def sk():
    run_id = request.args["run_id"]
    clf = mlflow.sklearn.load_model(f"runs:/{run_id}/model")  # want: AIML216
    return {"n": len(clf.classes_)}


@app.post("/named")
def named():
    name = request.form["name"]
    uri = "models:/" + name + "/Production"
    model = load_model(model_uri=uri)  # want: AIML216
    return {"ok": True}


@api.post("/torch")
def torch_model(location: str):
    net = mlflow.pytorch.load_model(  # want: AIML216
        location,
        map_location="cpu",
    )
    return {"params": sum(p.numel() for p in net.parameters())}


@api.post("/udf")
def udf(model_uri: str):
    predict = spark_udf(spark, model_uri, result_type="double")  # want: AIML216
    return {"udf": str(predict)}


class Scorer:
    @app.post("/lc")
    def lc(self):
        chain = mlflow.langchain.load_model(request.json["chain"])  # want: AIML216
        return {"out": chain.invoke("hi")}
