"""The search index (Elasticsearch or the database fallback) and the search views."""
