from sklearn.inspection import permutation_importance

result = permutation_importance(model, X_val, y_val, n_repeats=10)  # want: AIML190
explicit = permutation_importance(model, X_val, y_val, random_state=None)  # want: AIML190
multi = permutation_importance(  # want: AIML190
    model,
    X_val,
    y_val,
    n_repeats=30,  # more repeats, tighter intervals
)
bare = permutation_importance(  # want: AIML190
    model, X_val, y_val
)
