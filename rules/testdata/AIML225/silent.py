import argparse
import os

import mlflow
import wandb

parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float, default=3e-4)
parser.add_argument("--pad_token", type=str, default="<pad>")
parser.add_argument("--max_tokens", type=int, default=512)
parser.add_argument("--tokenizer_name", type=str)
parser.add_argument("--use_auth_token", action="store_true")
parser.add_argument("--push-secret", action="store_true")
args = parser.parse_args()
wandb.init(project="sft", config=vars(args))

mlflow.log_params({"lr": 3e-4, "pad_token": "<pad>", "max_tokens": 512})
mlflow.log_params({"hf_token": None, "use_api_key": False, "api_key_count": 2})
mlflow.log_param("tokenizer_name", "gpt2")
mlflow.log_param("token_budget", 1024)
mlflow.log_dict({"env": os.environ.get("STAGE")}, "stage.json")
wandb.init(project="sft", config={"HOME": os.environ["HOME"]})


def other_parser():
    p2 = argparse.ArgumentParser()
    p2.add_argument("--epochs", type=int)
    opts = p2.parse_args()
    mlflow.log_params({k: v for k, v in vars(opts).items() if k != "hf_token"})


def redacted():
    conf = {"lr": 1e-3, "api_key": os.environ["KEY"]}
    del conf["api_key"]
    mlflow.log_params(conf)


def not_a_sink(run):
    run.log_params(os.environ)
    print(vars(args))
