# Spec example (fires), then variants.
import feast


def train(store, entity_df, model):
    df = store.get_historical_features(
        entity_df=entity_df,
        features=["driver_stats:conv_rate", "driver_stats:acc_rate"],  # want: AIML182
    ).to_df()
    model.fit(df[["conv_rate", "acc_rate"]], df["label"])


# A name assigned the list in the same SCOPE; positional features; typed store.
from feast import FeatureStore


def train_local(entity_df, model):
    store = FeatureStore(repo_path=".")
    cols = ["txn:amount_7d", "txn:count_1h"]
    df = store.get_historical_features(entity_df, cols).to_df()  # want: AIML182
    model.fit(df.drop(columns=["y"]), df["y"])


# Aliased import, chained construction, single-quoted names.
from feast import FeatureStore as FS


def train_chained(entities, clf):
    frame = FS(repo_path=".").get_historical_features(entity_df=entities, features=['user:age']).to_df()  # want: AIML182
    clf.fit(frame.drop(columns=["y"]), frame["y"])


# Inside a method with a typed self store; fit comes first.
class Pipeline:
    def __init__(self):
        self.store = feast.FeatureStore(repo_path=".")

    def retrain(self, entity_df, warm):
        self.model.fit(warm.drop(columns=["y"]), warm["y"])
        return self.store.get_historical_features(
            entity_df=entity_df,
            features=[  # want: AIML182
                "driver_stats:conv_rate",
                "driver_stats:avg_daily_trips",
            ],
        ).to_df()


# Module SCOPE: training script at top level.
STORE = FeatureStore(repo_path=".")
FEATURES = ["driver_stats:conv_rate"]
training_df = STORE.get_historical_features(entity_df=load_entities(), features=FEATURES).to_df()  # want: AIML182
booster.fit(training_df.drop(columns=["y"]), training_df["y"])


# fit inside a comprehension of the same SCOPE.
def train_many(store: FeatureStore, entity_df, models):
    df = store.get_historical_features(entity_df=entity_df, features=["a:x", "a:y"]).to_df()  # want: AIML182
    return [m.fit(df[["x"]], df["y"]) for m in models]
