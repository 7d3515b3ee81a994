# Spec example (silent), then look-alikes that must not fire.
import dvc.api
from dvc.api import DVCFileSystem

raw = dvc.api.read("data/features.csv", repo="https://github.com/acme/feature-data", rev="v2.3.0")

# Commit SHA pin.
sha = dvc.api.read("data/features.csv", repo="https://github.com/acme/feature-data",
                   rev="4f1c2b0e9d8a7c6b5a4f3e2d1c0b9a8f7e6d5c4b")

# No repo: the data is versioned with this code.
local = dvc.api.read("data/features.csv")

# Local repository path.
nearby = dvc.api.open("data/features.csv", repo="../feature-data")


# Non-literal rev (pinned in configuration) and non-literal repo.
def load(cfg):
    a = dvc.api.read("data/features.csv", repo="https://github.com/acme/feature-data", rev=cfg.data_rev)
    b = dvc.api.read("data/features.csv", repo=cfg.repo)
    return a, b


# File system pinned to a tag; options passed through **kwargs.
fs = DVCFileSystem("https://github.com/acme/feature-data", rev="v1.4.0")


def from_options(**opts):
    return dvc.api.read("data/features.csv", repo="https://github.com/acme/feature-data", **opts)


# Another library's read().
import fsspec

other = fsspec.open("https://github.com/acme/feature-data")
