import subprocess
from tensorboard import program
from tensorboard import notebook
from torch.utils.tensorboard import SummaryWriter

tb = program.TensorBoard()
tb.configure(logdir="runs")
url = tb.launch()

tb.configure(logdir="runs", host="localhost")
tb.configure(logdir="runs", host="127.0.0.1")
tb.configure(logdir="runs", bind_all=False)
writer = SummaryWriter(log_dir="runs")
writer.add_scalar("loss", 0.5, 1)


def run(argv, host):
    tb.configure(argv=argv)
    tb.configure(logdir="runs", host=host)


notebook.start("--logdir runs --port 6006")
subprocess.Popen(["tensorboard", "--logdir", "runs"])
subprocess.Popen(["python", "serve.py", "--bind_all"])
subprocess.Popen(["tensorboard", "--logdir", "runs", "--host", "localhost"])


class Other:
    def configure(self, **kw):
        pass


Other().configure(bind_all=True, host="0.0.0.0")
