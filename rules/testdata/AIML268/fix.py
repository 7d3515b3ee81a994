from alibi_detect.cd import KSDrift, MMDDrift


def nightly_check(x_ref, batch, logger):
    cd = KSDrift(x_ref, p_val=0.01)
    cd.predict(batch)  # want: AIML268
    logger.info("drift check finished for %d rows", len(batch))


def multi_line(x_ref, batch):
    cd = KSDrift(x_ref)
    cd.predict(  # want: AIML268
        batch,
        return_p_val=True,
    )  # run the check
    return None


def guidance_only(x_ref, batch):
    cd = MMDDrift(x_ref, backend="pytorch")
    cd.score(batch)  # want: AIML268
    if batch is not None: cd.predict(batch)  # want: AIML268
