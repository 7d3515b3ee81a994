# `import ray.serve` and `from ray.serve import ...` also make this a Ray Serve module.
import ray
import ray.serve

ray.init(dashboard_host="0.0.0.0")  # want: AIML231
ray.serve.start()
