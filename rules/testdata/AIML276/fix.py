import dice_ml
from fastapi import FastAPI

app = FastAPI()
explainer = dice_ml.Dice(dice_data, dice_model, method="kdtree")  # want: AIML276
positional = dice_ml.Dice(dice_data, dice_model, 'kdtree')  # want: AIML276


@app.post("/what-would-change")
def counterfactuals(applicant: dict):
    cf = explainer.generate_counterfactuals(to_frame(applicant), total_CFs=3, desired_class="opposite")
    return cf.to_json()
