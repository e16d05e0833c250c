import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Customer

GSTIN_RE = re.compile(r"^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$")


def valid_gstin(gstin: str | None) -> bool:
    return gstin is None or bool(GSTIN_RE.match(gstin))


def create_customer(session: Session, name: str, email: str, gstin: str | None = None) -> Customer:
    if not valid_gstin(gstin):
        raise ValueError("invalid GSTIN")
    customer = Customer(name=name.strip(), email=email.lower(), gstin=gstin)
    session.add(customer)
    session.commit()
    return customer


def find_by_email(session: Session, email: str) -> Customer | None:
    return session.scalar(select(Customer).where(Customer.email == email.lower()))
