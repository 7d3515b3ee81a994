import os

os.environ["MIOPEN_USER_DB_PATH"] = "/tmp/miopen-db"  # want: AIML208
os.environ.setdefault("MIOPEN_CUSTOM_CACHE_DIR", "/dev/shm/miopen")  # want: AIML208
os.environ.update({"MIOPEN_USER_DB_PATH": "/tmp/a", "MIOPEN_CUSTOM_CACHE_DIR": "/tmp/b"})  # want: AIML208
