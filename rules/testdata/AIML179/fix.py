from feast import FeatureStore
from feast.feature_server import start_server

store = FeatureStore(repo_path="feature_repo")
store.serve(host="0.0.0.0", port=6566)  # want: AIML179
store.serve_offline('::', 8815)  # want: AIML179
start_server(store, host="", port=6567, no_access_log=True, workers=1, keep_alive_timeout=30, registry_ttl_sec=5)  # want: AIML179
store.serve_ui(host="0.0." "0.0", port=8888, get_registry_dump=None, registry_ttl_sec=5)  # want: AIML179
