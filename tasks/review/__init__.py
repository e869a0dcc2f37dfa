"""Analysts' review (issue 17): corrections as data, anchored to survive reprocessing (store.py), the
fields they may change (fields.py), the CSV round trip (sheet.py) and what `mmtrack review` shows (show.py).
Plain Python: no Prefect import."""
