# marsad — the two commands of the quickstart are `make demo` and `make test`.
# Each works on a fresh clone: the .venv is created and filled when missing.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO_DB ?= demo/out/marsad-demo.db

.PHONY: install demo serve test bench bench-api basemap eval clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p $(dir $(DEMO_DB))
	$(BIN)/marsad run demo/corpus --db $(DEMO_DB)
	$(BIN)/marsad stats --db $(DEMO_DB)
	@echo
	@echo "Demo database: $(DEMO_DB)"
	@echo "  dashboard: make serve   (or $(BIN)/marsad serve --db $(DEMO_DB)), then open http://127.0.0.1:8000/"
	@echo "  export:    $(BIN)/marsad export --db $(DEMO_DB) --table events --format csv"

serve: $(STAMP)
	$(BIN)/marsad serve --db $(DEMO_DB)

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py --spacy-docs 1000 --extract-docs 1000

bench-api: $(STAMP)
	$(BIN)/python benchmarks/bench_api.py --json benchmarks/out/api.json

basemap: $(STAMP)
	$(BIN)/python -m marsad.dashboard.build_basemap

eval: $(STAMP)
	$(BIN)/python eval/segmentation.py
	$(BIN)/python eval/dedup.py
	$(BIN)/python eval/geoparse.py --corpus both
	$(BIN)/python eval/events.py
	$(BIN)/python eval/seed_events.py
	$(BIN)/python eval/fatalities.py --gold eval/gold/fatalities_heldout.jsonl
	$(BIN)/python eval/claims.py --gold eval/gold/claims_heldout.jsonl

clean:
	rm -rf $(VENV) demo/out benchmarks/out eval/out .pytest_cache
