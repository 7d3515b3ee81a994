import io
import pickle

import bentoml
import numpy as np
import torch


@bentoml.service
class Updater:
    @bentoml.api
    def load_delta(self, data: bytes) -> str:
        delta = torch.load(io.BytesIO(data))  # want: AIML230
        old = torch.load(io.BytesIO(data), weights_only=False)  # want: AIML230
        multi = torch.load(  # want: AIML230
            io.BytesIO(data),
            map_location="cpu",
        )
        arr = np.load(io.BytesIO(data), allow_pickle=True)  # want: AIML230
        obj = pickle.loads(data)  # want: AIML230
        return str((delta, old, multi, arr, obj))
