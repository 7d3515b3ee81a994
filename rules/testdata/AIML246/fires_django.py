import logging
import django

logger = logging.getLogger(__name__)


def score(request):
    logger.info("body=%s", request.body)  # want: AIML246
    print(request.POST)  # want: AIML246
    return model.predict(request.POST["x"])
