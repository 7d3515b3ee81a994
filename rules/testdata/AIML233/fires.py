# Spec example (fires), then variants.
from kserve import Model, Storage


class Reranker(Model):
    async def predict(self, payload, headers=None):
        path = Storage.download(payload["adapter_uri"])  # want: AIML233
        return {"adapter": path}


# Module alias, preprocess, URI from a header, through a local variable.
import kserve


class Tokenizing(kserve.Model):
    def preprocess(self, payload, headers=None):
        uri = headers.get("x-vocab-uri")
        local = kserve.Storage.download(uri, out_dir="/mnt/vocab")  # want: AIML233
        return {"vocab": local, "inputs": payload["inputs"]}


# kserve.storage spelling, f-string URI, multi-line call, explain().
from kserve.storage import Storage as KStorage


class Explaining(kserve.model.Model):
    def explain(self, payload, headers=None):
        bucket = payload["bucket"]
        background = KStorage.download(  # want: AIML233
            f"s3://{bucket}/background.npy",
            out_dir="/tmp/bg",
        )
        return {"background": background}


# The kserve_storage package, uri= keyword, postprocess.
from kserve_storage import Storage as NewStorage


class Post(Model):
    def postprocess(self, result, headers=None):
        labels = NewStorage.download(uri=result["labels_uri"])  # want: AIML233
        return {"labels": labels}


# __call__, URI built by concatenation.
class Child(Model):
    async def __call__(self, body, headers=None):
        return Storage.download("gs://models/" + body["name"])  # want: AIML233


# From-import of the defining module, request-built URI in a list loop.
from kserve.storage.storage import Storage as OldStorage


class Multi(Model):
    def predict(self, payload, headers=None):
        paths = []
        for item in payload["artifacts"]:
            paths.append(OldStorage.download(item["uri"]))  # want: AIML233
        return {"paths": paths}


# A helper method the predictor passes the request value to.
class Delegating(Model):
    def _fetch(self, uri):
        return Storage.download(uri)  # want: AIML233

    def predict(self, payload, headers=None):
        return {"path": self._fetch(payload["uri"])}
