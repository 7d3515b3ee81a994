# Guidance only: the finding carries prose, the code is unchanged.
from kserve import Model, Storage


class Reranker(Model):
    async def predict(self, payload, headers=None):
        path = Storage.download(payload["adapter_uri"])  # want: AIML233
        return {"adapter": path}
