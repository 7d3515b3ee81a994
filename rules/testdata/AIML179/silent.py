# Spec example (silent), then look-alikes that must not fire.
import os

from feast import FeatureStore

store = FeatureStore(repo_path="feature_repo")
store.serve(host="127.0.0.1", port=6566)


# Loopback spellings.
store.serve(host="localhost", port=6566)
store.serve_offline("::1", 8815)


# Non-literal, deployment-driven host.
HOST = os.environ.get("FEAST_HOST", "127.0.0.1")
store.serve(host=HOST, port=6566)
store.serve_ui(host=os.environ["UI_HOST"], port=8888, get_registry_dump=None, registry_ttl_sec=5)


# The generic name serve on an untyped receiver or another library.
def run(app, server):
    server.serve(host="0.0.0.0", port=6566)
    app.serve("0.0.0.0", 8080)


# start_server of another module; port/other argument literals.
from myserver import start_server

start_server(store, "0.0.0.0", 6566)
store.serve(host="127.0.0.1", port=0)
