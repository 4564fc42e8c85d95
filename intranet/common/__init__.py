"""Dependency-free helpers every layer may import (signals between apps, safe CSV)."""
