# Spec example (fires), then variants.
import flwr as fl

fl.server.start_server(server_address="0.0.0.0:8080", config=fl.server.ServerConfig(num_rounds=5))  # want: AIML260


# Default address ([::]:8080), certificates=None, from-import spelling.
from flwr.server import ServerConfig, start_server

start_server(config=ServerConfig(num_rounds=3))  # want: AIML260
start_server(  # want: AIML260
    server_address="[::]:9092",
    certificates=None,
)


# Clients: insecure=True, no root certificates to a remote or unknown address.
from flwr.client import NumPyClient, start_client, start_numpy_client


class FlowerClient(NumPyClient):
    def fit(self, parameters, config):
        return parameters, 1, {}


def run_client(address):
    start_client(server_address=address, client=FlowerClient().to_client())  # want: AIML260


fl.client.start_numpy_client(server_address="10.0.0.5:8080", client=FlowerClient(), insecure=True)  # want: AIML260
start_numpy_client(server_address="fl.example.com:443", client=FlowerClient(), root_certificates=None)  # want: AIML260


class Node:
    def join(self):
        fl.client.start_client(  # want: AIML260
            server_address="localhost:8080",
            client=FlowerClient().to_client(),
            insecure=True,  # explicit plaintext even on loopback
        )


# An f-string binding every interface.
def serve_port(port):
    fl.server.start_server(server_address=f"0.0.0.0:{port}")  # want: AIML260
