# The module has a secret-named option, but every logged namespace drops it.
import argparse

import mlflow
import wandb

parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float, default=3e-4)
parser.add_argument("--hf_token", type=str)
parser.add_argument("--retries", type=int)
args = parser.parse_args()

wandb.init(project="sft", config={k: v for k, v in vars(args).items() if k != "hf_token"})


def copied():
    cfg = vars(args).copy()
    cfg.pop("hf_token")
    mlflow.log_params(cfg)


def deleted():
    cfg = dict(vars(args))
    del cfg["hf_token"]
    wandb.config.update(cfg)


def wiped():
    local = parser.parse_args()
    local.hf_token = None
    mlflow.log_params(vars(local))


def explicit():
    mlflow.log_params({"lr": args.lr, "retries": args.retries})
