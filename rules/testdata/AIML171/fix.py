import numpy as np
from sklearn.preprocessing import StandardScaler, MinMaxScaler
from sklearn.model_selection import train_test_split

X = np.random.rand(100, 4)
y = np.random.randint(0, 2, 100)

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=1)
scaler = StandardScaler()
X_train_s = scaler.fit_transform(X_train)
X_test_s = scaler.fit_transform(X_test)  # want: AIML171

# Earlier fit() on the training name, keyword X=: safe rename.
mm = MinMaxScaler()
mm.fit(X_train)
X_test_m = mm.fit_transform(X=X_test)  # want: AIML171


# self attribute fitted earlier on a non-test name: safe rename.
class Prep:
    def __init__(self):
        self.scaler = StandardScaler()

    def run(self, X, y):
        X_tr, X_te, y_tr, y_te = train_test_split(X, y)
        self.scaler.fit(X_tr)
        return self.scaler.fit_transform(X_te)  # want: AIML171


# No earlier fit of this receiver: guidance only.
fresh = StandardScaler()
X_test_f = fresh.fit_transform(X_test)  # want: AIML171

# Receiver rebound since its fit: guidance only.
sc = StandardScaler()
sc.fit(X_train)
sc = StandardScaler()
X_test_r = sc.fit_transform(X_test)  # want: AIML171

# Earlier fit was on the test name itself: guidance only.
sc2 = StandardScaler()
sc2.fit(X_test)  # want: AIML171
X_test_2 = sc2.fit_transform(X_test)  # want: AIML171

# Chained constructor receivers are different objects: guidance only.
StandardScaler().fit(X_train)
X_test_c = StandardScaler().fit_transform(X_test)  # want: AIML171

# fit() of a model on the test split: guidance only.
from sklearn.linear_model import LogisticRegression

LogisticRegression().fit(X_test, y_test)  # want: AIML171


# A test set loaded from its own file, the scaler fitted on the training set: safe rename.
import pandas as pd

X_train_f = pd.read_csv("train.csv").values
X_test = pd.read_csv("test.csv").values
std = StandardScaler()
X_train_f = std.fit_transform(X_train_f)
X_test = std.fit_transform(X_test)  # want: AIML171


# The test part of a manual holdout, the scaler fitted on the head: safe rename.
def holdout(X, n):
    X_tr, X_te = X[:n], X[n:]
    sc3 = StandardScaler()
    X_tr = sc3.fit_transform(X_tr)
    X_te = sc3.fit_transform(X_te)  # want: AIML171
    return X_tr, X_te


# A validation set with no earlier fit of the receiver on training data: guidance.
def validation_only(X_val):
    sc4 = StandardScaler()
    return sc4.fit_transform(X_val)  # want: AIML171


# The earlier fit was on another conventional test name: guidance.
def fitted_on_validation(X_val, X_test):
    sc5 = StandardScaler()
    sc5.fit(X_val)  # want: AIML171
    return sc5.fit_transform(X_test)  # want: AIML171


# A second positional argument (y) on the tail of a holdout: guidance, though fitted on the head.
def other_tail(X, n):
    first = X[:n]
    sc6 = StandardScaler()
    sc6.fit(first)
    tail = X[n:]
    return sc6.fit_transform(tail, None)  # want: AIML171


# The earlier fit is in another branch, so it may not have run: guidance.
def branches(X_tr, X_test, training):
    sc7 = StandardScaler()
    if training:
        return sc7.fit_transform(X_tr)
    else:
        return sc7.fit_transform(X_test)  # want: AIML171


# The earlier fit ran in an enclosing block: safe rename.
def nested(X_tr, X_test, extra):
    sc8 = StandardScaler()
    sc8.fit(X_tr)
    if extra:
        return sc8.fit_transform(X_test)  # want: AIML171
    return None
