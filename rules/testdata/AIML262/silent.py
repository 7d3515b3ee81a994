from alibi_detect.cd import MMDDrift, KSDrift, MMDDriftOnline, CVMDriftOnline
from alibi_detect.od import IForest


def build_detector(x_ref):
    return MMDDrift(x_ref, backend="pytorch", p_val=0.05)


def explicit_none(x_ref):
    return KSDrift(x_ref, p_val=0.05, update_x_ref=None)


def online(x_ref):
    a = MMDDriftOnline(x_ref, ert=500, window_size=50, backend="pytorch")
    b = CVMDriftOnline(x_ref, ert=500, window_sizes=[20, 40])
    return a, b


def outlier(x_ref):
    return IForest(threshold=0.1, update_x_ref={"last": 10})


class MyDrift:
    def __init__(self, x_ref, update_x_ref=None):
        self.x_ref = x_ref


def local_class(x_ref):
    return MyDrift(x_ref, update_x_ref={"last": 10})
