from feast import FeatureStore

SERVICE = "driver_activity"


def training_frame(store, entities):
    return store.get_historical_features(entity_df=entities, features=SERVICE, full_feature_names=True).to_df()


def online_row(store, driver_id):
    return store.get_online_features(features=SERVICE, entity_rows=[{"driver_id": driver_id}]).to_dict()  # want: AIML187


def online_explicit(store, driver_id):
    return store.get_online_features(  # want: AIML187
        features=SERVICE,
        entity_rows=[{"driver_id": driver_id}],
        full_feature_names=False,
    ).to_dict()


def online_positional(store, rows):
    return store.get_online_features(["driver:rate"], rows, False)  # want: AIML187


def online_multiline(store, rows):
    return store.get_online_features(  # want: AIML187
        features=SERVICE,
        entity_rows=rows,  # one row per driver
    )
