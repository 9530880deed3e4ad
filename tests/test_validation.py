import math

import numpy as np
import pytest

from utils.validation import check_nonempty, check_positive, check_probability, check_range


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_values_are_rejected_by_name(bad):
    with pytest.raises(ValueError, match=r"^churn must be a finite number, got (nan|inf|-inf)\.$"):
        check_range(bad, "churn", 0, 1)


def test_error_names_parameter_value_and_range():
    with pytest.raises(ValueError, match=r"^p_zero must be in \[0, 1\], got 1\.3\.$"):
        check_probability(1.3, "p_zero")


def test_open_bounds_are_shown_with_parentheses():
    with pytest.raises(ValueError, match=r"^price must be in \(0, inf\), got 0\.$"):
        check_positive(0, "price")


def test_arrays_report_the_first_bad_element():
    with pytest.raises(ValueError, match="an array containing -2"):
        check_range(np.array([1.0, -2.0, -3.0]), "amounts", 0)


def test_words_are_rejected_as_numbers():
    with pytest.raises(ValueError, match=r"^price must be a number, got 'cheap'\.$"):
        check_positive("cheap", "price")


def test_empty_sequence_is_rejected():
    with pytest.raises(ValueError, match="amounts must be a non-empty sequence"):
        check_nonempty([], "amounts")


def test_valid_input_comes_back_as_float_array():
    result = check_range([0.0, 0.5, 1.0], "share", 0, 1)
    assert result.dtype == float and result.tolist() == [0.0, 0.5, 1.0]
