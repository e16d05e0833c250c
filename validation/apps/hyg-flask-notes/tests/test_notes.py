import pytest
from marshmallow import ValidationError

from notes.schemas import NoteSchema


# ok: G2.D6
def test_signup_creates_user(client):
    resp = client.post("/api/signup", json={"email": "a@example.com", "name": "A"})
    assert resp.status_code == 201
    assert "id" in resp.get_json()


# expect: G2.D6
def test_create_note(client):
    client.post("/api/signup", json={"email": "b@example.com"})
    client.post("/api/notes", json={"title": "Groceries"})


# expect: G2.D6
def test_app_starts():
    assert True


# expect: G2.D6
def test_math_still_works():
    assert 1 + 1 == 2


# ok: G2.D6
def test_note_schema_requires_title():
    with pytest.raises(ValidationError):
        NoteSchema().load({"body": "no title"})


# ok: G2.D6
def test_list_requires_login(client):
    resp = client.get("/api/notes")
    assert resp.status_code == 401
