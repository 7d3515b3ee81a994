import logging
from fastapi import FastAPI
from .schemas import Applicant

logger = logging.getLogger(__name__)
app = FastAPI()


@app.post("/score")
def score(applicant: Applicant):
    logger.info("scoring %s", applicant.model_dump())  # want: AIML246
    return {"p": float(model.predict_proba([applicant.vector()])[0, 1])}
