import os

import pytest

os.environ.setdefault("SECRET_KEY", "test")
os.environ.setdefault("DATABASE_URL", "sqlite://")

from app import app as flask_app  # noqa: E402
from notes.models import db  # noqa: E402


@pytest.fixture
def client():
    with flask_app.app_context():
        db.create_all()
        yield flask_app.test_client()
        db.drop_all()
