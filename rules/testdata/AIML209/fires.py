import jax
import tensorflow as tf
import torch_xla.debug.profiler as xp
from jax.profiler import start_server
from tensorflow.profiler.experimental import server as tf_server


def main():
    server = xp.start_server(9012)  # want: AIML209
    train_loop()


jax.profiler.start_server(9999)  # want: AIML209


def tf_train():
    tf.profiler.experimental.server.start(6009)  # want: AIML209
    tf_server.start(6010)  # want: AIML209


class Trainer:
    def __init__(self, port):
        self.server = start_server(  # want: AIML209
            port
        )


def loop():
    for step in range(10):
        try:
            xp.start_server(9012)  # want: AIML209
        except RuntimeError:
            pass


if __name__ == "__main__":
    jax.profiler.start_server(9012)  # want: AIML209
