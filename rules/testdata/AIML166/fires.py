# Spec example (fires), then variants.
from transformers import AutoImageProcessor

processor = AutoImageProcessor.from_pretrained(
    "acme-labs/retina-prep",
    trust_remote_code=True,  # want: AIML166
)

# Module import, one line; revision that is a branch name, not a commit.
import transformers

proc = transformers.AutoProcessor.from_pretrained("acme/proc", revision="main", trust_remote_code=True)  # want: AIML166

# from-import with `as`; a short SHA is not a full commit pin.
from transformers import AutoFeatureExtractor as AFE
from transformers import AutoVideoProcessor

fe = AFE.from_pretrained("acme/audio-fe", trust_remote_code=(True), revision="4f1c2b0")  # want: AIML166
vp = AutoVideoProcessor.from_pretrained(
    "acme/video-prep",
    revision=None,
    trust_remote_code=True,  # want: AIML166
)

# The defining module's path and an alias of the class.
from transformers.models.auto.processing_auto import AutoProcessor

Loader = AutoProcessor
p2 = Loader.from_pretrained("acme/p2", trust_remote_code=True)  # want: AIML166


# Inside a class; revision from a variable is not a literal SHA.
class Featurizer:
    REV = "4f1c2b0e9d8a7c6b5a4f3e2d1c0b9a8f7e6d5c4b"

    def __init__(self, repo):
        self.proc = AutoImageProcessor.from_pretrained(
            repo, revision=self.REV,
            trust_remote_code=True)  # want: AIML166


# FastAPI and Flask handlers.
from fastapi import FastAPI
from flask import Flask

api = FastAPI()
web = Flask(__name__)


@api.get("/prep")
def prep():
    return str(transformers.AutoImageProcessor.from_pretrained("acme/x", trust_remote_code=True))  # want: AIML166


@web.route("/feat")
def feat():
    extractor = AFE.from_pretrained("acme/y",
                                    trust_remote_code=True,  # want: AIML166
                                    )
    return str(extractor)
