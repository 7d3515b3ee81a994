# Spec example (silent), then look-alikes that must not fire.
import numpy as np
from sklearn.inspection import permutation_importance

result = permutation_importance(model, X_val, y_val, n_repeats=10, random_state=42)

# A variable seed, a RandomState, a Generator.
SEED = 7
seeded = permutation_importance(model, X_val, y_val, random_state=SEED)
rs = permutation_importance(model, X_val, y_val, random_state=np.random.RandomState(0))
gen = permutation_importance(model, X_val, y_val, random_state=np.random.default_rng(1))


# Options through **kwargs may carry the seed.
def importances(model, X, y, **opts):
    return permutation_importance(model, X, y, **opts)


# Other libraries' permutation importance.
from eli5.sklearn import PermutationImportance
from mylib import permutation_importance as own_pi

perm = PermutationImportance(model).fit(X_val, y_val)
own = own_pi(model, X_val, y_val)
