def test_update_any_entry(client):
    # The unscoped lookup lives only in this test helper.
    entry = Entry.query.get_or_404(1)
    assert entry
