import numpy
from lime.lime_image import LimeImageExplainer
from lime.lime_tabular import LimeTabularExplainer
from lime.lime_text import LimeTextExplainer

SEED = 7


def make_explainer(X_train, feature_names):
    return LimeTabularExplainer(X_train, feature_names=feature_names, random_state=7)


def make_seeded(X_train, cfg):
    return LimeTabularExplainer(X_train, random_state=cfg.seed)


def make_from_config(X_train, **options):
    return LimeTabularExplainer(X_train, **options)


def make_text():
    return LimeTextExplainer(class_names=["ham", "spam"], random_state=SEED)


def make_image(rng):
    return LimeImageExplainer(0.25, None, False, "auto", rng)


class LimeTabularExplainerLike:
    pass


def lookalike():
    return LimeTabularExplainerLike()
