import joblib


def load_preprocessor():
    return joblib.load("/tmp/feature_scaler.joblib")  # want: AIML174
