import lime.lime_image
from lime import lime_tabular
from lime.lime_tabular import LimeTabularExplainer, RecurrentTabularExplainer
from lime.lime_text import LimeTextExplainer as TextExplainer


def make_explainer(X_train, feature_names):
    return LimeTabularExplainer(  # want: AIML272
        X_train,
        feature_names=feature_names,
        class_names=["approve", "deny"],
        mode="classification",
    )


def make_module_explainer(X_train):
    return lime_tabular.LimeTabularExplainer(X_train, mode="regression", random_state=None)  # want: AIML272


TEXT = TextExplainer(class_names=["ham", "spam"])  # want: AIML272
IMAGE = lime.lime_image.LimeImageExplainer()  # want: AIML272


class Service:
    def __init__(self, X_seq):
        self.explainer = RecurrentTabularExplainer(X_seq, training_labels=None, feature_names=["a", "b"])  # want: AIML272

    def text(self):
        return TextExplainer(  # want: AIML272
            class_names=["neg", "pos"], bow=False
        )
