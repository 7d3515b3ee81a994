# Spec example (fires), then variants.
import zmq


def worker_loop(master_host, port, shard):
    ctx = zmq.Context()
    sub = ctx.socket(zmq.SUB)
    sub.connect(f"tcp://{master_host}:{port}")
    sub.setsockopt_string(zmq.SUBSCRIBE, "")
    while True:
        msg = sub.recv_pyobj()  # want: AIML202
        shard.apply(msg)


# Bound on every interface; Context.instance(); multi-line call.
def serve_shards(shard):
    sock = zmq.Context.instance().socket(zmq.PULL)
    sock.bind("tcp://*:5555")
    update = (sock
              .recv_pyobj(  # want: AIML202
                  flags=0))
    shard.apply(update)


# zmq.asyncio, awaited, from-import with `as`.
import zmq.asyncio
from zmq.asyncio import Context as AsyncContext


async def async_worker(addr):
    ctx = AsyncContext()
    s = ctx.socket(zmq.DEALER)
    s.connect(addr)
    return await s.recv_pyobj()  # want: AIML202


# self.<attr> socket bound in __init__, received in another method.
class TensorParallelWorker:
    def __init__(self, rank, master):
        self.ctx = zmq.Context()
        self.sock = self.ctx.socket(zmq.SUB)
        self.sock.connect("tcp://" + master + ":6000")

    def step(self):
        return self.sock.recv_pyobj()  # want: AIML202


# A specific remote address is not provably local; an untyped receiver in a zmq module.
def from_peer(sock):
    sock.connect("tcp://10.0.0.7:7000")
    return sock.recv_pyobj()  # want: AIML202


# A loopback-looking name that is not a literal.
LOCAL = "tcp://127.0.0.1:5000"


def via_constant():
    pull = zmq.Context().socket(zmq.PULL)
    pull.bind(LOCAL)
    pull.bind("ipc:///tmp/feed")
    return pull.recv_pyobj()  # want: AIML202
