# Spec example (silent), then look-alikes.
from pathlib import Path

import flwr as fl

ca_pem = Path("certs/ca.crt").read_bytes()
server_pem = Path("certs/server.pem").read_bytes()
key_pem = Path("certs/server.key").read_bytes()

fl.server.start_server(
    server_address="0.0.0.0:8080",
    config=fl.server.ServerConfig(num_rounds=5),
    certificates=(ca_pem, server_pem, key_pem),
)

# Loopback servers, including through a module constant.
LOCAL = "127.0.0.1:8080"
fl.server.start_server(server_address="[::1]:8080")
fl.server.start_server(server_address=LOCAL)


class FlowerClient(fl.client.NumPyClient):
    pass


# Clients with TLS (system CAs or a private root), or to loopback.
fl.client.start_client(server_address="fl.example.com:443", client=FlowerClient().to_client(), insecure=False)
fl.client.start_client(server_address="fl.example.com:443", client=FlowerClient().to_client(), root_certificates=ca_pem)
fl.client.start_numpy_client(server_address="localhost:8080", client=FlowerClient())


# A value we cannot know, and **kwargs.
def run(address, opts, insecure_flag):
    fl.client.start_client(server_address=address, client=FlowerClient().to_client(), insecure=insecure_flag)
    fl.server.start_server(**opts)


# Simulation has no network transport.
fl.simulation.start_simulation(client_fn=lambda cid: FlowerClient(), num_clients=10)


# An f-string whose literal prefix is a loopback host.
def local_round(port):
    fl.server.start_server(server_address=f"127.0.0.1:{port}")
    fl.client.start_numpy_client(server_address=f"[::1]:{port}", client=FlowerClient())
