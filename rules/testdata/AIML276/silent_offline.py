import dice_ml

explainer = dice_ml.Dice(dice_data, dice_model, method="kdtree")


def report(query):
    return explainer.generate_counterfactuals(query, total_CFs=3, desired_class="opposite").to_json()
