from transformers import AutoImageProcessor, AutoProcessor

processor = AutoImageProcessor.from_pretrained(
    "acme-labs/retina-prep",
    trust_remote_code=True,  # want: AIML166
)

proc = AutoProcessor.from_pretrained("acme/proc", trust_remote_code=(True))  # want: AIML166
