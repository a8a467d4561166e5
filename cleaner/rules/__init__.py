"""One module per rule, named ``<code>_<slug>.py``; the registry lists them in order."""
