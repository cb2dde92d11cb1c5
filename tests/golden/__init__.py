"""Golden files: the exact JSONL bytes of fixed small `generate` runs on `seed_data/`.

`tests/integration/test_golden.py` regenerates each run and compares it byte for byte with the file
here, so any change to the output shows up in review as a diff of these files. When a change of
output is intended, regenerate them deliberately (needs a Neo4j, found like every command finds it):

    python3 -m tests.golden.regen

then read the diff before committing it.
"""
