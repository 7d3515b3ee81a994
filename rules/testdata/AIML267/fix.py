import logging.config


def start_log_control():
    t = logging.config.listen(9030)  # want: AIML267
    t.daemon = True
    t.start()
    return t
