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
H_tr, H_te = train_test_split(X)
H_te = np.vstack([H_tr, H_te])
clf.fit(H_te, y)

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


# --- Look-alikes of the new TEST names ---
from sklearn.preprocessing import PolynomialFeatures


# Names that merely contain "test" (or "val") in another sense.
def not_test_sets(X, load):
    X_test_grid = np.linspace(0, 1, 50).reshape(-1, 1)
    latest = load("latest")
    X_testing = load("testing")
    val_score = load("scores")
    x_values = np.arange(10).reshape(-1, 1)
    StandardScaler().fit(X_test_grid)
    StandardScaler().fit(latest)
    StandardScaler().fit(X_testing)
    StandardScaler().fit(val_score)
    PolynomialFeatures(2).fit_transform(x_values)


# A conventional name from the module scope, not assigned in this function.
X_holdout = np.random.rand(10, 4)


def uses_module_holdout(model):
    model.fit(X_holdout)


# The validation set only in eval_set= / validation_data= (early stopping).
def early_stopping(model, X_tr, y_tr, X_val, y_val):
    model.fit(X_tr, y_tr, eval_set=[(X_val, y_val)])
    model.fit(X_tr, y_tr, validation_data=(X_val, y_val))
    return model.predict(X_val)


# Fitting on the head (training part) of a manual holdout.
def fit_on_head(X, n):
    X_tr, X_te = X[:n], X[n:]
    sc = StandardScaler()
    sc.fit_transform(X_tr)
    return sc.transform(X_te)


# A tail slice without the matching head slice, or with a different bound.
def tails_only(X, n):
    rest = X[n:]
    first = X[:10]
    others = X[20:]
    StandardScaler().fit(rest)
    return StandardScaler().fit(others), first


# Shifted sequences (inputs and next-step targets) are not a holdout.
def shifted(seq, model):
    inputs = seq[:-1]
    targets = seq[1:]
    return model.fit(inputs, targets)


# The tail part reassigned before the fit.
def tail_rebound(X, n):
    X_a, X_b = X[:n], X[n:]
    X_b = np.vstack([X_a, X_b])
    return StandardScaler().fit(X_b)


# A prefit model calibrated on a held-out validation set (scikit-learn's
# plot_calibration_multiclass example): the test set stays untouched.
from sklearn.calibration import CalibratedClassifierCV
from sklearn.ensemble import RandomForestClassifier


def calibrate(X):
    X_tr, y_tr = X[:600], y[:600]
    X_valid, y_valid = X[600:1000], y[600:1000]
    rf = RandomForestClassifier(n_estimators=25).fit(X_tr, y_tr)
    cal_clf = CalibratedClassifierCV(rf, method="sigmoid", cv="prefit")
    cal_clf.fit(X_valid, y_valid)
    return cal_clf
