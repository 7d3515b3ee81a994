# Spec example (silent), then look-alikes that must not fire.
import feast
from feast import FeatureService, FeatureStore


def train(store, entity_df, model):
    service = store.get_feature_service("driver_ranker_v2")
    df = store.get_historical_features(entity_df=entity_df, features=service).to_df()
    model.fit(df[["conv_rate", "acc_rate"]], df["label"])


# A FeatureService object, inline.
def train_service(store: FeatureStore, entity_df, model, driver_stats_fv):
    svc = FeatureService(name="ranker_v3", features=[driver_stats_fv])
    df = store.get_historical_features(entity_df=entity_df, features=svc).to_df()
    df2 = store.get_historical_features(entity_df=entity_df, features=store.get_feature_service("x")).to_df()
    model.fit(df, df2)


# No fit in the SCOPE: exploration and batch scoring.
def explore(store: FeatureStore, entity_df):
    return store.get_historical_features(entity_df=entity_df, features=["driver_stats:conv_rate"]).to_df()


def score(store: FeatureStore, entity_df, model):
    df = store.get_historical_features(entity_df=entity_df, features=["driver_stats:conv_rate"]).to_df()
    return model.predict(df)


# Not a list literal of str literals: built names, module constant used in a function, parameter.
FEATURES = ["driver_stats:conv_rate"]


def train_dynamic(store: FeatureStore, entity_df, model, view, extra):
    a = store.get_historical_features(entity_df=entity_df, features=[f"{view}:conv_rate"]).to_df()
    b = store.get_historical_features(entity_df=entity_df, features=FEATURES).to_df()
    c = store.get_historical_features(entity_df=entity_df, features=extra).to_df()
    model.fit(a, b)
    return c


# fit only in a nested function.
def outer(store: FeatureStore, entity_df, model):
    df = store.get_historical_features(entity_df=entity_df, features=["driver_stats:conv_rate"]).to_df()

    def inner():
        model.fit(df, df.pop("y"))

    return inner
