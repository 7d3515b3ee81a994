import os
import wandb
from wandb import login as wb_login
import wandb as wb

wandb.login(key="3f9a1c2be8d7465fa0b1c2d3e4f5a6b7c8d9e0f1")  # want: AIML217
run = wandb.init(project="vision-pretrain")

wb_login(key="9c8b7a6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b", relogin=True)  # want: AIML217

api = wb.Api(api_key="0a1b2c3d4e5f60718293a4b5c6d7e8f901234567")  # want: AIML217

wandb.login(
    host="https://wandb.internal.example.org",
    key="local-5f2e9d8c7b6a5f4e3d2c1b0a9f8e7d6c",  # want: AIML217
)

os.environ["WANDB_API_KEY"] = "7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d"  # want: AIML217
os.environ.setdefault("WANDB_API_KEY", "1f2e3d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f0e")  # want: AIML217


class Tracker:
    def __init__(self, project):
        wandb.login(None, "6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a")  # want: AIML217
        self.run = wandb.init(project=project)


def configure():
    os.environ.update({"WANDB_API_KEY": "2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d"})  # want: AIML217
    os.putenv("WANDB_API_KEY", "8091a2b3c4d5e6f708192a3b4c5d6e7f8a9b0c1d")  # want: AIML217
