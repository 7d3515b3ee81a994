import jax
import torch_xla.debug.profiler as xp


def main():
    server = xp.start_server(9012)  # want: AIML209
    train_loop()


def keeps_reference():
    server = xp.start_server(9012)  # want: AIML209
    return server


def multi_line():
    jax.profiler.start_server(  # want: AIML209
        9999,
    )
    train_loop()


jax.profiler.start_server(9999)  # want: AIML209
