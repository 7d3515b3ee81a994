# Spec example (fires), then variants.
import numpy as np
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split

X = np.random.rand(100, 4)
y = np.random.randint(0, 2, 100)

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=1)
scaler = StandardScaler()
X_train_s = scaler.fit_transform(X_train)
X_test_s = scaler.fit_transform(X_test)  # want: AIML171

# Training a model on the test split (y_test at positional 1).
from sklearn.linear_model import LogisticRegression

clf = LogisticRegression()
clf.fit(X_train, y_test)  # want: AIML171

# Module alias; keyword X=; partial_fit.
import sklearn.model_selection as ms
from sklearn.linear_model import SGDClassifier

A_tr, A_te = ms.train_test_split(X, random_state=0)
SGDClassifier().partial_fit(X=A_te, y=y[: len(A_te)], classes=[0, 1])  # want: AIML171


# Inside a function: from-import with alias, multi-line call, fit_predict.
from sklearn.model_selection import train_test_split as tts
from sklearn.cluster import KMeans


def cluster(data, labels):
    d_tr, d_te, l_tr, l_te = tts(data, labels)
    km = KMeans(n_clusters=2)
    return km.fit_predict(  # want: AIML171
        d_te,
    )


# Class method: three arrays split, y= keyword with the third array's test part.
class Trainer:
    def __init__(self):
        self.model = LogisticRegression()

    def train(self, X, y, w):
        X_tr, X_te, y_tr, y_te, w_tr, w_te = train_test_split(X, y, w)
        self.model.fit(X_tr, y=w_te)  # want: AIML171
        return self.model


# fit_resample of a sampler on the test split.
from imblearn.over_sampling import SMOTE

X_bal, y_bal = SMOTE().fit_resample(X_test, y_test)  # want: AIML171

# List pattern; the test part fitted by an untyped model (the method name is enough).
[P_tr, P_te] = train_test_split(X)
model.fit(P_te)  # want: AIML171

# fit_transform(X_test, y_test): y is passed, so the fix falls back to guidance.
from sklearn.feature_selection import SelectKBest

sel = SelectKBest(k=2)
sel.fit_transform(X_train, y_train)
sel.fit_transform(X_test, y_test)  # want: AIML171


# The test name rebound from its own refit: the argument is still the split's TEST name.
def refit_in_place(X, y):
    X_tr, X_te, y_tr, y_te = train_test_split(X, y)
    X_te = StandardScaler().fit_transform(X_te)  # want: AIML171
    return X_te


# --- Test sets that do not come from train_test_split ---
import pandas as pd

train_df = pd.read_csv("train.csv")
test_df = pd.read_csv("test.csv")
X_train = train_df.drop("label", axis=1)
X_test = test_df.drop("label", axis=1)
std = StandardScaler()
X_train = std.fit_transform(X_train)
X_test = std.fit_transform(X_test)  # want: AIML171


# A conventional test name as a parameter.
def evaluate(model, x_test, y):
    model.fit(x_test, y)  # want: AIML171
    return model


# A validation set loaded separately, fitted by a selector.
def select(X_val, y_val):
    sel2 = SelectKBest(k=3)
    return sel2.fit(X_val, y_val)  # want: AIML171


# The other conventional spellings.
def conventions(load):
    X_valid = load("valid")
    X_holdout = load("holdout")
    test_X = load("test")
    val_X = load("val")
    StandardScaler().fit_transform(X_valid)  # want: AIML171
    StandardScaler().fit(X=X_holdout)  # want: AIML171
    KMeans(n_clusters=3).fit_predict(test_X)  # want: AIML171
    StandardScaler().partial_fit(val_X)  # want: AIML171


# --- The test part of a manual holdout ---
def manual_holdout(X, y):
    n = int(0.8 * len(X))
    X_tr, X_te = X[:n], X[n:]
    mm2 = StandardScaler()
    mm2.fit_transform(X_tr)
    return mm2.fit_transform(X_te)  # want: AIML171


def iloc_holdout(df, n_test):
    train = df.iloc[:-n_test]
    test = df.iloc[-n_test:].copy()
    return StandardScaler().fit(test)  # want: AIML171


def inline_bound(X):
    head = X[: int(0.75 * len(X))]
    tail = X[int(0.75 * len(X)) :]
    return StandardScaler().fit_transform(tail), head  # want: AIML171


# A prefit calibrator fitted on the test set itself (not a validation set).
from sklearn.calibration import CalibratedClassifierCV


def calibrate_on_test(rf, X_test, y):
    cal = CalibratedClassifierCV(rf, cv="prefit")
    return cal.fit(X_test, y)  # want: AIML171
