"""One module per rule family; ALL is the order their findings are listed in."""

from trangxa.checks.rules import (budget, consultation, deadlines, freshness, leaders, notarising, notices, presence,
                                  quota, reception, references)

ALL = (presence, deadlines, notices, reception, budget, consultation, freshness, leaders, quota, references, notarising)
