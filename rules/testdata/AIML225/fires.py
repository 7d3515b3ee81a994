import argparse
import os

import mlflow
import neptune
import wandb
from accelerate import Accelerator
from comet_ml import Experiment
from torch.utils.tensorboard import SummaryWriter

parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float, default=3e-4)
parser.add_argument("--hf_token", type=str, required=True)
parser.add_argument("--wandb-api-key", dest="wandb_key")
parser.add_argument("--use_fast", action="store_true")
args = parser.parse_args()
wandb.init(project="sft", config=vars(args))  # want: AIML225

mlflow.log_params(dict(os.environ))  # want: AIML225
mlflow.log_dict({"lr": 3e-4, "openai_api_key": os.environ["OPENAI_API_KEY"]}, "config.json")  # want: AIML225
mlflow.log_param("db_password", args.lr)  # want: AIML225


def track():
    run = wandb.init(project="sft")
    run.config.update(args)  # want: AIML225
    wandb.config.update(args.__dict__)  # want: AIML225


class Logger:
    def __init__(self):
        self.exp = Experiment(project_name="sft")
        self.writer = SummaryWriter("runs")
        self.acc = Accelerator(log_with="wandb")

    def log(self, token):
        self.exp.log_parameters({"model": "llama", "hub_token": token})  # want: AIML225
        self.exp.log_parameter("access_key", token)  # want: AIML225
        self.writer.add_hparams({**os.environ}, {"acc": 0.9})  # want: AIML225
        self.acc.init_trackers("sft", config=dict(vars(args)))  # want: AIML225


def neptune_run():
    run = neptune.init_run(project="risk/sft")
    run["parameters"] = os.environ.copy()  # want: AIML225
    cfg = {
        "lr": 1e-4,
        "github_token": os.environ["GH_TOKEN"],  # want: AIML225
    }
    mlflow.log_params(cfg)
    wandb.init(project="sft", config=cfg)
