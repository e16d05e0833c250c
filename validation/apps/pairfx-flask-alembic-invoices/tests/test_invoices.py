import pytest

from app.services.invoices import new_number, with_gst


def test_gst_is_added():
    assert with_gst(1000) == 1180.0


def test_gst_rounds_to_paise():
    assert with_gst(99.99) == 117.99


def test_numbers_are_unique():
    assert len({new_number() for _ in range(500)}) == 500


def test_numbers_have_prefix():
    assert new_number().startswith("INV-")
