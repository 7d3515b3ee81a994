from poptorch import Options


def build():
    opts = Options()
    opts.enableExecutableCaching("/tmp/exe")  # want: AIML210
    return opts
