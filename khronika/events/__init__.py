"""Events stage: PLOVER records from the language and values layers."""
