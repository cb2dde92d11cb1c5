"""report stage: a self-contained HTML page about a generated dataset (`datagen report`)."""
