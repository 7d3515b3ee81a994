import tempfile
import accelerate

OFFLOAD = "/var/tmp/offload"


class Loader:
    def load(self, model):
        accelerate.disk_offload(model, OFFLOAD)  # want: AIML200
        accelerate.dispatch_model(model, device_map={"": "disk"}, offload_dir="/tmp/d")  # want: AIML200
