"""Many articles: the worker pool, the events table (the store, queries and linking come here too)."""
