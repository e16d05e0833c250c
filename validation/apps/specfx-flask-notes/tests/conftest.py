import pytest
# ok: G1.D2
from faker import Faker

from app import create_app, db


@pytest.fixture
def fake():
    return Faker()


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    monkeypatch.setenv("DEMO_NOTES", "0")
    app = create_app()
    with app.app_context():
        db.create_all()
    return app.test_client()
