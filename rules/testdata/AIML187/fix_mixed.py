# Historical calls disagree with each other: guidance only.
from feast import FeatureStore


def training(store, a, b):
    x = store.get_historical_features(entity_df=a, features=["f:x"], full_feature_names=True)
    y = store.get_historical_features(entity_df=b, features=["f:x"])
    return x, y


def online_row(store, rows):
    return store.get_online_features(features=["f:x"], entity_rows=rows)  # want: AIML187
