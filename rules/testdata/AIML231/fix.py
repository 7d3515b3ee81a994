import ray
from ray import serve

ray.init(dashboard_host="0.0.0.0", num_gpus=1)  # want: AIML231
ray.init(dashboard_host='::')  # want: AIML231
ray.init(
    dashboard_host="",  # want: AIML231
    dashboard_port=8265,
)
serve.start(detached=True)
