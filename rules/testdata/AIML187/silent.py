# Spec example (silent), then look-alikes that must not fire: every
# retrieval in this module agrees, or its value is not a literal.
from feast import FeatureStore

SERVICE = "driver_activity"


def training_frame(store, entities):
    return store.get_historical_features(entity_df=entities, features=SERVICE, full_feature_names=True).to_df()


def online_row(store, driver_id):
    return store.get_online_features(features=SERVICE, entity_rows=[{"driver_id": driver_id}], full_feature_names=True).to_dict()


# Positional True agrees too.
def online_positional(store, rows):
    return store.get_online_features(["driver:rate"], rows, True)


# A non-literal value is never compared.
def online_configured(store, rows, cfg):
    return store.get_online_features(features=SERVICE, entity_rows=rows, full_feature_names=cfg.full_names)


# **kwargs may carry the setting.
def online_options(store, rows, **opts):
    return store.get_online_features(features=SERVICE, entity_rows=rows, **opts)
