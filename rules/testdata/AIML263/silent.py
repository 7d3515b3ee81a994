import numpy as np
import torchmetrics
from sklearn.metrics import precision_score, recall_score, f1_score


def daily_quality(y_true, y_pred):
    return {"precision": precision_score(y_true, y_pred, zero_division=0)}


def variants(y_true, y_pred, zd):
    a = precision_score(y_true, y_pred, zero_division=0.0)
    b = recall_score(y_true, y_pred, zero_division="warn")
    c = f1_score(y_true, y_pred, zero_division=np.nan)
    d = f1_score(y_true, y_pred, zero_division=float("nan"))
    e = f1_score(y_true, y_pred)
    f = f1_score(y_true, y_pred, zero_division=zd)
    return a, b, c, d, e, f


def other_libraries(preds, target):
    m = torchmetrics.Precision(task="binary", zero_division=1)
    return m(preds, target)


def precision_score_local(y_true, y_pred, zero_division=1):
    return 1.0


def custom(y_true, y_pred):
    return precision_score_local(y_true, y_pred, zero_division=1)


def scorers():
    import functools

    a = functools.partial(f1_score, zero_division=0)
    b = functools.partial(precision_score_local, zero_division=1)
    return a, b
