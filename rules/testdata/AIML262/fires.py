from alibi_detect.cd import MMDDrift, KSDrift
from alibi_detect.cd import ClassifierDrift as CD
import alibi_detect.cd as cdm
from alibi_detect.cd.pytorch.mmd import MMDDriftTorch
from alibi_detect.cd.tabular import TabularDrift


def build_detector(x_ref):
    return MMDDrift(
        x_ref,
        backend="pytorch",
        p_val=0.05,
        update_x_ref={"reservoir_sampling": 1000},  # want: AIML262
    )


def univariate(x_ref, n):
    return KSDrift(x_ref, p_val=0.01, update_x_ref={"last": n})  # want: AIML262


def classifier(x_ref, model):
    policy = {"last": 500}
    return CD(x_ref, model, backend="tensorflow", update_x_ref=policy)  # want: AIML262


class Monitor:
    def __init__(self, x_ref):
        self.cd = cdm.ChiSquareDrift(x_ref, update_x_ref={"reservoir_sampling": 200})  # want: AIML262
        self.torch_cd = MMDDriftTorch(x_ref, update_x_ref={"last": 1000})  # want: AIML262


def tabular(x_ref, cfg):
    return TabularDrift(
        x_ref,
        p_val=0.05,
        update_x_ref=cfg["update"],  # want: AIML262
        categories_per_feature={0: None},
    )
