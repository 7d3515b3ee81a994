# Spec example (fires), then variants.
import numpy as np
from imblearn.over_sampling import SMOTE
from sklearn.model_selection import train_test_split

X = np.random.rand(100, 4)
y = np.random.randint(0, 2, 100)

X_res, y_res = SMOTE(random_state=0).fit_resample(X, y)  # want: AIML175
X_train, X_test, y_train, y_test = train_test_split(X_res, y_res, stratify=y_res, random_state=0)

# Module alias for model_selection; sampler bound to a local name; only y_res split.
import sklearn.model_selection as ms
from imblearn.under_sampling import RandomUnderSampler as RUS

rus = RUS(random_state=1)
X_u, y_u = rus.fit_resample(X, y)  # want: AIML175
parts = ms.train_test_split(X, y_u)

# Combined sampler, then cross_val_score with positional X.
from imblearn.combine import SMOTEENN
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score

X_c, y_c = SMOTEENN().fit_resample(X, y)  # want: AIML175
scores = cross_val_score(LogisticRegression(), X_c, y_c, cv=5)


# Inside a function: module import of over_sampling, multi-line call, y= keyword.
from imblearn import over_sampling
from sklearn.model_selection import cross_validate as cv_all


def evaluate(frame, labels):
    Xa, ya = over_sampling.ADASYN(
        random_state=0,
    ).fit_resample(  # want: AIML175
        frame,
        labels,
    )
    return cv_all(LogisticRegression(), frame, y=ya)


# Class method: sampler on a self attribute, cross_val_predict with X=.
import imblearn.under_sampling as us
from sklearn.model_selection import cross_val_predict


class Experiment:
    def __init__(self):
        self.sampler = us.NearMiss()

    def run(self, X, y):
        Xn, yn = self.sampler.fit_resample(X, y)  # want: AIML175
        return cross_val_predict(LogisticRegression(), X=Xn, y=y)


# List-pattern unpacking; resampled y at positional 2 of cross_val_score.
[Xr, yr] = SMOTE().fit_resample(X, y)  # want: AIML175
cross_val_score(LogisticRegression(), X, yr)

# Parenthesised target tuple; another over-sampler.
from imblearn.over_sampling import RandomOverSampler

(Xo, yo) = RandomOverSampler().fit_resample(X, y)  # want: AIML175
train_test_split(Xo, yo, test_size=0.3)


# The resampled result rebinds the original names before CV.
def rebind(X, y):
    X, y = SMOTE().fit_resample(X, y)  # want: AIML175
    return cross_val_score(LogisticRegression(), X, y)
