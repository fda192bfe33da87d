"""ClusterConfig is validated when built: zero, negative and out-of-range values are errors."""

from __future__ import annotations

import math

import pytest

from newsprism.cluster.config import ClusterConfig
from newsprism.errors import NewsprismError


@pytest.mark.parametrize(
    "values",
    [
        {"day_penalty": 0},
        {"day_penalty": -0.1},
        {"threshold": 0},
        {"threshold": 1.5},
        {"threshold": math.nan},
        {"dedup_threshold": 0},
        {"num_perm": 0},
        {"num_perm": 64.0},
        {"reorder": -1},
        {"semantic_weight": 2},
        {"max_tokens": True},
        {"semantic": "yes"},
    ],
)
def test_out_of_range_values_are_config_errors(values: dict[str, object]) -> None:
    with pytest.raises(NewsprismError) as err:
        ClusterConfig(**values)  # type: ignore[arg-type]
    assert err.value.code == "config-invalid"
    assert next(iter(values)) in err.value.message


def test_defaults_and_edges_are_valid() -> None:
    assert ClusterConfig().window > 0
    assert ClusterConfig(threshold=1.0, day_penalty=1.0, reorder=0, persistence=0).window == 0
