# Spec example (silent): the deploy-time storage_uri, downloaded in load().
from kserve import Model, Storage

ADAPTERS = {"legal": "s3://adapters/legal", "medical": "s3://adapters/medical"}


class Reranker(Model):
    def load(self):
        self.path = Storage.download(self.storage_uri)
        self.ready = True


# A literal URI inside predict.
class Fixed(Model):
    def predict(self, payload, headers=None):
        path = Storage.download("gs://models/reranker")
        return {"adapter": path, "n": len(payload["inputs"])}


# The request value is only a key into a module-level dict of URIs.
class AllowListed(Model):
    def predict(self, payload, headers=None):
        path = Storage.download(ADAPTERS[payload["adapter"]])
        return {"adapter": path}


# __init__ with a constructor argument (deploy-time configuration).
class Configured(Model):
    def __init__(self, name, adapter_uri):
        super().__init__(name)
        self.adapter = Storage.download(adapter_uri)


# Not a kserve.Model subclass: a plain class with a predict method.
class NotKServe:
    def predict(self, payload, headers=None):
        return Storage.download(payload["uri"])


# A look-alike download on another class.
class Storage2:
    @staticmethod
    def download(uri):
        return uri


class Other(Model):
    def predict(self, payload, headers=None):
        return {"p": Storage2.download(payload["uri"])}


# An allow-guard on the request value before the download.
ALLOWED = ("s3://a", "s3://b")


class Guarded(Model):
    def predict(self, payload, headers=None):
        uri = payload["uri"]
        if uri not in ALLOWED:
            raise ValueError("unknown artifact")
        return {"p": Storage.download(uri)}


# A helper method called only with the deploy-time URI.
class DelegatingFixed(Model):
    def _fetch(self, uri):
        return Storage.download(uri)

    def load(self):
        self.path = self._fetch(self.storage_uri)
        self.ready = True
