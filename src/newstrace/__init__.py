"""newstrace: reads news the way a careful fact-checker does and writes down what it found.

    >>> import newstrace
    >>> analysis = newstrace.analyze("article.txt", published="2024-03-23")
    >>> print(analysis.to_json())
"""
from .api import analyze, analyze_many
from .errors import InputError
from .model import Analysis
from .settings import Settings

__all__ = ["analyze", "analyze_many", "Analysis", "InputError", "Settings"]
__version__ = "0.1.0"
