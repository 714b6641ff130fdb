"""The shared core: callback base and parser, step and prefix registries, errors, the staff guard."""
