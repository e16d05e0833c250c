import os

import pytest

from app import create_app


@pytest.fixture
def app():
    return create_app({"DATABASE_URL": os.environ.get("TEST_DATABASE_URL", "postgresql+psycopg://localhost/invoices_test"), "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()
