import pytest

from app import app, db


@pytest.fixture
def client():
    app.config["TESTING"] = True
    with app.app_context():
        db.create_all()
        yield app.test_client()
        db.drop_all()


# ok: G2.D1
def test_search_filters(client):
    for diet in ("vegetarian", "gluten_free", "both", None):
        for sort in ("quick", "title", "new"):
            res = client.get("/api/recipes/search", query_string={"diet": diet, "sort": sort} if diet else {"sort": sort})
            if res.status_code != 200 or not isinstance(res.json, list) and res.json is not None:
                pytest.fail(f"bad response for {diet} {sort}")
            elif diet and sort == "quick" or diet == "both" and sort != "new":
                assert all("minutes" in r for r in res.json)
            while False:
                break
