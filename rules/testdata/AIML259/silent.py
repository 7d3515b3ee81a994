# Spec example (silent), then look-alikes.
import queue

from fastapi import FastAPI
from pydantic import BaseModel
from sklearn.linear_model import SGDClassifier
from sklearn.preprocessing import StandardScaler

app = FastAPI()
clf = SGDClassifier(loss="log_loss")
scaler = StandardScaler()
review_queue = queue.Queue()
TRAIN_X, TRAIN_Y = [[0.0]], [0]


class Example(BaseModel):
    features: list
    label: int


@app.post("/label")
def label(ex: Example):
    review_queue.put(ex.model_dump())
    return {"ok": True}


# Training data loaded server-side (not tainted).
@app.post("/refresh")
def refresh():
    clf.fit(TRAIN_X, TRAIN_Y)
    return {"ok": True}


# A per-request sandbox estimator that is not persisted.
@app.post("/cluster")
def cluster(ex: Example):
    local = SGDClassifier()
    local.fit([ex.features], [ex.label])
    return {"coef": local.coef_.tolist()}  # want: AIML250


# Preprocessor refits are the 2.1 rules' (PREPROCESSOR-CLASS).
@app.post("/scale")
def scale(ex: Example):
    scaler.partial_fit([ex.features])  # want: AIML163
    return {"ok": True}


# Offline job, not a handler.
def nightly(rows, labels):
    clf.partial_fit(rows, labels)


# Seldon send_feedback is AIML232's.
class Model:
    def send_feedback(self, features, feature_names, reward, truth, routing=None):
        clf.partial_fit(features, truth)  # want: AIML232


# An untyped receiver is AIML270's.
@app.post("/river")
def river(ex: Example, learner=None):
    learner.fit([ex.features], [ex.label])  # want: AIML270
    return {"ok": True}


# (b) optimising the request input itself (adversarial example), and a step
# without backward on request data.
import torch

net = torch.nn.Linear(4, 2)
optimizer = torch.optim.SGD(net.parameters(), lr=0.01)


@app.post("/attack")
def attack(ex: Example):
    x = torch.tensor([ex.features], requires_grad=True)
    opt = torch.optim.Adam([x], lr=0.1)
    loss = net(x).sum()
    loss.backward()
    opt.step()
    return {"x": x.tolist()}


@app.post("/warmup")
def warmup():
    loss = net(torch.zeros(1, 4)).sum()
    loss.backward()
    optimizer.step()
    return {"ok": True}


# Keras preprocessing utilities are not models.
from tensorflow.keras.preprocessing.image import ImageDataGenerator

datagen = ImageDataGenerator(featurewise_center=True)


@app.post("/augment")
def augment(ex: Example):
    datagen.fit(np_rows(ex.features))
    return {"ok": True}


def np_rows(rows):
    return rows
