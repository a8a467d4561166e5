"""The only modules that import third-party extractors (justext, trafilatura)."""
