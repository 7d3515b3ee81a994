# Spec example (silent), then look-alikes that must not fire.
import numpy as np
from alibi_detect.cd import KSDrift

REFERENCE = np.load("artifacts/reference.npy")


def check_batch(batch):
    detector = KSDrift(REFERENCE, p_val=0.05)
    return bool(detector.predict(batch)["data"]["is_drift"])


# Different expressions (a split of one frame).
def check_split(df, n):
    cd = KSDrift(df.iloc[:n])
    return cd.predict(df.iloc[n:])["data"]["is_drift"]


# The root name is reassigned between construction and predict.
def check_stream(stream):
    batch = next(stream)
    cd = KSDrift(batch)
    batch = next(stream)
    return cd.predict(batch)["data"]["is_drift"]


# Expressions with calls are not compared.
def check_calls(loader):
    cd = KSDrift(loader.load())
    return cd.predict(loader.load())["data"]["is_drift"]


# Construction and predict in different SCOPEs.
class Monitor:
    def __init__(self, ref):
        self.ref = ref
        self.cd = KSDrift(self.ref)

    def check(self):
        return self.cd.predict(self.ref)["data"]["is_drift"]


# evidently Report without a drift metric (quality on one dataset).
from evidently.report import Report
from evidently.metric_preset import DataQualityPreset, DataDriftPreset


def quality(df):
    report = Report(metrics=[DataQualityPreset()])
    report.run(reference_data=df, current_data=df)
    return report.as_dict()


# Drift report with a non-literal metric list, and with different frames.
def drift_checks(df, ref, metric_list):
    r1 = Report(metrics=metric_list)
    r1.run(reference_data=df, current_data=df)
    r2 = Report(metrics=[DataDriftPreset()])
    r2.run(reference_data=ref, current_data=df)
    return r1, r2


# predict on a model (not a drift detector) with its training data.
from sklearn.linear_model import LogisticRegression


def train_and_score(X, y):
    clf = LogisticRegression().fit(X, y)
    return clf.predict(X)
