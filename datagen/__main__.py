"""`python -m datagen` runs the same CLI as the `datagen` console script."""

from datagen.cli.main import main

if __name__ == "__main__":
    main()
