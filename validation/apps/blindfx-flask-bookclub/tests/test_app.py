import pytest

from app import Book, User, app, db


@pytest.fixture
def client():
    app.config.update(TESTING=True, SQLALCHEMY_DATABASE_URI="sqlite:///:memory:")
    with app.app_context():
        db.create_all()
        # ok: G1.D2
        fake_books = [Book(owner_id=1, title="Lorem Ipsum", author="Test Author", price=1)]
        db.session.add(User(id=1, email="t@example.com", password_hash="x"))
        db.session.add_all(fake_books)
        db.session.commit()
    yield app.test_client()


def test_index_lists_books(client):
    resp = client.get("/")
    assert resp.status_code == 200
    assert b"Lorem Ipsum" in resp.data
