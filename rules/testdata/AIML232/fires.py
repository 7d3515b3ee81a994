# Spec example (fires), then variants.
import numpy as np


class ChurnModel:
    def predict(self, X, features_names=None):
        return self.clf.predict_proba(X)

    def send_feedback(self, features, feature_names, reward, truth, routing=None):
        self.clf.partial_fit(features, truth)  # want: AIML232


class KerasModel:
    def send_feedback(self, features, feature_names, reward, truth, routing=None):
        X = np.array(features)
        y = np.asarray(truth).reshape(-1)
        self.model.fit(X, y, epochs=1)  # want: AIML232
        self.model.train_on_batch(  # want: AIML232
            np.asarray(features),
            y,
        )


class Router:
    # A bandit router that learns from the reward alone.
    def send_feedback(self, features, feature_names, reward, truth, routing=None):
        arm = routing or 0
        self.bandits[arm].partial_fit([[1.0]], [reward])  # want: AIML232


class StreamingModel:
    def send_feedback(self, features, names, reward, truth):
        for x, y in zip(features, truth):
            self.clf.partial_fit([x], [y])  # want: AIML232
        labels = []
        labels += list(truth)
        self.clf.fit(X=features, y=labels)  # want: AIML232
        if (rows := np.array(features)) is not None:
            self.clf.partial_fit(rows, labels)  # want: AIML232


class TruthOnly:
    def send_feedback(self, features, feature_names, truth, routing=None):
        self.calibrator.fit(self.last_scores, truth)  # want: AIML232
