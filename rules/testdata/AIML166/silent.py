# Spec example (silent), then look-alikes that must not fire.
import transformers
from transformers import AutoImageProcessor, AutoModel, AutoTokenizer, AutoProcessor

processor = AutoImageProcessor.from_pretrained(
    "acme-labs/retina-prep",
    trust_remote_code=True,
    revision="4f1c2b0e9d8a7c6b5a4f3e2d1c0b9a8f7e6d5c4b",
)

# Upper-case hex is still a full commit SHA.
p1 = AutoProcessor.from_pretrained("acme/p", trust_remote_code=True, revision="4F1C2B0E9D8A7C6B5A4F3E2D1C0B9A8F7E6D5C4B")

# Absent or False.
p2 = AutoProcessor.from_pretrained("acme/p")
p3 = transformers.AutoFeatureExtractor.from_pretrained("acme/fe", trust_remote_code=False)

# Model and tokenizer loaders are out of scope for this rule.
m = AutoModel.from_pretrained("acme/m", trust_remote_code=True)
t = AutoTokenizer.from_pretrained("acme/m", trust_remote_code=True)

# Not a literal True (request-controlled values belong to AIML251).
TRUST = True
p4 = AutoProcessor.from_pretrained("acme/p", trust_remote_code=TRUST)
opts = {"trust_remote_code": True}
p5 = AutoProcessor.from_pretrained("acme/p", **opts)


# A local class with the same name is not transformers'.
class AutoVideoProcessor:
    @classmethod
    def from_pretrained(cls, name, **kw):
        return cls()


v = AutoVideoProcessor.from_pretrained("acme/v", trust_remote_code=True)

# Another method of the Auto class.
cfg = AutoProcessor.register("acme", object, trust_remote_code=True)
