from datetime import datetime
from feast import FeatureStore


def build_and_train(labels, model):
    store = FeatureStore(repo_path=".")
    labels["event_timestamp"] = datetime.now()  # want: AIML180
    train = store.get_historical_features(entity_df=labels, features=store.get_feature_service("churn_v3")).to_df()
    model.fit(train.drop(columns=["churned"]), train["churned"])
