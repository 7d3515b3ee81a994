import argparse

import mlflow
import wandb

parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float, default=3e-4)
parser.add_argument("--hf_token", type=str, required=True)
parser.add_argument("--api-key", "-k")
args = parser.parse_args()
wandb.init(project="sft", config=vars(args))  # want: AIML225


def log_all():
    mlflow.log_params(args.__dict__)  # want: AIML225
    wandb.config.update(args)  # want: AIML225
    config = vars(args)
    mlflow.log_dict(config, "args.json")  # want: AIML225
