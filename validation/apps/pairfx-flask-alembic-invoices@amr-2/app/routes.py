"""HTTP API."""
from flask import Flask, jsonify, request

from app.db import db
from app.services.customers import CustomerService
from app.services.invoices import InvoiceService


def serialize(invoice):
    return dict(id=invoice.id, number=invoice.number, amount=invoice.amount, is_paid=invoice.is_paid, issued_on=invoice.issued_on.isoformat())


def register_routes(app: Flask) -> None:
    @app.errorhandler(ValueError)
    @app.errorhandler(KeyError)
    def bad_request(exc):
        return jsonify(error=str(exc)), 400

    @app.errorhandler(LookupError)
    def not_found(_exc):
        return jsonify(error="not found"), 404

    @app.post("/api/customers")
    def customers_create():
        payload = request.get_json(force=True)
        with db().transaction() as session:
            customer = CustomerService(session).register(payload["name"], payload["email"], payload.get("gstin"))
        return jsonify(id=customer.id), 201

    @app.post("/api/customers/<int:customer_id>/invoices")
    def invoices_create(customer_id: int):
        payload = request.get_json(force=True)
        with db().transaction() as session:
            invoice = InvoiceService(session).issue(customer_id, float(payload["amount"]))
        return jsonify(serialize(invoice)), 201

    @app.get("/api/customers/<int:customer_id>/invoices/outstanding")
    def invoices_outstanding(customer_id: int):
        with db().transaction() as session:
            return jsonify([serialize(i) for i in InvoiceService(session).unpaid_for(customer_id)])

    @app.post("/api/invoices/<int:invoice_id>/pay")
    def invoices_pay(invoice_id: int):
        with db().transaction() as session:
            return jsonify(serialize(InvoiceService(session).pay(invoice_id)))
