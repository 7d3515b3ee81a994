# Spec example (fires), then variants.
from sklearn.inspection import permutation_importance

result = permutation_importance(model, X_val, y_val, n_repeats=10)  # want: AIML190

# random_state=None explicitly.
explicit = permutation_importance(model, X_val, y_val, random_state=None)  # want: AIML190

# Module import and alias.
import sklearn.inspection
from sklearn.inspection import permutation_importance as pimp

by_module = sklearn.inspection.permutation_importance(model, X_val, y_val, scoring="roc_auc")  # want: AIML190
aliased = pimp(model, X_val, y_val)  # want: AIML190

# Multi-line call with a trailing comma.
multi = permutation_importance(  # want: AIML190
    model,
    X_val,
    y_val,
    n_repeats=30,
    n_jobs=-1,
)


# Inside a class method.
class Report:
    def importances(self, X, y):
        from sklearn import inspection

        return inspection.permutation_importance(self.model, X, y, n_repeats=5).importances_mean  # want: AIML190
