# Spec example (fires), then variants.
from datetime import datetime
from feast import FeatureStore


def build_and_train(labels, model):
    store = FeatureStore(repo_path=".")
    labels["event_timestamp"] = datetime.now()  # want: AIML180
    train = store.get_historical_features(entity_df=labels, features=store.get_feature_service("churn_v3")).to_df()
    model.fit(train.drop(columns=["churned"]), train["churned"])


# pandas spellings: Timestamp.utcnow, to_datetime("now"); module alias.
import pandas as pd


def train_pd(labels, model):
    store = FeatureStore(repo_path=".")
    labels["event_timestamp"] = pd.Timestamp.utcnow()  # want: AIML180
    df = store.get_historical_features(labels, store.get_feature_service("fraud_v1")).to_df()
    model.fit(df.drop(columns=["y"]), df["y"])


def train_to_datetime(entities, model):
    store = FeatureStore(repo_path=".")
    entities["request_timestamp"] = pd.to_datetime("now")  # want: AIML180
    df = store.get_historical_features(entity_df=entities, features=store.get_feature_service("fraud_v1")).to_df()
    model.fit(df, df.pop("y"))


# (b) assign(...) with a timestamp keyword; `import datetime` spelling, multi-line.
import datetime as dt


def train_assign(labels, model):
    store = FeatureStore(repo_path=".")
    entity_df = labels.assign(
        event_timestamp=dt.datetime.utcnow(),  # want: AIML180
    )
    df = store.get_historical_features(entity_df=entity_df, features=store.get_feature_service("eta_v2")).to_df()
    model.fit(df.drop(columns=["eta"]), df["eta"])


# Inside a method; typed self store; today().
class Trainer:
    def __init__(self):
        self.store = FeatureStore(repo_path=".")

    def run(self, labels):
        labels["event_timestamp"] = datetime.today()  # want: AIML180
        frame = self.store.get_historical_features(entity_df=labels, features=self.store.get_feature_service("s")).to_df()
        self.model.fit(frame.drop(columns=["y"]), frame["y"])


# Timestamp.now with a tz argument; fit before the retrieval.
def retrain(store: FeatureStore, labels, model, old):
    model.fit(old.drop(columns=["y"]), old["y"])
    labels["event_timestamp"] = pd.Timestamp.now(tz="UTC")  # want: AIML180
    df = store.get_historical_features(entity_df=labels, features=store.get_feature_service("s")).to_df()
    return df
