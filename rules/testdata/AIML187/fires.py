# Spec example (fires), then variants in the same module: the historical
# retrieval uses full_feature_names=True, every online call below differs.
from feast import FeatureStore

SERVICE = "driver_activity"


def training_frame(store, entities):
    return store.get_historical_features(entity_df=entities, features=SERVICE, full_feature_names=True).to_df()


def online_row(store, driver_id):
    return store.get_online_features(features=SERVICE, entity_rows=[{"driver_id": driver_id}]).to_dict()  # want: AIML187


# Typed store, explicit False, multi-line call.
STORE = FeatureStore(repo_path="feature_repo")


def online_explicit(driver_id):
    return STORE.get_online_features(  # want: AIML187
        features=SERVICE,
        entity_rows=[{"driver_id": driver_id}],
        full_feature_names=False,
    ).to_dict()


# from-import with `as`, positional full_feature_names.
from feast import FeatureStore as FS


def online_positional(rows):
    return FS(repo_path=".").get_online_features(["driver:rate"], rows, False)  # want: AIML187


# Inside a class: a typed self attribute.
import feast


class Scorer:
    def __init__(self):
        self.store = feast.feature_store.FeatureStore(repo_path=".")

    def features(self, driver_id):
        return self.store.get_online_features(features=SERVICE, entity_rows=[{"driver_id": driver_id}])  # want: AIML187


# Untyped receiver (distinctive name) in a lambda and inside a with block.
fetch = lambda s, rows: s.get_online_features(features=SERVICE, entity_rows=rows)  # want: AIML187


def serve(pool, rows):
    with pool.acquire() as s:
        return s.get_online_features(SERVICE, rows).to_df()  # want: AIML187
