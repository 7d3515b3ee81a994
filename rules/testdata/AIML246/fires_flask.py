import logging
from flask import Flask, request, current_app
from loguru import logger

app = Flask(__name__)
log = logging.getLogger("svc")


@app.route("/score", methods=["POST"])
def score():
    payload = request.get_json()
    app.logger.info("payload: %s", payload)  # want: AIML246
    log.debug(request.form)  # want: AIML246
    logger.info(f"raw {request.data!r}")  # want: AIML246
    current_app.logger.warning("values %s", request.values)  # want: AIML246
    return {"p": float(model.predict([payload["x"]])[0])}
