from alibi_detect.cd import KSDrift


def check_batch(batch):
    detector = KSDrift(batch, p_val=0.05)
    preds = detector.predict(batch)  # want: AIML178
    return bool(preds["data"]["is_drift"])
