from lime.lime_tabular import LimeTabularExplainer


def make_explainer(X_train):
    return LimeTabularExplainer(X_train)
