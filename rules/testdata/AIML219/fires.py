import subprocess
from subprocess import Popen
from tensorboard import program
from tensorboard import notebook
import tensorboard.program as tbp

tb = program.TensorBoard()
tb.configure(logdir="runs", bind_all=True)  # want: AIML219
url = tb.launch()

board = tbp.TensorBoard()
board.configure(logdir="runs", host="0.0.0.0", port=6006)  # want: AIML219

program.TensorBoard().configure(argv=[None, "--logdir", "runs", "--bind_all"])  # want: AIML219

tb2 = program.TensorBoard()
tb2.configure(
    [None, "--logdir", "runs", "--host", "0.0.0.0"],  # want: AIML219
)

notebook.start("--logdir runs --bind_all")  # want: AIML219

proc = subprocess.Popen(["tensorboard", "--logdir", "runs", "--host=0.0.0.0"])  # want: AIML219
Popen(["tensorboard", "--logdir=runs", "--bind_all", "--port", "6007"])  # want: AIML219


class Dashboard:
    def __init__(self, logdir):
        self.tb = program.TensorBoard()

    def start(self):
        self.tb.configure(logdir="runs", host="::")  # want: AIML219
        return self.tb.launch()


def serve():
    subprocess.run(["tensorboard", "--logdir", "runs", "--host", "::"], check=True)  # want: AIML219
