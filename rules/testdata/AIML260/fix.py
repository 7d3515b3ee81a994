import flwr as fl


class FlowerClient(fl.client.NumPyClient):
    pass


fl.client.start_numpy_client(server_address="10.0.0.5:8080", client=FlowerClient(), insecure=True)  # want: AIML260
fl.client.start_client(  # want: AIML260
    server_address="fl.example.com:443",
    client=FlowerClient().to_client(),
    insecure=True,
)

# Guidance: server without certificates, client without root certificates.
fl.server.start_server(server_address="0.0.0.0:8080")  # want: AIML260
fl.client.start_client(server_address="fl.example.com:443", client=FlowerClient().to_client())  # want: AIML260
