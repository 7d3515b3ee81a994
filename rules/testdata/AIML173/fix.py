# Spec example (fires), then variants.
import warnings
import joblib
from sklearn.exceptions import InconsistentVersionWarning

warnings.filterwarnings("ignore", category=InconsistentVersionWarning)  # want: AIML173
pipeline = joblib.load("artifacts/pipeline.joblib")

# Module alias, positional category of simplefilter.
import warnings as w
import sklearn.exceptions as skx

w.simplefilter("ignore", skx.InconsistentVersionWarning)  # want: AIML173

# from-import of the function, keyword action, multi-line call.
from warnings import filterwarnings

filterwarnings(
    action='ignore',  # want: AIML173
    category=InconsistentVersionWarning,
)

# Positional category of filterwarnings (index 2).
warnings.filterwarnings("ignore", "", InconsistentVersionWarning)  # want: AIML173


# Inside a class method.
class Loader:
    def load(self, path):
        warnings.simplefilter("ignore", category=InconsistentVersionWarning)  # want: AIML173
        return joblib.load(path)


# Inside a function, with an alias of the warning class.
from sklearn.exceptions import InconsistentVersionWarning as IVW


def quiet():
    warnings.filterwarnings("ignore", category=IVW)  # want: AIML173
