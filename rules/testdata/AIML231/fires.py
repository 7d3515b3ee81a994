# Spec example (fires), then variants.
import ray
from ray import serve

ray.init(dashboard_host="0.0.0.0", num_gpus=1)  # want: AIML231
serve.start(detached=True)

# IPv6 any-address, empty host and "*", single quotes, parentheses.
ray.init(dashboard_host="::")  # want: AIML231
ray.init(dashboard_host="[::]", include_dashboard=True)  # want: AIML231
ray.init(dashboard_host='*')  # want: AIML231
ray.init(
    address="auto",
    dashboard_host=(""),  # want: AIML231
)

# Module alias and from-import with `as`.
import ray as r
from ray import init as ray_start

r.init(dashboard_host="0.0.0.0", dashboard_port=8265)  # want: AIML231
ray_start(num_cpus=4, dashboard_host="0.0.0.0")  # want: AIML231


@serve.deployment
class Model:
    def __call__(self, request):
        return "ok"


class Launcher:
    def start(self):
        ray.init(dashboard_host="0.0.0.0", include_dashboard=None)  # want: AIML231
        serve.run(Model.bind())


if __name__ == "__main__":
    ray.init(
        num_gpus=4,
        dashboard_host="0.0.0.0",  # want: AIML231
    )
