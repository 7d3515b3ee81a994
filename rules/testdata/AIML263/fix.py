from sklearn.metrics import precision_score, recall_score
from sklearn import metrics


def daily_quality(y_true, y_pred):
    return {
        "precision": precision_score(y_true, y_pred, zero_division=1),  # want: AIML263
        "recall": recall_score(y_true, y_pred),
    }


def macro(y_true, y_pred):
    return metrics.f1_score(
        y_true,
        y_pred,
        average="macro",
        zero_division=1.0,  # keep the warning quiet  # want: AIML263
    )
