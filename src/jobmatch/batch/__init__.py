"""Many documents: records in, the worker pool, outputs, and the Spark engine."""
