from alibi_detect.cd import KSDrift, MMDDrift, MMDDriftOnline
import alibi_detect.cd as adcd
from alibi_detect.cd.pytorch.lsdd import LSDDDriftTorch

REF_DETECTOR = adcd.TabularDrift(load_reference(), p_val=0.05)


def nightly_check(x_ref, batch, logger):
    cd = KSDrift(x_ref, p_val=0.01)
    cd.predict(batch)  # want: AIML268
    logger.info("drift check finished for %d rows", len(batch))


def scores(x_ref, batch):
    cd = MMDDrift(x_ref, backend="pytorch")
    cd.score(batch)  # want: AIML268
    return None


class DriftJob:
    def __init__(self, x_ref):
        self.detector = MMDDriftOnline(x_ref, ert=300, window_size=20)

    def step(self, x_t):
        self.detector.predict(x_t)  # want: AIML268

    async def astep(self, x_t):
        await self.detector.predict(x_t)  # want: AIML268


def module_level(batch):
    REF_DETECTOR.predict(  # want: AIML268
        batch,
        return_p_val=True,
    )


def chained(x_ref, batch):
    KSDrift(x_ref).predict(batch)  # want: AIML268
    (LSDDDriftTorch(x_ref).predict(batch))  # want: AIML268
