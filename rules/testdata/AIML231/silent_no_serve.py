# Without a Ray Serve import the same call is owned by AIML204 (§4 row 8).
import ray
from ray import tune

ray.init(dashboard_host="0.0.0.0")  # want: AIML204
tune.run(lambda config: None)
