import shap
from huggingface_hub import hf_hub_download


def load_explainer(repo_id):
    path = hf_hub_download(repo_id, "explainer.shap")
    with open(path, "rb") as fh:
        return shap.Explainer.load(fh)
