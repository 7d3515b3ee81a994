import requests
from fastapi import FastAPI
from flask import Flask, request
from huggingface_hub import DatasetCard, ModelCard, ModelCardData, RepoCard
from huggingface_hub import repocard

app = Flask(__name__)
api = FastAPI()


@app.post("/publish-card")
def publish_card():
    data = ModelCardData(license="mit", library_name="sklearn")
    card = ModelCard.from_template(data, template_str=request.form["template"], model_id=request.form["repo"])  # want: AIML277
    card.push_to_hub(request.form["repo"])
    return "ok"


@app.post("/dataset-card")
def dataset_card():
    tpl = request.get_json()["template"]
    card = DatasetCard.from_template(
        card_data,
        template_str=tpl,  # want: AIML277
        pretty_name="survey",
    )
    return card.content


@api.post("/card/path")
def card_from_path(template: str):
    return ModelCard.from_template(card_data, template_path=template).content  # want: AIML277


@api.post("/card/positional")
def card_positional(body: dict):
    return RepoCard.from_template(card_data, None, body["template"]).content  # want: AIML277


def card_from_remote(url):
    tpl = requests.get(url, timeout=10).text
    return repocard.ModelCard.from_template(card_data, template_str=tpl)  # want: AIML277


class Publisher:
    @app.post("/space-card")
    def space_card(self):
        return repocard.SpaceCard.from_template(  # comment
            card_data, template_str=f"{request.json['header']}\n{{{{ card_data }}}}"  # want: AIML277
        ).content
