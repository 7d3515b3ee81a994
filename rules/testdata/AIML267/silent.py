import json
import logging.config
import os
import sys
from logging.config import dictConfig, fileConfig

import yaml
from flask import Flask, request

app = Flask(__name__)
LOGGING = {"version": 1, "handlers": {"console": {"class": "logging.StreamHandler"}}}


def verify_signed_config(data):
    return data if check_hmac(data) else None


def start_log_control():
    t = logging.config.listen(9030, verify=verify_signed_config)
    t.daemon = True
    t.start()
    return t


def start_positional():
    return logging.config.listen(9030, verify_signed_config)


def start_kwargs(**opts):
    return logging.config.listen(9030, **opts)


def local_configs():
    fileConfig("logging.ini")
    fileConfig(os.environ["LOG_CONFIG"])
    fileConfig(sys.argv[1])
    dictConfig(LOGGING)
    with open("logging.yaml") as fh:
        dictConfig(yaml.safe_load(fh))
    with open("logging.json") as fh:
        dictConfig(json.load(fh))


@app.post("/admin/level")
def set_level():
    level = request.json["level"]
    if level not in {"DEBUG", "INFO", "WARNING"}:
        return {"error": "bad level"}, 400
    dictConfig({"version": 1, "root": {"level": level}})
    return {"ok": True}


@app.post("/admin/flag")
def flag():
    dictConfig({"version": 1, "disable_existing_loggers": bool(request.json["quiet"])})
    return {"ok": True}
