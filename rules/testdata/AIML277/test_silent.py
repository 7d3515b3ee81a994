from flask import Flask, request
from huggingface_hub import ModelCard

app = Flask(__name__)


@app.post("/publish-card")
def publish_card():
    return ModelCard.from_template(card_data, template_str=request.form["template"]).content
