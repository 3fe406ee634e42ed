"""newstrace: reads news the way a careful fact-checker does and writes down what it found.

>>> import newstrace
>>> analysis = newstrace.analyze("article.txt", published="2024-03-23")
>>> print(analysis.to_json())
"""

from .errors import InputError
from .model import Analysis
from .settings import Settings

__all__ = ["analyze", "analyze_many", "Analysis", "InputError", "Settings"]
__version__ = "0.1.0"


def __getattr__(name: str):
    # The pipeline imports spaCy, which takes seconds: load it only when an analysis is asked for,
    # so `newstrace --help` and input errors answer at once.
    if name in ("analyze", "analyze_many"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'newstrace' has no attribute {name!r}")
