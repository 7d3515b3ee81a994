from flask import Flask, request
from huggingface_hub import DatasetCard, ModelCard, ModelCardData

app = Flask(__name__)


@app.post("/publish-card")
def publish_card():
    data = ModelCardData(license="mit", library_name="sklearn")
    card = ModelCard.from_template(data, template_str=request.form["template"], model_id=request.form["repo"])  # want: AIML277
    card.push_to_hub(request.form["repo"])
    return "ok"


@app.post("/dataset-card")
def dataset_card():
    card = DatasetCard.from_template(
        card_data,
        template_path=request.form["path"],  # want: AIML277
        pretty_name="survey",
    )
    return card.content


@app.post("/positional")
def positional():
    return ModelCard.from_template(card_data, None, request.form["template"]).content  # want: AIML277
