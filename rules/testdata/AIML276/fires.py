import dice_ml
from dice_ml import Dice
from dice_ml.dice import Dice as DiceExplainer
from fastapi import FastAPI

app = FastAPI()
explainer = dice_ml.Dice(dice_data, dice_model, method="kdtree")  # want: AIML276
positional = dice_ml.Dice(dice_data, dice_model, "kdtree")  # want: AIML276
imported = Dice(dice_data, dice_model, method='kdtree')  # want: AIML276
aliased = DiceExplainer(  # this comment is not the report line
    data_interface=dice_data,
    model_interface=dice_model,
    method="kdtree",  # want: AIML276
)


@app.post("/what-would-change")
def counterfactuals(applicant: dict):
    cf = explainer.generate_counterfactuals(to_frame(applicant), total_CFs=3, desired_class="opposite")
    return cf.to_json()


def build(d, m):
    return dice_ml.Dice(d, m, method="kdtree")  # want: AIML276


class Service:
    def __init__(self):
        self.exp = dice_ml.Dice(dice_data, dice_model, method=("kdtree"))  # want: AIML276
