"""Invoice numbering and lifecycle."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Invoice, InvoiceCounter


def financial_year(day: dt.date) -> str:
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}-{str(start + 1)[-2:]}"


def format_number(fy: str, value: int) -> str:
    return f"INV-{fy}-{value:04d}"


@dataclass
class InvoiceService:
    session: Session
    gst_rate: float = 0.18

    def next_number(self, day: dt.date) -> str:
        fy = financial_year(day)
        counter = self.session.get(InvoiceCounter, fy, with_for_update=True)
        if counter is None:
            counter = InvoiceCounter(financial_year=fy, last_value=0)
            self.session.add(counter)
        counter.last_value += 1
        return format_number(fy, counter.last_value)

    def gross(self, amount: float) -> float:
        return round(amount * (1 + self.gst_rate), 2)

    def issue(self, customer_id: int, amount: float, on: dt.date | None = None) -> Invoice:
        if amount <= 0:
            raise ValueError("amount must be positive")
        day = on or dt.date.today()
        invoice = Invoice(number=self.next_number(day), customer_id=customer_id, amount=self.gross(amount), issued_on=day)
        self.session.add(invoice)
        return invoice

    def unpaid_for(self, customer_id: int) -> list[Invoice]:
        query = select(Invoice).where(Invoice.customer_id == customer_id, Invoice.is_paid.is_(False)).order_by(Invoice.number)
        return list(self.session.scalars(query))

    def pay(self, invoice_id: int) -> Invoice:
        invoice = self.session.get(Invoice, invoice_id)
        if invoice is None:
            raise LookupError(invoice_id)
        invoice.is_paid = True
        return invoice
