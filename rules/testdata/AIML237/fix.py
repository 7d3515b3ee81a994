# Guidance only: the finding carries prose, the code is unchanged.
import random

from fastapi import FastAPI

from moderation import lenient_model, strict_model

app = FastAPI()


@app.post("/moderate")
def moderate(text: str):
    model = random.choice([strict_model, lenient_model])  # want: AIML237
    return {"flagged": bool(model.predict([text])[0])}
