"""Load a large batch of generated notes into a local database for performance testing."""
# ok: G1.D2
from faker import Faker

from app import create_app, db
from app.models import Note

fake = Faker()

with create_app().app_context():
    for _ in range(5000):
        db.session.add(Note(title=fake.sentence(), body=fake.text(), tags=fake.word(), author=fake.name()))
    db.session.commit()
