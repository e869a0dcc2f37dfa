"""ACLED-style event extraction from news text (issue 4). Entry point: extract_events / extract."""

from tasks.extract.events import extract, extract_events
from tasks.extract.model import EXTRACTOR_VERSION, Event, ExtractionResult, Figure

__all__ = ["EXTRACTOR_VERSION", "Event", "ExtractionResult", "Figure", "extract", "extract_events"]
