# Spec example (fires), then variants.
import dvc.api

raw = dvc.api.read("data/features.csv", repo="https://github.com/acme/feature-data")  # want: AIML185

# Floating branch names and rev=None.
with dvc.api.open("data/train.parquet", repo="git@github.com:acme/feature-data.git", rev="main", mode="rb") as fh:  # want: AIML185
    payload = fh.read()

url = dvc.api.get_url("data/labels.csv", repo="ssh://git.acme.io/ml/data", rev=None)  # want: AIML185

# from-import with `as`, positional repo and rev, multi-line call.
from dvc.api import read as dvc_read

text = dvc_read(  # want: AIML185
    "data/features.csv",
    "http://git.internal/acme/feature-data",
    "HEAD",
)

# The file system class: positional URL, and current DVC's repo=.
from dvc.api import DVCFileSystem

fs = DVCFileSystem("https://github.com/acme/feature-data", rev="develop")  # want: AIML185


class Loader:
    def filesystem(self):
        return DVCFileSystem(repo="https://github.com/acme/feature-data")  # want: AIML185

    def stream(self):
        import dvc.api as dapi

        return dapi.open("data/x.csv", repo="https://github.com/acme/feature-data", rev="master")  # want: AIML185
