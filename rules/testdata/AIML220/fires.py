import os
import neptune
from neptune import init_run
import neptune.new as neptune_legacy
from neptune_scale import Run

model_version = neptune.init_model_version(
    model="FRAUD-CLF",
    project="risk/fraud",
    api_token="eyJhcGlfYWRkcmVzcyI6Imh0dHBzOi8vYXBwLm5lcHR1bmUuYWkiLCJhcGlfa2V5IjoiYWJjIn0=",  # want: AIML220
)

run = init_run(project="risk/fraud", api_token="eyJhcGlfa2V5IjoiZGVmNDU2In0aGk3bX9qPzR1")  # want: AIML220
model = neptune.init_model(key="CLF", api_token="eyJhcGlfa2V5IjoiZ2hpNzg5In0bHc4eT1mQk5w")  # want: AIML220
project = neptune.init_project(project="risk/fraud", api_token="eyJhcGlfa2V5IjoiamtsMDEyIn0cVd5aA2nUl6x")  # want: AIML220
legacy = neptune_legacy.init_run(api_token="eyJhcGlfa2V5IjoibW5vMzQ1In0dWe6bB3oVm7y")  # want: AIML220
scale = Run(run_id="fraud-42", api_token="eyJhcGlfa2V5IjoicHFyNjc4In0eXf7cC4pWn8z")  # want: AIML220
os.environ["NEPTUNE_API_TOKEN"] = "eyJhcGlfa2V5Ijoic3R1OTAxIn0fYg8dD5qXo9a"  # want: AIML220


def train():
    neptune.init(project_qualified_name="risk/fraud", api_token="eyJhcGlfa2V5IjoidnB3MjM0In0gZh9eE6rYp0b")  # want: AIML220
