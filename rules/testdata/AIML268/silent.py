from alibi_detect.cd import KSDrift
from sklearn.linear_model import LogisticRegression


def nightly_check(x_ref, batch, logger):
    cd = KSDrift(x_ref, p_val=0.01)
    if cd.predict(batch)["data"]["is_drift"]:
        logger.error("data drift detected")


def kept(x_ref, batch, results):
    cd = KSDrift(x_ref, p_val=0.01)
    preds = cd.predict(batch)
    results.append(cd.predict(batch))
    print(cd.score(batch))
    return preds


def returned(x_ref, batch):
    cd = KSDrift(x_ref)
    return cd.predict(batch)


def generator(x_ref, batches):
    cd = KSDrift(x_ref)
    for b in batches:
        yield cd.predict(b)


def model_predict(X, y, batch):
    clf = LogisticRegression().fit(X, y)
    clf.predict(batch)


def untyped(detector, batch):
    detector.predict(batch)
