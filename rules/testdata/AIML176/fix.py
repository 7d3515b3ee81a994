from flask import Flask, request
from feast import FeatureStore

app = Flask(__name__)
FEATURES = ["driver_stats:conv_rate"]


@app.get("/training-frame")
def training_frame():
    store = FeatureStore(repo_path=".")
    sql = f"SELECT driver_id, event_timestamp FROM rides WHERE city = '{request.args['city']}'"
    return store.get_historical_features(entity_df=sql, features=FEATURES).to_df().to_json()  # want: AIML176
