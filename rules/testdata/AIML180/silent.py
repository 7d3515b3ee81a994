# Spec example (silent), then look-alikes that must not fire.
from datetime import datetime, timedelta

import pandas as pd
from feast import FeatureStore


def build_and_train(labels, model):
    store = FeatureStore(repo_path=".")
    labels["event_timestamp"] = labels["observed_at"]
    train = store.get_historical_features(entity_df=labels, features=store.get_feature_service("churn_v3")).to_df()
    model.fit(train.drop(columns=["churned"]), train["churned"])


# Batch scoring with "now": no fit in the SCOPE (Feast's documented pattern).
def score_now(entities, model):
    store = FeatureStore(repo_path=".")
    entities["event_timestamp"] = datetime.now()
    df = store.get_historical_features(entity_df=entities, features=store.get_feature_service("s")).to_df()
    return model.predict(df)


# The stamped frame is not the one passed as entity_df.
def other_frame(labels, audit, model):
    store = FeatureStore(repo_path=".")
    audit["event_timestamp"] = datetime.now()
    df = store.get_historical_features(entity_df=labels, features=store.get_feature_service("s")).to_df()
    model.fit(df, df.pop("y"))


# The frame is rebound after stamping.
def rebound(labels, model):
    store = FeatureStore(repo_path=".")
    labels["event_timestamp"] = datetime.now()
    labels = load_labels()
    df = store.get_historical_features(entity_df=labels, features=store.get_feature_service("s")).to_df()
    model.fit(df, df.pop("y"))


# Not a timestamp key/keyword, not NOW, or not the whole value.
def not_now(labels, model):
    store = FeatureStore(repo_path=".")
    labels["created"] = datetime.now()
    labels["event_timestamp"] = datetime.now() - timedelta(days=1)
    labels["event_timestamp"] = pd.to_datetime(labels["label_time"])
    entity_df = labels.assign(created_at=datetime.now())
    df = store.get_historical_features(entity_df=entity_df, features=store.get_feature_service("s")).to_df()
    model.fit(df, df.pop("y"))


# Stamped after the retrieval; fit in a nested function only.
def late_stamp(labels, model):
    store = FeatureStore(repo_path=".")
    df = store.get_historical_features(entity_df=labels, features=store.get_feature_service("s")).to_df()
    labels["event_timestamp"] = datetime.now()

    def train():
        model.fit(df, df.pop("y"))

    return train
