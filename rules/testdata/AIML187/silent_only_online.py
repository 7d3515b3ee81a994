# Only online retrievals in this module: nothing to compare with.
from feast import FeatureStore

store = FeatureStore(repo_path=".")


def online_row(driver_id):
    return store.get_online_features(features=["driver:rate"], entity_rows=[{"driver_id": driver_id}]).to_dict()


def online_full(driver_id):
    return store.get_online_features(features=["driver:rate"], entity_rows=[{"driver_id": driver_id}], full_feature_names=True)
