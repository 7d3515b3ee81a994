from datetime import timedelta

from feast import FeatureView, FileSource

driver_stats = FeatureView(  # want: AIML189
    name="driver_stats", entities=[driver], ttl=timedelta(days=1),
    source=FileSource(path="data/driver_stats.parquet", timestamp_field="event_timestamp"),
)
