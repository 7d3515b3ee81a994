# Spec example (silent), then look-alikes that must not fire.
import numpy as np
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split, KFold
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score

X = np.random.rand(100, 4)
y = np.random.randint(0, 2, 100)

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=1)
scaler = StandardScaler()
X_train_s = scaler.fit_transform(X_train)
X_test_s = scaler.transform(X_test)

# TEST names only to transform / predict / score / metrics.
clf = LogisticRegression().fit(X_train_s, y_train)
pred = clf.predict(X_test_s)
proba = clf.predict_proba(scaler.transform(X_test))
acc = clf.score(X_test_s, y_test)
accuracy_score(y_test, pred)

# TRAIN names (even positions) to fit.
clf.fit(X_train, y_train)

# TEST name reassigned after the split.
X_test = scaler.transform(X_test)
clf.fit(X_test, y_train)

# Test array passed as a later keyword, not X=/y=.
clf.fit(X_train, y_train, sample_weight=y_test)

# A CV splitter loop is not tracked.
for tr, te in KFold(5).split(X):
    clf.fit(X[te], y[te])

# Unpacking that does not bind 2n names (not a train_test_split result shape).
a, b, c = train_test_split(X, y)[:3]
clf.fit(b, y_train)

# Splat arguments: the array count is unknown.
arrays = (X, y)
U_tr, U_te, V_tr, V_te = train_test_split(*arrays)
clf.fit(U_te, V_te)

# Names from a different scope.
G_tr, G_te = train_test_split(X)


def refit():
    clf.fit(G_te, y)


# Not a fitting method.
clf.set_params(C=1.0)
clf.decision_function(X_test_s)


# A sub-split of the training part (ensemble vs. linear training sets, from
# scikit-learn's plot_feature_transformation example): its second parts are
# training data, not the held-out test set.
def sub_split(X, y):
    X_full_train, X_test, y_full_train, y_test = train_test_split(X, y, test_size=0.5)
    X_train_ensemble, X_train_linear, y_train_ensemble, y_train_linear = train_test_split(
        X_full_train, y_full_train, test_size=0.5
    )
    rt_model = make_pipeline(RandomTreesEmbedding(), LogisticRegression())
    rt_model.fit(X_train_linear, y_train_linear)
    return rt_model.score(X_test, y_test)
