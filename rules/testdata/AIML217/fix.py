import wandb

wandb.login(key="3f9a1c2be8d7465fa0b1c2d3e4f5a6b7c8d9e0f1")  # want: AIML217
run = wandb.init(project="vision-pretrain")


def public_runs():
    api = wandb.Api(
        api_key="0a1b2c3d4e5f60718293a4b5c6d7e8f901234567",  # want: AIML217
        timeout=30,
    )
    return api.runs("team/vision")


def env():
    import os

    os.environ["WANDB_API_KEY"] = "7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d"  # want: AIML217
