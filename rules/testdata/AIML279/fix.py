from aif360.metrics import BinaryLabelDatasetMetric


def parity_gate(ds):
    m = BinaryLabelDatasetMetric(ds, privileged_groups=[{"race": 1}], unprivileged_groups=[{"race": 1}])  # want: AIML279
    return abs(m.statistical_parity_difference()) < 0.1
