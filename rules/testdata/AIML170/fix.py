# Unsafe edit where its preconditions hold (split first / pipeline in CV);
# every other form keeps the guidance and is left unchanged.
import numpy as np
from sklearn.preprocessing import StandardScaler, MinMaxScaler
from sklearn.model_selection import train_test_split, cross_val_score, validation_curve
from sklearn.decomposition import PCA
from sklearn.feature_selection import SelectKBest
from sklearn.linear_model import LogisticRegression

X = np.random.rand(100, 4)
y = np.random.randint(0, 2, 100)

# Spec example: an inline scaler fitted on all rows, then split.
X_scaled = StandardScaler().fit_transform(X)  # want: AIML170
X_train, X_test, y_train, y_test = train_test_split(X_scaled, y, test_size=0.2, random_state=7)


def named_scaler(frame, labels):
    mm = MinMaxScaler(feature_range=(0, 1))
    scaled = mm.fit_transform(frame)  # want: AIML170
    labels = labels.astype(int)
    tr, te, ytr, yte = train_test_split(scaled, labels, random_state=0)
    return mm, tr, te, ytr, yte


def selector_with_y(X, y):
    X_sel = SelectKBest(k=2).fit_transform(X, y)  # want: AIML170
    X_tr, X_te, y_tr, y_te = train_test_split(X_sel, y, stratify=y)
    return X_tr, X_te, y_tr, y_te


def same_name(X, y):
    X = StandardScaler().fit_transform(X)  # want: AIML170
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25)
    return X_tr, X_te


def cv_inline(X, y):
    X_pca = PCA(n_components=2).fit_transform(X)  # want: AIML170
    return cross_val_score(LogisticRegression(), X_pca, y, cv=5)


def cv_named_selector(X, y):
    sel = SelectKBest(k=3)
    X_sel = sel.fit_transform(X, y)  # want: AIML170
    scores = cross_val_score(estimator=LogisticRegression(), X=X_sel, y=y, scoring="roc_auc")
    return scores.mean()


# Guidance: the transformed array is read again after the split.
def reused(X, y):
    X_all = StandardScaler().fit_transform(X)  # want: AIML170
    X_tr, X_te, y_tr, y_te = train_test_split(X_all, y)
    return X_all.mean(), X_tr


# Guidance: the training part is split again (a validation split).
def nested(X, y):
    X_s = StandardScaler().fit_transform(X)  # want: AIML170
    X_tr, X_te, y_tr, y_te = train_test_split(X_s, y)
    X_fit, X_val, y_fit, y_val = train_test_split(X_tr, y_tr)
    return X_fit, X_val, X_te


# Guidance: the split's result is not unpacked into names.
def returned(X, y):
    X_s = StandardScaler().fit_transform(X)  # want: AIML170
    return train_test_split(X_s, y)


# Guidance: X is changed between the fit and the split.
def mutated(X, y):
    X_s = StandardScaler().fit_transform(X)  # want: AIML170
    X[:, 0] = 0.0
    X_tr, X_te, y_tr, y_te = train_test_split(X_s, y)
    return X_tr, X_te


# Guidance: the named scaler is used before the split.
def read_between(X, y):
    sc = StandardScaler()
    X_s = sc.fit_transform(X)  # want: AIML170
    print(sc.mean_)
    X_tr, X_te, y_tr, y_te = train_test_split(X_s, y)
    return X_tr, X_te


# Guidance: validation_curve's param_name names the bare model's parameter.
def curve(X, y):
    X_s = StandardScaler().fit_transform(X)  # want: AIML170
    return validation_curve(LogisticRegression(), X_s, y, param_name="C", param_range=[0.1, 1.0])


# Guidance: a custom scorer may read the bare model's attributes.
def custom_scorer(X, y):
    X_s = StandardScaler().fit_transform(X)  # want: AIML170
    return cross_val_score(LogisticRegression(), X_s, y, scoring=lambda est, a, b: est.coef_.sum())


# Guidance: fit, then transform of the same name (two statements).
def fit_then_transform(X, y):
    pca = PCA(n_components=2)
    pca.fit(X)  # want: AIML170
    X_p = pca.transform(X)
    return cross_val_score(LogisticRegression(), X_p, y)


# Guidance: a self attribute may be read by other methods.
class Experiment:
    def __init__(self):
        self.scaler = StandardScaler()

    def run(self, X, y):
        X_s = self.scaler.fit_transform(X)  # want: AIML170
        X_tr, X_te, y_tr, y_te = train_test_split(X_s, y)
        return X_tr, X_te


# Guidance: a column fitted on all rows, then the frame split.
def column_store(df):
    df["amount"] = StandardScaler().fit_transform(df[["amount"]])  # want: AIML170
    train_df, test_df = train_test_split(df, test_size=0.2)
    return train_df, test_df


# Guidance: the frame's selection is cross-validated.
def column_store_cv(df, cols):
    df[cols] = StandardScaler().fit_transform(df[cols])  # want: AIML170
    X_df = df.drop("y", axis=1)
    return cross_val_score(LogisticRegression(), X_df, df["y"])


# Guidance: a manual holdout is the split.
def manual_holdout(X):
    X_s = StandardScaler().fit_transform(X)  # want: AIML170
    n = int(0.8 * len(X_s))
    X_tr, X_te = X_s[:n], X_s[n:]
    return X_tr, X_te


# Guidance: train and test indices of one permutation.
def permuted(X):
    X_s = MinMaxScaler().fit_transform(X)  # want: AIML170
    perm = np.random.permutation(len(X_s))
    tr, te = perm[:80], perm[80:]
    X_tr, X_te = X_s[tr], X_s[te]
    return X_tr, X_te
