# Spec example (silent), then look-alikes that must not fire.
import json

import msgpack
import zmq


def worker_loop(master_host, port, shard):
    ctx = zmq.Context()
    sub = ctx.socket(zmq.SUB)
    sub.connect(f"tcp://{master_host}:{port}")
    sub.setsockopt_string(zmq.SUBSCRIBE, "")
    while True:
        msg = sub.recv_json()
        shard.apply(msg)


# recv + explicit decoding.
def decode_loop(addr):
    s = zmq.Context().socket(zmq.PULL)
    s.connect(addr)
    a = json.loads(s.recv())
    b = msgpack.unpackb(s.recv_multipart()[0])
    c = s.recv_string()
    return a, b, c


# Every address provably local.
def local_only():
    ctx = zmq.Context()
    a = ctx.socket(zmq.PAIR)
    a.bind("inproc://weights")
    b = ctx.socket(zmq.PULL)
    b.bind("ipc:///run/worker.sock")
    b.connect("tcp://127.0.0.1:5555")
    c = ctx.socket(zmq.PULL)
    c.connect(f"tcp://localhost:{5556}")
    d = ctx.socket(zmq.PULL)
    d.connect("tcp://[::1]:7000")
    return a.recv_pyobj(), b.recv_pyobj(), c.recv_pyobj(), d.recv_pyobj()


# No bind/connect of that socket visible in the function or class.
def given(sock):
    return sock.recv_pyobj()


def other_socket(addr):
    ctx = zmq.Context()
    pub = ctx.socket(zmq.PUB)
    pub.bind(addr)
    sub = ctx.socket(zmq.SUB)
    sub.connect("inproc://x")
    return sub.recv_pyobj()


class Worker:
    def __init__(self):
        self.sock = zmq.Context().socket(zmq.PULL)
        self.sock.bind("ipc:///run/w.sock")
        self.other = zmq.Context().socket(zmq.PUSH)
        self.other.connect("tcp://10.0.0.1:1")

    def recv(self):
        return self.sock.recv_pyobj()
