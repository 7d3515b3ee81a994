import zmq


def worker_loop(master_host, port, shard):
    ctx = zmq.Context()
    sub = ctx.socket(zmq.SUB)
    sub.connect(f"tcp://{master_host}:{port}")
    sub.setsockopt_string(zmq.SUBSCRIBE, "")
    while True:
        msg = sub.recv_pyobj()  # want: AIML202
        shard.apply(msg)
