"""evaluator stage."""
