# Spec example (silent), then look-alikes that must not fire.
import os

import ray
from ray import serve

ray.init(dashboard_host="127.0.0.1", num_gpus=1)
serve.start(detached=True)

# Absent (default 127.0.0.1), loopback, specific and non-literal hosts.
ray.init(num_gpus=8, dashboard_port=8265)
ray.init(dashboard_host="localhost")
ray.init(dashboard_host="::1")
ray.init(dashboard_host="10.0.0.5")
ray.init(dashboard_host=os.environ["RAY_DASHBOARD_HOST"])
HOST = "0.0.0.0"
ray.init(dashboard_host=HOST)
ray.init(dashboard_host=f"{HOST}")

# Dashboard disabled.
ray.init(dashboard_host="0.0.0.0", include_dashboard=False)


# Other calls with a dashboard_host keyword.
def init(**kw):
    return kw


init(dashboard_host="0.0.0.0")
serve.start(http_options={"host": "0.0.0.0"})
