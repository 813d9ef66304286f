"""Values stage: quantities with qualifiers, dates normalized against publication."""
