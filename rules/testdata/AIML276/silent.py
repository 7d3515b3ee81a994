import dice_ml
from fastapi import FastAPI

app = FastAPI()
explainer = dice_ml.Dice(dice_data, dice_model, method="random")
genetic = dice_ml.Dice(dice_data, dice_model, method="genetic")
gradient = dice_ml.Dice(dice_data, dice_model, "gradient")
default = dice_ml.Dice(dice_data, dice_model)
configured = dice_ml.Dice(dice_data, dice_model, method=settings.dice_method)
other = build_explainer(dice_data, dice_model, method="kdtree")


@app.post("/what-would-change")
def counterfactuals(applicant: dict):
    cf = explainer.generate_counterfactuals(to_frame(applicant), total_CFs=3, desired_class="opposite")
    return cf.to_json()
