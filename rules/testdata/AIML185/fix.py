import dvc.api

raw = dvc.api.read("data/features.csv", repo="https://github.com/acme/feature-data")  # want: AIML185
