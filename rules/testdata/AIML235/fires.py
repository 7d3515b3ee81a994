# Spec example (fires), then variants.
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


# Bare @serve.batch on a module-level function, module-level vectorizer, .fit.
from sklearn.feature_extraction.text import TfidfVectorizer

VECTORIZER = TfidfVectorizer()
clf = load_model()


@serve.batch
async def classify(texts):
    VECTORIZER.fit(texts)  # want: AIML235
    return clf.predict(VECTORIZER.transform(texts)).tolist()


# ray.serve.batch spelled through `import ray`; partial_fit of IncrementalPCA.
import ray
from sklearn.decomposition import IncrementalPCA


class Projector:
    def __init__(self):
        self.pca = IncrementalPCA(n_components=8)

    @ray.serve.batch(max_batch_size=16, batch_wait_timeout_s=0.05)
    async def handle(self, vectors):
        self.pca.partial_fit(np.asarray(vectors))  # want: AIML235
        return self.pca.transform(np.asarray(vectors)).tolist()


# BentoML service API with batchable=True; a scaler built in the handler.
import bentoml
from sklearn.preprocessing import MinMaxScaler


@bentoml.service
class BentoScorer:
    def __init__(self):
        self.model = load_model()

    @bentoml.api(batchable=True)
    def predict(self, inputs: np.ndarray) -> np.ndarray:
        scaled = MinMaxScaler().fit_transform(inputs)  # want: AIML235
        return self.model.predict(scaled)


# Legacy bentoml.Service with svc.api(..., batchable=True), multi-line call.
import sklearn.impute as impute
from bentoml.io import NumpyNdarray

svc = bentoml.Service("imputer")
IMPUTER = impute.SimpleImputer(strategy="mean")


@svc.api(input=NumpyNdarray(), output=NumpyNdarray(), batchable=True)
def impute_batch(arr):
    filled = IMPUTER.fit_transform(  # want: AIML235
        arr,
    )
    return clf.predict(filled)


# umap.UMAP on a batch.
import umap


@serve.deployment
class Embedder:
    def __init__(self):
        self.reducer = umap.UMAP(n_components=2)

    @serve.batch(max_batch_size=64)
    async def __call__(self, rows):
        return self.reducer.fit_transform(np.stack(rows)).tolist()  # want: AIML235
