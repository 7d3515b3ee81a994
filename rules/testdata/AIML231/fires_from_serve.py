import ray
from ray.serve import deployment, run

ray.init(dashboard_host="::")  # want: AIML231


@deployment
class Echo:
    def __call__(self, req):
        return req


run(Echo.bind())
