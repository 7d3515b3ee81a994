from aif360.metrics import BinaryLabelDatasetMetric


def parity_gate(ds):
    return BinaryLabelDatasetMetric(ds, privileged_groups=[{"race": 1}], unprivileged_groups=[{"race": 1}]).disparate_impact()
