import numpy as np
from lime.lime_tabular import LimeTabularExplainer

np.random.seed(0)


def make_explainer(X_train, feature_names):
    return LimeTabularExplainer(X_train, feature_names=feature_names)
