from datetime import date
from uuid import uuid4

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Invoice

GST_RATE = 0.18


def new_number() -> str:
    return f"INV-{uuid4().hex[:8].upper()}"


def with_gst(amount: float) -> float:
    return round(amount * (1 + GST_RATE), 2)


def create_invoice(session: Session, customer_id: int, amount: float, issued_on: date | None = None) -> Invoice:
    if amount <= 0:
        raise ValueError("amount must be positive")
    invoice = Invoice(number=new_number(), customer_id=customer_id, amount=with_gst(amount), issued_on=issued_on or date.today())
    session.add(invoice)
    session.commit()
    return invoice


def outstanding(session: Session, customer_id: int) -> list[Invoice]:
    stmt = select(Invoice).where(Invoice.customer_id == customer_id, Invoice.is_paid.is_(False)).order_by(Invoice.issued_on)
    return list(session.scalars(stmt))


def mark_paid(session: Session, invoice_id: int) -> Invoice:
    invoice = session.get(Invoice, invoice_id)
    if invoice is None:
        raise LookupError(invoice_id)
    invoice.is_paid = True
    session.commit()
    return invoice
