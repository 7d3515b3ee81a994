import dice_ml
from fastapi import FastAPI

app = FastAPI()
explainer = dice_ml.Dice(dice_data, dice_model, method="kdtree")


@app.post("/cf")
def cf(applicant: dict):
    return explainer.generate_counterfactuals(applicant, total_CFs=1).to_json()
