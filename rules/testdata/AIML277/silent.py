import sys

from flask import Flask, request
from huggingface_hub import ModelCard, ModelCardData

app = Flask(__name__)
TEMPLATES = {"default": "templates/card.md", "short": "templates/short.md"}


@app.post("/publish-card")
def publish_card():
    data = ModelCardData(license="mit", library_name="sklearn")
    card = ModelCard.from_template(data, template_path="templates/card.md", model_description=request.form["description"])
    return card.content


@app.post("/default")
def default_template():
    return ModelCard.from_template(card_data, model_id=request.form["repo"], developers=request.form["team"]).content


@app.post("/selected")
def selected_template():
    return ModelCard.from_template(card_data, template_path=TEMPLATES[request.form["kind"]]).content


@app.post("/ignored")
def ignored_template_str():
    return ModelCard.from_template(card_data, template_path="templates/card.md", template_str=request.form["t"]).content


@app.post("/flag")
def flag():
    return ModelCard.from_template(card_data, template_str=str(bool(request.form["t"]))).content


def offline():
    with open(sys.argv[1]) as fh:
        return ModelCard.from_template(card_data, template_str=fh.read())


def from_content():
    return ModelCard(request.form["content"])
