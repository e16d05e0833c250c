def test_customer_requires_email(client):
    res = client.post("/api/customers", json={"name": "Acme Traders"})
    assert res.status_code == 400


def test_invoice_rejects_negative_amount(client):
    res = client.post("/api/customers/1/invoices", json={"amount": -5})
    assert res.status_code == 400


def test_paying_unknown_invoice_is_404(client):
    assert client.post("/api/invoices/999999/pay").status_code == 404
