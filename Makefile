# One entry point. `make run` and `make test` set everything up on a fresh machine with Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test fuzz eval bench setup clean lock topic-model

setup: $(STAMP)

# Pinned install from the lock file, then the project itself without resolving anything again.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/mmtrack demo

test: $(STAMP)
	$(BIN)/python -m pytest

# Random property testing (issue 20): the same properties as `make test`, random seeds, FUZZ_EXAMPLES each
# (20,000 by default). A failure it finds is fixed and kept as a table case in the ordinary tests.
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_properties.py -q -p no:randomly

eval: $(STAMP)
	$(BIN)/python -m bench.eval

bench: $(STAMP)
	$(BIN)/python -m bench.run_all

# Retrain the topic veto (seeds/topic_model.json) on the real set's English dev half; needs the text cache.
topic-model: $(STAMP)
	$(BIN)/python -m bench.train_topic_model

# Re-pin the whole tree after changing a dependency in pyproject.toml.
lock:
	rm -rf /tmp/mmtrack-lock && $(PYTHON) -m venv /tmp/mmtrack-lock
	/tmp/mmtrack-lock/bin/pip install --quiet -e '.[test]'
	/tmp/mmtrack-lock/bin/pip freeze --exclude-editable > requirements.lock

clean:
	rm -rf $(VENV) data .pytest_cache
