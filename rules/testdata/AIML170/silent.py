# Spec example (silent), then look-alikes that must not fire.
import numpy as np
from sklearn.preprocessing import StandardScaler, OneHotEncoder, LabelEncoder, Normalizer, PolynomialFeatures
from sklearn.preprocessing import FunctionTransformer
from sklearn.model_selection import train_test_split, cross_val_score
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.linear_model import LogisticRegression

X = np.random.rand(100, 4)
y = np.random.randint(0, 2, 100)

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=7)
scaler = StandardScaler().fit(X_train)
X_train_s, X_test_s = scaler.transform(X_train), scaler.transform(X_test)

# Preprocessor inside a pipeline passed to CV.
cross_val_score(make_pipeline(StandardScaler(), LogisticRegression()), X, y, cv=5)
pipe = Pipeline([("scale", StandardScaler()), ("clf", LogisticRegression())])
cross_val_score(pipe, X, y)

# Stateless or label-only transformers.
X_oh = OneHotEncoder().fit_transform(X)
train_test_split(X_oh, y)
y_enc = LabelEncoder().fit_transform(y)
train_test_split(X, y_enc)
X_norm = Normalizer().fit_transform(X)
cross_val_score(LogisticRegression(), X_norm, y)
X_poly = PolynomialFeatures(2).fit_transform(X)
train_test_split(X_poly, y)
X_fn = FunctionTransformer(np.log1p).fit_transform(X)
train_test_split(X_fn, y)

# V reassigned before the split call.
X_s = StandardScaler().fit_transform(X)
X_s = np.asarray(X)
train_test_split(X_s, y)

# V passed transformed, not unchanged by name.
X_s2 = StandardScaler().fit_transform(X)
train_test_split(X_s2[:, :2], y)

# Scaled X only used as the estimator position or y of CV (not X).
X_s3 = StandardScaler().fit_transform(X)
cross_val_score(LogisticRegression(), X, X_s3[:, 0] > 0)

# transform of a different name than the one fitted.
sc = StandardScaler()
sc.fit(X_train)
X_all = sc.transform(X)
train_test_split(X_all, y)

# Untyped receiver: a name's type is never guessed.
X_u = some_scaler.fit_transform(X)
train_test_split(X_u, y)

# Name from a different scope: module-level V split inside a function.
X_mod = StandardScaler().fit_transform(X)


def split_later(y):
    return train_test_split(X_mod, y)


# Scaled inside a function, split at module level under the same name.
def prep(X):
    X_inner = StandardScaler().fit_transform(X)
    return X_inner


X_inner = prep(X)
train_test_split(X_inner, y)

# stratify= is not one of the split arrays.
X_s4 = StandardScaler().fit_transform(X)
train_test_split(X, y, stratify=X_s4[:, 0] > 0)


# --- Look-alikes of the notebook spellings ---
import pandas as pd
from sklearn.decomposition import PCA


# Fitting on the training slice of a manual holdout.
def fit_on_train_slice(X, n):
    X_train, X_test = X[:n], X[n:]
    sc = StandardScaler()
    X_train_s = sc.fit_transform(X_train)
    X_test_s = sc.transform(X_test)
    return X_train_s, X_test_s


# A column fitted on the training frame only, the test frame transformed.
def train_frame_only(train_df, test_df):
    sc = StandardScaler()
    train_df["amount"] = sc.fit_transform(train_df[["amount"]])
    test_df["amount"] = sc.transform(test_df[["amount"]])
    return train_df, test_df


# Column store after the split of the frame.
def store_after_split(df):
    train, test = train_test_split(df, test_size=0.2)
    train["x"] = StandardScaler().fit_transform(train[["x"]])
    return train, test


# Only a head slice (a preview), or head and tail with different bounds.
def preview(X):
    X_s = StandardScaler().fit_transform(X)
    head = X_s[:5]
    first, rest = X_s[:10], X_s[20:]
    return head, first, rest


# Head and tail slices that are not bound to names (plotting).
def plot_halves(X, n, plt):
    X_p = PCA(n_components=2).fit_transform(X)
    plt.scatter(X_p[:n, 0], X_p[:n, 1])
    plt.scatter(X_p[n:, 0], X_p[n:, 1])


# A window with both bounds is not a holdout.
def windows(X, i, bs):
    X_s = StandardScaler().fit_transform(X)
    batch = X_s[i : i + bs]
    nxt = X_s[i + bs :]
    return batch, nxt


# The bound is rebound between the head and the tail slice.
def rebound_bound(X):
    X_s = StandardScaler().fit_transform(X)
    n = 10
    a = X_s[:n]
    n = 20
    b = X_s[n:]
    return a, b


# Column store, then the frame rebound from a file before the split.
def frame_reloaded(df):
    df["x"] = StandardScaler().fit_transform(df[["x"]])
    df = pd.read_csv("raw.csv")
    return train_test_split(df)


# Column store of a stateless / label-only encoder.
def label_column(df):
    df["label"] = LabelEncoder().fit_transform(df["label"])
    return train_test_split(df)


# The scaled column is left out of the literal selection that is split.
def other_columns(df):
    df["amount_scaled"] = StandardScaler().fit_transform(df[["amount"]])
    X_raw = df[["amount", "age"]]
    return train_test_split(X_raw, df["y"])


# The scaled column is dropped before the split.
def dropped_column(df):
    df["z"] = StandardScaler().fit_transform(df[["z"]])
    return train_test_split(df.drop(columns=["z"]), df["y"])


# Index arrays that do not come from one split or permutation.
def unrelated_indices(X, a_idx, b_idx):
    X_s = StandardScaler().fit_transform(X)
    left = X_s[a_idx]
    right = X_s[b_idx]
    return left, right


# The column is stored into another frame than the one that is split.
def store_into_other_frame(df, other):
    other["x"] = StandardScaler().fit_transform(other[["x"]])
    return train_test_split(df)


# Fit on the training part's columns, the transform of another array's columns stored.
from sklearn.impute import SimpleImputer


def template_after_split(X, y):
    X_tr, X_te, y_tr, y_te = train_test_split(X, y)
    imputer = SimpleImputer(strategy="mean")
    imputer.fit(X_tr[:, 1:3])
    X_tr[:, 1:3] = imputer.transform(X_tr[:, 1:3])
    X_te[:, 1:3] = imputer.transform(X_te[:, 1:3])
    return X_tr, X_te


# The sliced name is rebound between the fit and the transform.
def template_rebound(X, y):
    imputer = SimpleImputer(strategy="mean")
    imputer.fit(X[:, 1:3])
    X = np.asarray(load_more())
    X[:, 1:3] = imputer.transform(X[:, 1:3])
    return train_test_split(X, y)
