"""sampler stage."""
