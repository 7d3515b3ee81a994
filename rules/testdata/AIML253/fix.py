import requests
import tensorflow as tf


def refresh_model(url):
    blob = requests.get(url, timeout=30).content
    return tf.lite.Interpreter(model_content=blob)  # want: AIML253


def refresh_resp(url):
    resp = requests.get(url, timeout=30)
    interp = tf.lite.Interpreter(model_content=resp.content)  # want: AIML253
    interp.allocate_tensors()
    return interp


# Inline download: guidance (no name to check).
def inline(url):
    return tf.lite.Interpreter(model_content=requests.get(url, timeout=30).content)  # want: AIML253
