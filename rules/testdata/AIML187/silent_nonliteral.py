# The historical value is not a literal: nothing is compared.
from feast import FeatureStore

store = FeatureStore(repo_path=".")
FULL = True


def training_frame(entities):
    return store.get_historical_features(entity_df=entities, features=["driver:rate"], full_feature_names=FULL).to_df()


def online_row(driver_id):
    return store.get_online_features(features=["driver:rate"], entity_rows=[{"driver_id": driver_id}]).to_dict()


# Not a feast module-level store: DataFrame-like apply never matters here.
def other(df):
    return df.apply(len)
