# Unsafe edit where its preconditions hold (resample the training split /
# resample inside CV); every other form keeps the guidance and is unchanged.
import numpy as np
from imblearn.over_sampling import SMOTE, RandomOverSampler
from imblearn.under_sampling import RandomUnderSampler
from sklearn.model_selection import train_test_split, cross_val_score, cross_validate
from sklearn.linear_model import LogisticRegression

X = np.random.rand(100, 4)
y = np.random.randint(0, 2, 100)

# Spec example: resample all rows, then split (stratified on the resampled y).
X_res, y_res = SMOTE(random_state=0).fit_resample(X, y)  # want: AIML175
X_train, X_test, y_train, y_test = train_test_split(X_res, y_res, stratify=y_res, random_state=0)


def named_sampler(features, labels):
    rus = RandomUnderSampler(random_state=1)
    [Xu, yu] = rus.fit_resample(features, labels)  # want: AIML175
    Xu_tr, Xu_te, yu_tr, yu_te = train_test_split(Xu, yu, test_size=0.3)
    return Xu_tr, Xu_te, yu_tr, yu_te


def same_names(X, y):
    X, y = RandomOverSampler().fit_resample(X, y)  # want: AIML175
    X_tr, X_te, y_tr, y_te = train_test_split(X, y)
    return X_tr, X_te, y_tr, y_te


def cv_form(X, y):
    X_c, y_c = SMOTE().fit_resample(X, y)  # want: AIML175
    return cross_val_score(LogisticRegression(), X_c, y_c, cv=5)


def cv_keywords(X, y):
    X_k, y_k = SMOTE(k_neighbors=3).fit_resample(X, y)  # want: AIML175
    res = cross_validate(estimator=LogisticRegression(), X=X_k, y=y_k, scoring=["f1"])
    return res["test_f1"].mean()


# Guidance: only the resampled labels reach the split.
def labels_only(X, y):
    X_r, y_r = SMOTE().fit_resample(X, y)  # want: AIML175
    return train_test_split(X, y_r)


# Guidance: the resampled arrays are read again after the split.
def reused(X, y):
    X_r, y_r = SMOTE().fit_resample(X, y)  # want: AIML175
    X_tr, X_te, y_tr, y_te = train_test_split(X_r, y_r)
    return len(X_r), X_tr, X_te, y_tr, y_te


# Guidance: the training split is cross-validated afterwards.
def cv_after(X, y):
    X_r, y_r = SMOTE().fit_resample(X, y)  # want: AIML175
    X_tr, X_te, y_tr, y_te = train_test_split(X_r, y_r)
    return cross_val_score(LogisticRegression(), X_tr, y_tr), X_te, y_te


# Guidance: CV returns the fitted estimators, which would become pipelines.
def cv_estimators(X, y):
    X_r, y_r = SMOTE().fit_resample(X, y)  # want: AIML175
    return cross_validate(LogisticRegression(), X_r, y_r, return_estimator=True)


# Guidance: a self attribute sampler.
class Experiment:
    def __init__(self):
        self.sampler = SMOTE()

    def run(self, X, y):
        X_s, y_s = self.sampler.fit_resample(X, y)  # want: AIML175
        X_tr, X_te, y_tr, y_te = train_test_split(X_s, y_s)
        return X_tr, X_te, y_tr, y_te
