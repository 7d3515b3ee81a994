from comet_ml import Experiment

experiment = Experiment(
    api_key="Zk3nP0qLr7TtWv9XyA1bC2dE4",  # want: AIML218
    project_name="ranking",
    workspace="search-team",
)


def resume(key):
    from os import environ

    return Experiment("Zk3nP0qLr7TtWv9XyA1bC2dE4", project_name="ranking")  # want: AIML218


def env():
    import os

    os.environ["COMET_API_KEY"] = "Bv4cXz3LkJh2GfDs1PoIu0YtR"  # want: AIML218
