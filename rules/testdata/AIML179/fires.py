# Spec example (fires), then variants.
from feast import FeatureStore

store = FeatureStore(repo_path="feature_repo")
store.serve(host="0.0.0.0", port=6566)  # want: AIML179


# Positional host, IPv6 any-address, inside a function with a local store.
def serve_online():
    fs = FeatureStore(repo_path=".")
    fs.serve("::", 6566, type_="http", workers=4)  # want: AIML179


# serve_offline and serve_ui, aliased import, multi-line call.
from feast import FeatureStore as FS


def serve_all():
    fs = FS(repo_path=".")
    fs.serve_offline(host="[::]", port=8815)  # want: AIML179
    fs.serve_ui(
        host="",  # want: AIML179
        port=8888,
        get_registry_dump=None,
        registry_ttl_sec=60,
    )


# feast.feature_server.start_server: host is positional 1.
import feast.feature_server
from feast import feature_server as fserver


def run_server(repo):
    s = FeatureStore(repo_path=repo)
    feast.feature_server.start_server(s, "0.0.0.0", 6566, True, 1, 30, 60, "", "", False)  # want: AIML179
    fserver.start_server(store=s, host='0.0.0.0', port=6567, no_access_log=True, workers=1,  # want: AIML179
                         keep_alive_timeout=30, registry_ttl_sec=60)


# Inside a class, self-typed store; chained construction.
class Server:
    def __init__(self):
        self.store = FeatureStore(repo_path=".")

    def start(self):
        self.store.serve(host="0.0.0.0", port=6566)  # want: AIML179


if __name__ == "__main__":
    FeatureStore(repo_path=".").serve_ui(host="0.0.0.0", port=8888, get_registry_dump=None, registry_ttl_sec=5)  # want: AIML179
