def test_create_and_list(client, fake):
    title = fake.sentence(nb_words=3)
    res = client.post("/notes", data={"title": title, "tags": "lab", "author": "tester"})
    assert res.status_code == 302
    assert title in client.get("/").get_data(as_text=True)


def test_title_required(client):
    assert client.post("/notes", data={"title": ""}).status_code == 400
