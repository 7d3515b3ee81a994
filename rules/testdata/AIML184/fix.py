from flask import Flask
from feast import FeatureStore

app = Flask(__name__)


@app.delete("/feature-views/<name>")
def drop_view(name):
    store = FeatureStore(repo_path="feature_repo")
    store.delete_feature_view(name)  # want: AIML184
    return "", 204
