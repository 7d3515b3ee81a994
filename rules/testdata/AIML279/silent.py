from aif360.metrics import BinaryLabelDatasetMetric, ClassificationMetric
from fairlearn.metrics import demographic_parity_difference, equalized_odds_difference

PRIVILEGED = [{"race": 1}]
UNPRIVILEGED = [{"race": 0}]


def parity_gate(ds):
    m = BinaryLabelDatasetMetric(ds, privileged_groups=[{"race": 1}], unprivileged_groups=[{"race": 0}])
    return abs(m.statistical_parity_difference()) < 0.1


def constants(ds):
    return BinaryLabelDatasetMetric(ds, privileged_groups=PRIVILEGED, unprivileged_groups=UNPRIVILEGED).disparate_impact()


def label_bias(ds):
    return BinaryLabelDatasetMetric(ds, unprivileged_groups=[{"sex": 0}], privileged_groups=[{"sex": 1}]).base_rate()


def no_groups(ds):
    return BinaryLabelDatasetMetric(ds).num_positives()


def classification(ds_test, ds_pred):
    return ClassificationMetric(ds_test, ds_pred, unprivileged_groups=UNPRIVILEGED, privileged_groups=PRIVILEGED).accuracy()


def demographic(y_test, groups):
    return demographic_parity_difference(y_test, y_test, sensitive_features=groups)


def fairlearn_gate(y_test, y_pred, groups):
    return equalized_odds_difference(y_test, y_pred, sensitive_features=groups)


def multi_valued(ds):
    return BinaryLabelDatasetMetric(ds, privileged_groups=[{"race": 1}, {"race": 2}], unprivileged_groups=[{"race": 1}]).disparate_impact()
