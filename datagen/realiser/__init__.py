"""The optional Anthropic realiser: a model writes the turns and tool outputs over the offline structure."""
