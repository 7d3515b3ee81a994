import os
import wandb

wandb.login(key=os.environ["WANDB_API_KEY"])
run = wandb.init(project="vision-pretrain")

wandb.login()
wandb.login(key="")
wandb.login(key="short-key")
wandb.login(key="YOUR_WANDB_API_KEY_GOES_HERE")
wandb.login(key="<wandb-api-key-placeholder>")
wandb.login(key="xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
wandb.login(key="0000000000000000000000000000000000000000")
wandb.login(key=f"{os.environ['WANDB_PREFIX']}3f9a1c2be8d7465fa0b1c2d3e4f5a6b7")
wandb.login(anonymous="must", key="3f9a1c2be8d7465fa0b1c2d3e4f5a6b7c8d9e0f1")
wandb.login("3f9a1c2be8d7465fa0b1c2d3e4f5a6b7c8d9e0f1")
api = wandb.Api(overrides={"entity": "vision-team-research-org"})
os.environ["WANDB_PROJECT"] = "vision-pretrain-imagenet-22k"
os.environ["WANDB_API_KEY"] = os.environ["CI_WANDB_KEY"]
os.environ.setdefault("WANDB_API_KEY", "${WANDB_API_KEY_FROM_VAULT}")
wandb.init(project="vision-pretrain", notes="3f9a1c2be8d7465fa0b1c2d3e4f5a6b7c8d9e0f1")


def login(key):
    pass


login(key="3f9a1c2be8d7465fa0b1c2d3e4f5a6b7c8d9e0f1")
