from os import environ


def setup():
    environ["MIOPEN_CUSTOM_CACHE_DIR"] = "/tmp/miopen-cache"  # want: AIML208
