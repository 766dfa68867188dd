"""reviewtui: run a review-and-assessment meeting (述职评议考核会) and record it to SQLite."""

__version__ = "0.1.0"
