from flask import Blueprint, abort, jsonify, request

from app.db import get_session
from app.services.customers import create_customer
from app.services.invoices import create_invoice, mark_paid, outstanding

bp = Blueprint("api", __name__, url_prefix="/api")


def invoice_json(inv):
    return {
        "id": inv.id,
        "number": inv.number,
        "amount": str(inv.amount),
        "paid_at": inv.paid_at.isoformat() if inv.paid_at else None,
        "issued_on": inv.issued_on.isoformat(),
    }


@bp.post("/customers")
def add_customer():
    body = request.get_json(force=True)
    try:
        customer = create_customer(get_session(), body["name"], body["email"], body.get("gstin"))
    except (KeyError, ValueError) as exc:
        return jsonify(error=str(exc)), 400
    return jsonify(id=customer.id), 201


@bp.post("/customers/<int:customer_id>/invoices")
def add_invoice(customer_id: int):
    body = request.get_json(force=True)
    try:
        invoice = create_invoice(get_session(), customer_id, float(body["amount"]))
    except (KeyError, ValueError) as exc:
        return jsonify(error=str(exc)), 400
    return jsonify(invoice_json(invoice)), 201


@bp.get("/customers/<int:customer_id>/invoices/outstanding")
def list_outstanding(customer_id: int):
    return jsonify([invoice_json(i) for i in outstanding(get_session(), customer_id)])


@bp.post("/invoices/<int:invoice_id>/pay")
def pay(invoice_id: int):
    try:
        return jsonify(invoice_json(mark_paid(get_session(), invoice_id)))
    except LookupError:
        abort(404)
