"""Settings for Commons, one module per environment; every value comes from the environment."""
