# fit_transform on self.<attr> becomes transform.
import numpy as np
from ray import serve
from sklearn.preprocessing import StandardScaler

from scoring.models import load_model


@serve.deployment
class Scorer:
    def __init__(self):
        self.scaler = StandardScaler()
        self.model = load_model()

    @serve.batch(max_batch_size=32)
    async def __call__(self, rows):
        X = self.scaler.fit_transform(np.stack(rows))  # want: AIML235
        return self.model.predict(X).tolist()


# Module-level transformer: renamed too.
from sklearn.feature_extraction.text import TfidfVectorizer

VECTORIZER = TfidfVectorizer()
clf = load_model()


@serve.batch
async def classify(texts):
    return clf.predict(VECTORIZER.fit_transform(texts)).tolist()  # want: AIML235


# Guidance: .fit, a transformer built in the handler, and an extra argument.
@serve.batch
async def guidance(rows):
    X = np.stack(rows)
    VECTORIZER.fit(X)  # want: AIML235
    a = StandardScaler().fit_transform(X)  # want: AIML235
    b = VECTORIZER.fit_transform(X, None)  # want: AIML235
    return [a, b]
