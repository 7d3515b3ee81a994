from multiprocessing.managers import BaseManager
from multiprocessing.connection import Listener


class ParamServer(BaseManager):
    pass


mgr = ParamServer(address=("", 50000), authkey=b"ps-secret")  # want: AIML191


def listen():
    listener = Listener(("0.0.0.0", 6000))  # want: AIML191
    return listener.accept()


def listen_none():
    if True: listener = Listener(("0.0.0.0", 6001), authkey=None)  # want: AIML191
    return listener
