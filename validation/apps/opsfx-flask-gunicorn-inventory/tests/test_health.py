def test_health_reports_ok(client):
    res = client.get("/healthz")
    assert res.status_code == 200
