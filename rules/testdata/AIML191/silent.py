# Spec example (silent), then look-alikes.
import os
import secrets
import multiprocessing
from multiprocessing.connection import Client, Listener
from multiprocessing.managers import BaseManager


class ParamServer(BaseManager):
    pass


mgr = ParamServer(address=("10.0.0.5", 50000), authkey=os.environ["PS_AUTHKEY"].encode())
mgr.get_server().serve_forever()

# Loopback and specific hosts.
local = BaseManager(address=("127.0.0.1", 50000), authkey=b"dev-only")
named = BaseManager(address=("localhost", 50000), authkey=b"dev-only")


# A host held in a variable.
def serve(host):
    return BaseManager(address=(host, 50000), authkey=b"secret")


# A manager without authkey uses the random per-process key.
open_mgr = ParamServer(address=("", 50000))

# Non-literal authkeys.
env_mgr = BaseManager(address=("0.0.0.0", 50000), authkey=os.environ["PS_AUTHKEY"].encode())
rand_mgr = BaseManager(address=("0.0.0.0", 50000), authkey=secrets.token_bytes(32))
rand_listener = Listener(("0.0.0.0", 6000), authkey=secrets.token_bytes(32))

# multiprocessing.Manager() and Client(...) are not servers of this kind.
shared = multiprocessing.Manager()
conn = Client(("0.0.0.0", 6000), authkey=b"secret")

# A Listener whose authkey may come from **kwargs.
opts = {"authkey": secrets.token_bytes(32)}
kw_listener = Listener(("0.0.0.0", 6000), **opts)

# A class that is not a manager.
class Other:
    def __init__(self, address, authkey):
        pass


other = Other(address=("", 1), authkey=b"x")
