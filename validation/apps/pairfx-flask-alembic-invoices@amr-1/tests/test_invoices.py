from datetime import datetime, timezone

import pytest

from app.services.invoices import mark_paid, new_number, with_gst


class FakeSession:
    def __init__(self, invoice):
        self.invoice = invoice
        self.commits = 0

    def get(self, _model, invoice_id):
        return self.invoice if invoice_id == 1 else None

    def commit(self):
        self.commits += 1


class Stub:
    paid_at = None


def test_gst_is_added():
    assert with_gst(1000) == 1180.0


def test_gst_rounds_to_paise():
    assert with_gst(99.99) == 117.99


def test_numbers_are_unique():
    assert len({new_number() for _ in range(500)}) == 500


def test_numbers_have_prefix():
    assert new_number().startswith("INV-")


def test_mark_paid_records_when():
    when = datetime(2024, 3, 5, 9, 30, tzinfo=timezone.utc)
    invoice = mark_paid(FakeSession(Stub()), 1, when)
    assert invoice.paid_at == when


def test_mark_paid_keeps_first_payment_time():
    first = datetime(2024, 3, 5, tzinfo=timezone.utc)
    stub = Stub()
    stub.paid_at = first
    assert mark_paid(FakeSession(stub), 1).paid_at == first


def test_mark_paid_unknown_invoice():
    with pytest.raises(LookupError):
        mark_paid(FakeSession(Stub()), 2)
