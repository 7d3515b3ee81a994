import feast


def train(store, entity_df, model):
    df = store.get_historical_features(
        entity_df=entity_df,
        features=["driver_stats:conv_rate", "driver_stats:acc_rate"],  # want: AIML182
    ).to_df()
    model.fit(df[["conv_rate", "acc_rate"]], df["label"])
