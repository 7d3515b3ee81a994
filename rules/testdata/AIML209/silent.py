import os

import jax
import tensorflow as tf
import torch_xla.debug.profiler as xp


def main(args):
    if args.profile_port:
        server = xp.start_server(args.profile_port)
    train_loop()


def env_opt_in():
    if os.environ.get("PROFILE_PORT"):
        jax.profiler.start_server(int(os.environ["PROFILE_PORT"]))


def ternary(enabled):
    server = xp.start_server(9012) if enabled else None
    return server


def short_circuit(enabled):
    return enabled and jax.profiler.start_server(9999)


def elif_branch(mode):
    if mode == "train":
        pass
    elif mode == "profile":
        tf.profiler.experimental.server.start(6009)


def file_tracing(logdir):
    with jax.profiler.trace(logdir):
        step()
    jax.profiler.start_trace(logdir)
    tf.profiler.experimental.start(logdir)


if __name__ == "__main__":
    if os.environ.get("PROFILE"):
        xp.start_server(9012)
