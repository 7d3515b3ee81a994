import subprocess
from tensorboard import program
from tensorboard import notebook

tb = program.TensorBoard()
tb.configure(logdir="runs", bind_all=True)  # want: AIML219
url = tb.launch()

tb.configure(logdir="runs", host="0.0.0.0", port=6006)  # want: AIML219
tb.configure(argv=[None, "--logdir", "runs", "--bind_all"])  # want: AIML219
tb.configure(argv=[None, "--logdir", "runs", "--host", "0.0.0.0"])  # want: AIML219
notebook.start("--logdir runs --bind_all --port 6006")  # want: AIML219
notebook.start("--logdir runs --host 0.0.0.0")  # want: AIML219
subprocess.Popen(["tensorboard", "--logdir", "runs", "--host=0.0.0.0"])  # want: AIML219
subprocess.Popen(
    [
        "tensorboard",
        "--logdir",
        "runs",
        "--bind_all",  # want: AIML219
    ]
)
