"""English weekday and month names, listed once for every rule that must tell dates from names.

Spelled out here rather than read from the stdlib `calendar` module, whose names follow the
process locale: the analysis reads English text whatever the machine's locale is.
"""

from __future__ import annotations

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Month names that are also everyday words ('march', 'may'): never capitalised on sight alone.
MONTHS_ALSO_WORDS = frozenset({"March", "May"})
