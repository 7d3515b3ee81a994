# Spec example (fires), then variants.
import ray

ray.init(num_gpus=8, dashboard_host="0.0.0.0", dashboard_port=8265)  # want: AIML204
trainer = None

# IPv6 any-address, empty host and "*", in several spellings.
ray.init(dashboard_host="::")  # want: AIML204
ray.init(dashboard_host="[::]", include_dashboard=True)  # want: AIML204
ray.init(
    address="auto",
    dashboard_host='',  # want: AIML204
)

# Module alias and from-import with `as`.
import ray as r
from ray import init as ray_start

r.init(dashboard_host="*")  # want: AIML204
ray_start(num_cpus=4, dashboard_host=("0.0.0.0"))  # want: AIML204


# Inside a class method and a __main__ block; Ray Tune/Train imports are not Serve.
from ray import tune, train


class Cluster:
    def start(self):
        ray.init(dashboard_host="0.0.0.0", dashboard_port=8265, include_dashboard=None)  # want: AIML204


if __name__ == "__main__":
    ray.init(
        num_gpus=4,
        dashboard_host="0.0.0.0",  # want: AIML204
    )
