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
