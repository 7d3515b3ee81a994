from alibi_detect.cd import MMDDrift, KSDrift


def build_detector(x_ref):
    return MMDDrift(
        x_ref,
        backend="pytorch",
        p_val=0.05,
        update_x_ref={"reservoir_sampling": 1000},  # want: AIML262
    )


def univariate(x_ref, n):
    return KSDrift(x_ref, p_val=0.01, update_x_ref={"last": n})  # want: AIML262


def first(x_ref):
    return KSDrift(update_x_ref={"last": 100}, x_ref=x_ref)  # want: AIML262


def commented(x_ref):
    return KSDrift(
        x_ref,
        update_x_ref={"last": 100},  # follow recent traffic  # want: AIML262
        p_val=0.05,
    )


def multiline(x_ref):
    return KSDrift(
        x_ref,
        p_val=0.05,
        update_x_ref={  # want: AIML262
            "reservoir_sampling": 500,
        }
    )
