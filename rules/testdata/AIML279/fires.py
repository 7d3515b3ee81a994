import aif360.metrics as am
from aif360.metrics import BinaryLabelDatasetMetric, ClassificationMetric
from fairlearn.metrics import equal_opportunity_ratio, equalized_odds_difference
import fairlearn.metrics


def parity_gate(ds):
    m = BinaryLabelDatasetMetric(ds, privileged_groups=[{"race": 1}], unprivileged_groups=[{"race": 1}])  # want: AIML279
    return abs(m.statistical_parity_difference()) < 0.1


def reordered(ds):
    m = am.DatasetMetric(  # want: AIML279
        ds,
        unprivileged_groups=[{"sex": 0, "age": 1}],
        privileged_groups=[{'age': 1, 'sex': 0}],
    )
    return m.num_instances()


def shared_name(ds, preds, groups):
    return ClassificationMetric(ds, preds, unprivileged_groups=groups, privileged_groups=groups).disparate_impact()  # want: AIML279


def self_compare(ds_test, priv, unpriv):
    cm = ClassificationMetric(ds_test, ds_test, unprivileged_groups=unpriv, privileged_groups=priv)  # want: AIML279
    return cm.equal_opportunity_difference()


def positional(ds):
    return BinaryLabelDatasetMetric(ds, [{"race": 0}], [{"race": 0}]).disparate_impact()  # want: AIML279


def fairlearn_gate(y_test, groups):
    gap = equalized_odds_difference(y_test, y_test, sensitive_features=groups)  # want: AIML279
    ratio = equal_opportunity_ratio(y_true=y_test, y_pred=y_test, sensitive_features=groups)  # want: AIML279
    return gap < 0.1 and ratio > 0.8


class Audit:
    def check(self, df):
        return fairlearn.metrics.equalized_odds_ratio(df["label"], df["label"], sensitive_features=df["sex"])  # want: AIML279
