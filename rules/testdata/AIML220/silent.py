import os
import neptune

model_version = neptune.init_model_version(model="FRAUD-CLF", project="risk/fraud")
run = neptune.init_run(project="risk/fraud", api_token=neptune.ANONYMOUS_API_TOKEN)
run = neptune.init_run(project="risk/fraud", api_token=os.environ["NEPTUNE_API_TOKEN"])
run = neptune.init_run(project="risk/fraud", api_token=os.getenv("NEPTUNE_API_TOKEN"))
run = neptune.init_run(project="risk/fraud", api_token="ANONYMOUS")
run = neptune.init_run(project="risk/fraud", api_token="YOUR_NEPTUNE_API_TOKEN_HERE")
run = neptune.init_run(project="risk/fraud", api_token="<neptune-api-token-placeholder>")
run = neptune.init_run(project="risk/fraud-detection-workspace", with_id="FRAUD-12345678")
os.environ["NEPTUNE_PROJECT"] = "risk/fraud-detection-workspace"
os.environ.setdefault("NEPTUNE_API_TOKEN", os.environ["CI_NEPTUNE_TOKEN"])
