# Spec example (fires), then variants.
from multiprocessing.managers import BaseManager

WEIGHTS = {"w": [0.0] * 10}


class ParamServer(BaseManager):
    pass


ParamServer.register("get_weights", callable=lambda: WEIGHTS)
mgr = ParamServer(address=("", 50000), authkey=b"ps-secret")  # want: AIML191
mgr.get_server().serve_forever()


# BaseManager itself, positional address and authkey.
def serve_base():
    m = BaseManager(("0.0.0.0", 50001), b"hard-coded")  # want: AIML191
    m.get_server().serve_forever()


# SyncManager through a module alias, IPv6 any-address, str authkey.
import multiprocessing.managers as mpm


def serve_sync():
    return mpm.SyncManager(address=("::", 50002), authkey="ps-secret")  # want: AIML191


# A Listener with no authkey at all, multi-line call, from-import with `as`.
from multiprocessing.connection import Listener as PSListener


def serve_listener():
    listener = PSListener(  # want: AIML191
        ("0.0.0.0", 6000),
        backlog=16,
    )
    conn = listener.accept()
    return conn.recv()


# A Listener with authkey=None and one with a literal authkey, inside a class.
import multiprocessing.connection


class GradientServer:
    def start(self):
        self.listener = multiprocessing.connection.Listener(("", 6001), authkey=None)  # want: AIML191

    def start_keyed(self):
        self.listener = multiprocessing.connection.Listener(("", 6002), "AF_INET", 1, b"k")  # want: AIML191


# A SyncManager subclass defined in the module.
from multiprocessing.managers import SyncManager


class SharedParams(SyncManager):
    pass


def serve_shared():
    server = SharedParams(address=("0.0.0.0", 50003), authkey=b"shared-secret")  # want: AIML191
    server.start()
