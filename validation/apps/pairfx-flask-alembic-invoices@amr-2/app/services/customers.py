"""Customer records."""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Customer

GSTIN = re.compile(r"^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$")


@dataclass
class CustomerService:
    session: Session

    @staticmethod
    def gstin_ok(value: str | None) -> bool:
        return value is None or GSTIN.fullmatch(value) is not None

    def register(self, name: str, email: str, gstin: str | None = None) -> Customer:
        if not self.gstin_ok(gstin):
            raise ValueError("invalid GSTIN")
        customer = Customer(name=name.strip(), email=email.strip().lower(), gstin=gstin)
        self.session.add(customer)
        return customer

    def by_email(self, email: str) -> Customer | None:
        return self.session.scalars(select(Customer).where(Customer.email == email.strip().lower())).first()
