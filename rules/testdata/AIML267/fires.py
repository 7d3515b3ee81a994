import configparser
import io
import json
import logging.config
from logging import config as logcfg
from logging.config import dictConfig, fileConfig

import requests
import yaml
from flask import Flask, request

app = Flask(__name__)


def start_log_control():
    t = logging.config.listen(9030)  # want: AIML267
    t.daemon = True
    t.start()
    return t


def start_default():
    return logcfg.listen(verify=None)  # want: AIML267


class LogControl:
    def start(self, port):
        self.thread = logging.config.listen(  # want: AIML267
            port,
            None,
        )
        self.thread.start()


@app.post("/admin/logging")
def set_logging():
    dictConfig(request.get_json())  # want: AIML267
    return {"ok": True}


@app.post("/admin/logging/yaml")
def set_logging_yaml():
    logging.config.dictConfig(yaml.safe_load(request.data))  # want: AIML267
    return {"ok": True}


def pull_remote_config(url):
    cfg = json.loads(requests.get(url, timeout=5).text)
    logging.config.dictConfig(config=cfg)  # want: AIML267


@app.post("/admin/logging/ini")
def set_logging_ini():
    fileConfig(io.StringIO(request.form["ini"]))  # want: AIML267
    parser = configparser.ConfigParser()
    parser.read_string(request.form["ini"])
    fileConfig(parser, disable_existing_loggers=False)  # want: AIML267
    return {"ok": True}
