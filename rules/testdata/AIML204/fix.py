import ray

ray.init(num_gpus=8, dashboard_host="0.0.0.0", dashboard_port=8265)  # want: AIML204
ray.init(dashboard_host='::')  # want: AIML204
ray.init(dashboard_host="")  # want: AIML204
