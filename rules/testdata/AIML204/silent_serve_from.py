# The module imports Ray Serve: the same call is owned by AIML231.
import ray
from ray import serve

ray.init(dashboard_host="0.0.0.0")  # want: AIML231
