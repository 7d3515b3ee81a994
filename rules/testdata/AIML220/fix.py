import neptune

model_version = neptune.init_model_version(
    model="FRAUD-CLF",
    project="risk/fraud",
    api_token="eyJhcGlfYWRkcmVzcyI6Imh0dHBzOi8vYXBwLm5lcHR1bmUuYWkiLCJhcGlfa2V5IjoiYWJjIn0=",  # want: AIML220
)


def env():
    import os

    os.environ["NEPTUNE_API_TOKEN"] = "eyJhcGlfa2V5Ijoic3R1OTAxIn0fYg8dD5qXo9a"  # want: AIML220
