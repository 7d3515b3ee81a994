# Spec example (silent), then look-alikes that must not fire.
class ChurnModel:
    def send_feedback(self, features, feature_names, reward, truth, routing=None):
        self.feedback_queue.put({"x": features, "y": truth, "reward": reward})


class Recorder:
    def send_feedback(self, features, feature_names, reward, truth, routing=None):
        # Records feedback and updates metrics; trains only on stored, reviewed data.
        self.buffer.append((features, truth))
        self.reward_total += reward
        self.clf.fit(self.reviewed_X, self.reviewed_y)
        self.scheduler.fit(self.window, epochs=len(truth))
        self.vectorizer.fit(feature_names)


class NoFeedbackParams:
    # Not Seldon's signature: no reward/truth parameters.
    def send_feedback(self, features, labels):
        self.clf.fit(features, labels)


class Trainer:
    # Training outside send_feedback is not this rule.
    def retrain(self, features, truth):
        self.clf.partial_fit(features, truth)


def send_feedback(features, feature_names, reward, truth):
    # A module-level function is not a Seldon model method.
    MODEL.partial_fit(features, truth)


MODEL = None
