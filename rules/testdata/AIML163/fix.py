# Guidance-only rule: the source is unchanged, each finding carries prose.
import bentoml
import numpy as np
from sklearn.preprocessing import MinMaxScaler


@bentoml.service
class Normalizer:
    def __init__(self):
        self.scaler = MinMaxScaler()

    @bentoml.api
    def observe(self, rows: list) -> dict:
        self.scaler.partial_fit(np.asarray(rows))  # want: AIML163
        return {"ok": True}
