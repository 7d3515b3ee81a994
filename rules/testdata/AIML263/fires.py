from sklearn.metrics import precision_score, recall_score
import sklearn.metrics as skm
from sklearn import metrics
from sklearn.metrics._classification import jaccard_score


def daily_quality(y_true, y_pred):
    return {
        "precision": precision_score(y_true, y_pred, zero_division=1),  # want: AIML263
        "recall": recall_score(y_true, y_pred),
    }


def report(y_true, y_pred):
    print(skm.classification_report(y_true, y_pred, zero_division=1.0))  # want: AIML263
    f1 = metrics.f1_score(
        y_true,
        y_pred,
        average="macro",
        zero_division=1,  # want: AIML263
    )
    return f1


class QualityGate:
    def __init__(self, threshold):
        self.threshold = threshold

    def passes(self, y_true, y_pred):
        r = recall_score(y_true, y_pred, zero_division=1.)  # want: AIML263
        return r >= self.threshold


def all_metrics(y_true, y_pred):
    p, r, f, s = skm.precision_recall_fscore_support(y_true, y_pred, zero_division=1)  # want: AIML263
    fb = metrics.fbeta_score(y_true, y_pred, beta=2, zero_division=1)  # want: AIML263
    j = jaccard_score(y_true, y_pred, zero_division=1)  # want: AIML263
    return p, r, f, s, fb, j


def scorers():
    import functools

    fbeta_06 = functools.partial(skm.fbeta_score, beta=0.6, zero_division=1)  # want: AIML263
    scorer = skm.make_scorer(precision_score, zero_division=1)  # want: AIML263
    return fbeta_06, scorer
