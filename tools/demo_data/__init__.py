"""The pieces of tools/make_demo_data.py, which generates resources/demo/ from the
reference data beside the checkout."""

SEED = 440310  # every generated piece starts from it: the output is deterministic
