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
