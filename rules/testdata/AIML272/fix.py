from lime import lime_tabular
from lime.lime_image import LimeImageExplainer
from lime.lime_tabular import LimeTabularExplainer
from lime.lime_text import LimeTextExplainer


def make_explainer(X_train, feature_names):
    return LimeTabularExplainer(  # want: AIML272
        X_train,
        feature_names=feature_names,
        class_names=["approve", "deny"],
        mode="classification",
    )


def make_module_explainer(X_train):
    return lime_tabular.LimeTabularExplainer(X_train, mode="regression", random_state=None)  # want: AIML272


TEXT = LimeTextExplainer(class_names=["ham", "spam"])  # want: AIML272
IMAGE = LimeImageExplainer()  # want: AIML272
POSITIONAL = LimeImageExplainer(0.25, None, False, "auto", None)  # want: AIML272
