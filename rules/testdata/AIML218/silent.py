import os
from comet_ml import Experiment, OfflineExperiment
import comet_ml

experiment = Experiment(project_name="ranking", workspace="search-team")
experiment = Experiment(api_key=os.environ["COMET_API_KEY"], project_name="ranking")
experiment = Experiment(api_key=os.getenv("COMET_API_KEY"), project_name="ranking")
offline = OfflineExperiment(project_name="ranking", offline_directory="/data/comet-offline-runs")
experiment = Experiment(api_key="YOUR-COMET-API-KEY-HERE", project_name="ranking")
experiment = Experiment(api_key="your_api_key", project_name="ranking")
experiment = Experiment(api_key="changeme-changeme-changeme", project_name="ranking")
experiment = Experiment(api_key="abc123", project_name="ranking")
experiment = Experiment(project_name="ranking-experiments-2024", workspace="search-team-research")
comet_ml.login(project_name="ranking-experiments-2024")
os.environ["COMET_PROJECT_NAME"] = "ranking-experiments-2024"
comet_ml.start(experiment_key="a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6", project_name="ranking")
