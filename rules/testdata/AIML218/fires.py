import os
import comet_ml
from comet_ml import Experiment, ExistingExperiment, API
from comet_ml.api import APIExperiment

experiment = Experiment(
    api_key="Zk3nP0qLr7TtWv9XyA1bC2dE4",  # want: AIML218
    project_name="ranking",
    workspace="search-team",
)

resumed = ExistingExperiment("Zk3nP0qLr7TtWv9XyA1bC2dE4", previous_experiment="a1b2c3")  # want: AIML218
api = API(api_key="Qm7uYt5RrEe3WwQq1AaSsDdFf")  # want: AIML218
remote = APIExperiment(api_key="Qm7uYt5RrEe3WwQq1AaSsDdFf", workspace="search-team")  # want: AIML218
comet_ml.login(api_key="Lp0oKi9JuHy8GtFr7DeSw6Aq5")  # want: AIML218
comet_ml.init(project_name="ranking", api_key="Lp0oKi9JuHy8GtFr7DeSw6Aq5")  # want: AIML218
os.environ["COMET_API_KEY"] = "Bv4cXz3LkJh2GfDs1PoIu0YtR"  # want: AIML218


class Trainer:
    def start(self):
        self.exp = comet_ml.start(api_key="Nm8bVc7XzAs6DfGh5JkLq4WeR", project_name="ranking")  # want: AIML218
