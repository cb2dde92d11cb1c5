"""The contracts the stages share, below every stage.

`plan` (sampled chains, conversation plans, argument sources, the generator's state), `record` (the
typed JSONL record and its one serialisation), `paths` (paths into a tool output), `equality` (the
one value equality), `atomic` (the one atomic file write). A stage imports earlier stages and this
layer; this layer imports only `datagen.registry.models` (the normalised schema), never a stage.
"""
