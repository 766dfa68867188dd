"""reviewtui: run a review-and-assessment meeting (述职评议考核会) and record it to SQLite."""

# The one place the release is written: the package metadata reads it from here at build time
# (pyproject's [tool.hatch.version]), and everything at run time imports it. A literal costs
# nothing at start-up, unlike importlib.metadata, and holds in a frozen build without metadata.
__version__ = "0.3.1"
