# Spec example (silent), then look-alikes that must not fire.
import warnings
import joblib
from sklearn.exceptions import InconsistentVersionWarning

warnings.filterwarnings("ignore", category=FutureWarning)
pipeline = joblib.load("artifacts/pipeline.joblib")

# Other actions.
warnings.filterwarnings("error", category=InconsistentVersionWarning)
warnings.simplefilter("always", InconsistentVersionWarning)
warnings.filterwarnings("default", category=InconsistentVersionWarning)

# Bare UserWarning, no category at all.
warnings.filterwarnings("ignore", category=UserWarning)
warnings.simplefilter("ignore")


# A local class with the same name is not scikit-learn's.
class InconsistentVersionWarning2(Warning):
    pass


warnings.filterwarnings("ignore", category=InconsistentVersionWarning2)


# Not the warnings module.
class Filters:
    def filterwarnings(self, *a, **k):
        pass


Filters().filterwarnings("ignore", category=InconsistentVersionWarning)

# Action from a variable (not the literal).
ACTION = "ignore"
warnings.filterwarnings(ACTION, category=InconsistentVersionWarning)
